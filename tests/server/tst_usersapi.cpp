#include "core/protocol/UserPayloads.h"
#include "tests/support/TestHttp.h"
#include "tests/support/UserApiClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

#include <algorithm>
#include <utility>

using parley::protocol::UserProfile;
using parley::protocol::UserSearchPage;
using Account = UserApiClient::Account;

// Black-box tests of the users API over real HTTP (docs/protocol.md 4.5, 4.12, 4.13): profile and
// search, and the token and method checks every users endpoint shares. Contact discovery and
// presence: tst_presence.
class UsersApiTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void newProfileHasDefaultsAndTheAccountsNumber();
    void profileRoundTripsEveryWritableField();
    void partialUpdateChangesOnlyTheFieldsSent_data();
    void partialUpdateChangesOnlyTheFieldsSent();
    void malformedProfileUpdateIsRefusedAndWritesNothing_data();
    void malformedProfileUpdateIsRefusedAndWritesNothing();

    void nameSearchWalksEveryPageExactlyOnceInNameOrder_data();
    void nameSearchWalksEveryPageExactlyOnceInNameOrder();
    void nameSearchIgnoresCase_data();
    void nameSearchIgnoresCase();
    void nameSearchNeverRevealsPhoneNumbers();
    void nameSearchLeavesOutTheCaller();
    void likeWildcardsInANamePrefixMatchOnlyThemselves_data();
    void likeWildcardsInANamePrefixMatchOnlyThemselves();
    void exactNumberSearchFindsOneUserWithTheNumber_data();
    void exactNumberSearchFindsOneUserWithTheNumber();
    void numberSearchNormalisesAndRefusesNumbersLikeSignIn_data();
    void numberSearchNormalisesAndRefusesNumbersLikeSignIn();
    void searchAnswersByNameAndByNumberDecodeAsOneType();
    void badSearchQueriesAreRefused_data();
    void badSearchQueriesAreRefused();

    void aUsersCardShowsTheirNumberOnlyToThoseWhoShareAChat();
    void unknownUsersCardIsNotFound();

    void everyUsersEndpointNeedsAValidToken_data();
    void everyUsersEndpointNeedsAValidToken();
    void wrongMethodsAreRefused();

private:
    bool createPagingUsers();

    UserApiClient m_api;
    Account m_alice; // a searcher with a name no search here looks for
    Account m_profileOwner; // the account the profile-update tables work on
    QList<Account> m_pagingUsers; // "Test user 01".."Test user 25"
    QHash<QString, QString> m_pagingNames; // userId -> display name
    bool m_wildcardUsersCreated = false;
    Account m_dora; // found by number
    QHash<QString, Account> m_abroad; // E.164 -> an account outside the +1 test range
};

void UsersApiTest::initTestCase()
{
    QVERIFY2(m_api.start(), qPrintable(m_api.server().errorString()));
    m_alice = m_api.signUp(QStringLiteral("Alice Searcher"));
    QVERIFY(!m_alice.token.isEmpty());
    m_profileOwner = m_api.signUp();
    QVERIFY(!m_profileOwner.token.isEmpty());
}

void UsersApiTest::cleanupTestCase()
{
    QCOMPARE(m_api.server().stop(), 0);
}

void UsersApiTest::newProfileHasDefaultsAndTheAccountsNumber()
{
    const Account bob = m_api.signUp();
    QVERIFY(!bob.token.isEmpty());
    const QJsonObject json = m_api.profile(bob);
    auto parsed = UserProfile::fromJson(json);
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
    const UserProfile &bobProfile = parsed.value();
    QCOMPARE(bobProfile.id, bob.userId);
    QCOMPARE(bobProfile.phoneNumber, bob.phoneNumber);
    QCOMPARE(bobProfile.displayName, QString());
    QCOMPARE(bobProfile.about, QString());
    QVERIFY(!bobProfile.avatarMediaId);
    QVERIFY(!bobProfile.email);
    QVERIFY(json.value(QStringLiteral("email")).isNull());
    QVERIFY(json.value(QStringLiteral("avatarMediaId")).isNull());
    QVERIFY(bobProfile.privacy.lastSeen);
    QVERIFY(bobProfile.privacy.readReceipts);
}

void UsersApiTest::profileRoundTripsEveryWritableField()
{
    const Account carol = m_api.signUp();
    const QJsonObject privacy{{QStringLiteral("lastSeen"), false},
                              {QStringLiteral("readReceipts"), false}};
    const QJsonObject update{{QStringLiteral("displayName"), QStringLiteral("Carol Ünïcödé 🌴")},
                             {QStringLiteral("about"), QString(140, u'a')},
                             {QStringLiteral("avatarMediaId"), QStringLiteral("media:0f3a-77")},
                             {QStringLiteral("privacy"), privacy}};
    const HttpReply reply = TestHttp::putJson(m_api.url(QStringLiteral("/api/v1/users/profile")),
                                              update, carol.token);
    QCOMPARE(reply.status, 200);
    QJsonObject expected = update;
    expected.insert(QStringLiteral("id"), carol.userId);
    expected.insert(QStringLiteral("phoneNumber"), carol.phoneNumber);
    expected.insert(QStringLiteral("email"), QJsonValue::Null);
    QCOMPARE(reply.json(), expected);
    QCOMPARE(m_api.profile(carol), expected);
}

void UsersApiTest::partialUpdateChangesOnlyTheFieldsSent_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QJsonObject>("changed"); // top-level fields expected to differ afterwards

    const auto privacy = [](bool lastSeen, bool readReceipts) {
        return QJsonObject{{QStringLiteral("lastSeen"), lastSeen},
                           {QStringLiteral("readReceipts"), readReceipts}};
    };
    QTest::newRow("display name") << QByteArray(R"({"displayName":"Renamed"})")
                                  << QJsonObject{{QStringLiteral("displayName"),
                                                  QStringLiteral("Renamed")}};
    QTest::newRow("about") << QByteArray(R"({"about":"busy"})")
                           << QJsonObject{{QStringLiteral("about"), QStringLiteral("busy")}};
    QTest::newRow("about cleared")
        << QByteArray(R"({"about":""})") << QJsonObject{{QStringLiteral("about"), QString()}};
    QTest::newRow("avatar replaced")
        << QByteArray(R"({"avatarMediaId":"m2"})")
        << QJsonObject{{QStringLiteral("avatarMediaId"), QStringLiteral("m2")}};
    QTest::newRow("avatar removed")
        << QByteArray(R"({"avatarMediaId":""})")
        << QJsonObject{{QStringLiteral("avatarMediaId"), QJsonValue::Null}};
    QTest::newRow("one privacy setting")
        << QByteArray(R"({"privacy":{"readReceipts":false}})")
        << QJsonObject{{QStringLiteral("privacy"), privacy(true, false)}};
    QTest::newRow("both privacy settings")
        << QByteArray(R"({"privacy":{"lastSeen":false,"readReceipts":false}})")
        << QJsonObject{{QStringLiteral("privacy"), privacy(false, false)}};
    QTest::newRow("null counts as absent")
        << QByteArray(R"({"displayName":null,"about":null,"avatarMediaId":null,"privacy":null})")
        << QJsonObject{};
    QTest::newRow("null privacy setting counts as absent")
        << QByteArray(R"({"privacy":{"lastSeen":null}})") << QJsonObject{};
    QTest::newRow("empty object") << QByteArray("{}") << QJsonObject{};
    QTest::newRow("read-only fields are ignored")
        << QByteArray(R"({"email":"x@example.org","phoneNumber":"+12025550199","id":"other"})")
        << QJsonObject{};
    QTest::newRow("unknown fields are ignored")
        << QByteArray(R"({"theme":"dark"})") << QJsonObject{};
}

void UsersApiTest::partialUpdateChangesOnlyTheFieldsSent()
{
    QFETCH(QByteArray, body);
    QFETCH(QJsonObject, changed);
    const QByteArray baseline
        = R"({"displayName":"Base","about":"base about",)"
          R"("avatarMediaId":"m1","privacy":{"lastSeen":true,"readReceipts":true}})";
    QCOMPARE(
        m_api.put(QStringLiteral("/api/v1/users/profile"), baseline, m_profileOwner.token).status,
        200);
    QJsonObject expected = m_api.profile(m_profileOwner);
    QVERIFY(!expected.isEmpty());
    for (auto it = changed.begin(); it != changed.end(); ++it)
        expected.insert(it.key(), it.value());

    const HttpReply reply
        = m_api.put(QStringLiteral("/api/v1/users/profile"), body, m_profileOwner.token);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json(), expected);
    QCOMPARE(m_api.profile(m_profileOwner), expected);
}

void UsersApiTest::malformedProfileUpdateIsRefusedAndWritesNothing_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    const QString invalid = QStringLiteral("invalid_field");
    const QByteArray longName = QByteArray(65, 'n');
    const QByteArray longAbout = QByteArray(141, 'a');

    QTest::newRow("empty body") << QByteArray() << 400 << QStringLiteral("malformed_json");
    QTest::newRow("not json") << QByteArray("displayName=Bob") << 400
                              << QStringLiteral("malformed_json");
    QTest::newRow("array") << QByteArray(R"([{"displayName":"Bob"}])") << 400
                           << QStringLiteral("malformed_json");
    QTest::newRow("truncated") << QByteArray(R"({"displayName":"Bo)") << 400
                               << QStringLiteral("malformed_json");
    QTest::newRow("name is a number") << QByteArray(R"({"displayName":42})") << 400 << invalid;
    QTest::newRow("name is an object") << QByteArray(R"({"displayName":{}})") << 400 << invalid;
    QTest::newRow("name is empty") << QByteArray(R"({"displayName":""})") << 400 << invalid;
    QTest::newRow("name is blank") << QByteArray(R"({"displayName":"   "})") << 400 << invalid;
    QTest::newRow("name of 65") << QByteArray(R"({"displayName":")" + longName + R"("})") << 400
                                << invalid;
    QTest::newRow("name with a line break")
        << QByteArray(R"({"displayName":"Bob\nSmith"})") << 400 << invalid;
    QTest::newRow("name with a line separator")
        << QByteArray(R"({"displayName":"Bob\u2028Smith"})") << 400 << invalid;
    QTest::newRow("about of 141") << QByteArray(R"({"about":")" + longAbout + R"("})") << 400
                                  << invalid;
    QTest::newRow("about is an array") << QByteArray(R"({"about":["x"]})") << 400 << invalid;
    QTest::newRow("about is true") << QByteArray(R"({"about":true})") << 400 << invalid;
    QTest::newRow("about with a bell") << QByteArray(R"({"about":"ding\u0007"})") << 400 << invalid;
    QTest::newRow("avatar is a number") << QByteArray(R"({"avatarMediaId":7})") << 400 << invalid;
    QTest::newRow("avatar with a space")
        << QByteArray(R"({"avatarMediaId":"a b"})") << 400 << invalid;
    QTest::newRow("avatar not ASCII")
        << QByteArray(R"({"avatarMediaId":"bild-ü"})") << 400 << invalid;
    QTest::newRow("avatar of 65") << QByteArray(R"({"avatarMediaId":")" + QByteArray(65, 'm')
                                                + R"("})")
                                  << 400 << invalid;
    QTest::newRow("privacy is a string") << QByteArray(R"({"privacy":"nobody"})") << 400 << invalid;
    QTest::newRow("privacy is an array") << QByteArray(R"({"privacy":[false]})") << 400 << invalid;
    QTest::newRow("privacy key misspelt")
        << QByteArray(R"({"privacy":{"lastseen":false}})") << 400 << invalid;
    QTest::newRow("privacy key unknown")
        << QByteArray(R"({"privacy":{"typing":false}})") << 400 << invalid;
    QTest::newRow("lastSeen is a string")
        << QByteArray(R"({"privacy":{"lastSeen":"false"}})") << 400 << invalid;
    QTest::newRow("readReceipts is a number")
        << QByteArray(R"({"privacy":{"readReceipts":0}})") << 400 << invalid;
    // A valid field before the bad one is not written either.
    QTest::newRow("good name, bad about")
        << QByteArray(R"({"displayName":"Changed","about":")" + longAbout + R"("})") << 400
        << invalid;
    QTest::newRow("good setting, unknown setting")
        << QByteArray(R"({"privacy":{"lastSeen":false,"typing":false}})") << 400 << invalid;
    QTest::newRow("good name, bad avatar")
        << QByteArray(R"({"displayName":"Changed","avatarMediaId":"a b"})") << 400 << invalid;
    QTest::newRow("oversized body")
        << QByteArray(R"({"about":")" + QByteArray(70000, 'a') + R"("})") << 413
        << QStringLiteral("payload_too_large");
}

void UsersApiTest::malformedProfileUpdateIsRefusedAndWritesNothing()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    const QByteArray known
        = R"({"displayName":"Known","about":"known about",)"
          R"("avatarMediaId":"k1","privacy":{"lastSeen":true,"readReceipts":true}})";
    QCOMPARE(m_api.put(QStringLiteral("/api/v1/users/profile"), known, m_profileOwner.token).status,
             200);
    const QJsonObject before = m_api.profile(m_profileOwner);
    QVERIFY(!before.isEmpty());

    const HttpReply reply
        = m_api.put(QStringLiteral("/api/v1/users/profile"), body, m_profileOwner.token);
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.errorCode(), code);
    QVERIFY(!reply.errorMessage().isEmpty());
    QCOMPARE(m_api.profile(m_profileOwner), before);
}

bool UsersApiTest::createPagingUsers()
{
    if (!m_pagingUsers.isEmpty())
        return m_pagingUsers.size() == 25;
    // Mixed case and a shuffled creation order: the order must come from the names.
    for (int i : {7,  1,  25, 13, 2,  19, 8,  24, 3,  14, 20, 9, 4,
                  15, 21, 10, 5,  16, 22, 11, 6,  17, 23, 12, 18}) {
        QString name = QStringLiteral("Test user %1").arg(i, 2, 10, QLatin1Char('0'));
        if (i % 3 == 0)
            name = name.toUpper();
        else if (i % 3 == 1)
            name = name.toLower();
        const Account account = m_api.signUp(name);
        if (account.token.isEmpty())
            return false;
        m_pagingUsers.append(account);
        m_pagingNames.insert(account.userId, name);
    }
    return true;
}

void UsersApiTest::nameSearchWalksEveryPageExactlyOnceInNameOrder_data()
{
    QTest::addColumn<int>("limit"); // 0: the default
    QTest::addColumn<QList<int>>("pageSizes");
    QTest::newRow("default limit") << 0 << QList<int>{20, 5};
    QTest::newRow("pages of 10") << 10 << QList<int>{10, 10, 5};
    QTest::newRow("pages of 1") << 1 << QList<int>(25, 1);
    QTest::newRow("one page of 25") << 25 << QList<int>{25};
    QTest::newRow("maximum limit") << 50 << QList<int>{25};
}

void UsersApiTest::nameSearchWalksEveryPageExactlyOnceInNameOrder()
{
    QFETCH(int, limit);
    QFETCH(QList<int>, pageSizes);
    QVERIFY(createPagingUsers());

    QStringList ids;
    QList<int> sizes;
    QString cursor;
    do {
        QString extra = limit > 0 ? QStringLiteral("&limit=%1").arg(limit) : QString();
        if (!cursor.isEmpty())
            extra += QStringLiteral("&cursor=") + UserApiClient::percent(cursor);
        const HttpReply reply = m_api.search(m_alice, QStringLiteral("Test user"), extra);
        QCOMPARE(reply.status, 200);
        auto page = UserSearchPage::fromJson(reply.json());
        QVERIFY(page);
        sizes.append(int(page.value().users.size()));
        for (const auto &user : page.value().users)
            ids.append(user.id);
        cursor = page.value().nextCursor.value_or(QString());
        QVERIFY2(sizes.size() <= 30, "the cursor does not advance");
    } while (!cursor.isEmpty());

    QCOMPARE(sizes, pageSizes);
    QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), ids.size()); // no duplicates
    QStringList expectedIds = m_pagingNames.keys();
    std::sort(expectedIds.begin(), expectedIds.end(), [this](const QString &a, const QString &b) {
        return m_pagingNames.value(a).toLower() < m_pagingNames.value(b).toLower();
    });
    QCOMPARE(ids, expectedIds); // none missing, in case-insensitive name order
}

void UsersApiTest::nameSearchIgnoresCase_data()
{
    QTest::addColumn<QString>("q");
    QTest::addColumn<int>("found");
    QTest::newRow("lower") << QStringLiteral("test user") << 25;
    QTest::newRow("upper") << QStringLiteral("TEST USER") << 25;
    QTest::newRow("mixed, narrower") << QStringLiteral("tEsT uSeR 1") << 10;
    QTest::newRow("exact name in other case") << QStringLiteral("test USER 07") << 1;
    QTest::newRow("no such prefix") << QStringLiteral("Tesx") << 0;
    QTest::newRow("surrounding spaces are trimmed") << QStringLiteral("  test user 2  ") << 6;
}

void UsersApiTest::nameSearchIgnoresCase()
{
    QFETCH(QString, q);
    QFETCH(int, found);
    QVERIFY(createPagingUsers());
    QCOMPARE(m_api.namesFound(m_alice, q).size(), found);
}

void UsersApiTest::nameSearchNeverRevealsPhoneNumbers()
{
    QVERIFY(createPagingUsers());
    const HttpReply reply
        = m_api.search(m_alice, QStringLiteral("test"), QStringLiteral("&limit=50"));
    QCOMPARE(reply.status, 200);
    const QJsonArray users = reply.json().value(QStringLiteral("users")).toArray();
    QCOMPARE(users.size(), 25);
    for (const QJsonValue &user : users) {
        const QJsonObject item = user.toObject();
        QVERIFY(!item.contains(QStringLiteral("phoneNumber")));
        QVERIFY(!item.value(QStringLiteral("id")).toString().isEmpty());
        QVERIFY(item.contains(QStringLiteral("avatarMediaId")));
    }
    for (const Account &account : std::as_const(m_pagingUsers)) {
        QVERIFY(!reply.body.contains(account.phoneNumber.toLatin1()));
        QVERIFY(!reply.body.contains(account.phoneNumber.mid(1).toLatin1()));
    }
}

void UsersApiTest::nameSearchLeavesOutTheCaller()
{
    QVERIFY(createPagingUsers());
    const Account &caller = m_pagingUsers.first();
    const QStringList names = m_api.namesFound(caller, QStringLiteral("test user"));
    QCOMPARE(names.size(), 24);
    QVERIFY(!names.contains(m_pagingNames.value(caller.userId)));
    QCOMPARE(m_api.namesFound(caller, m_pagingNames.value(caller.userId)), QStringList());
}

void UsersApiTest::likeWildcardsInANamePrefixMatchOnlyThemselves_data()
{
    QTest::addColumn<QString>("q");
    QTest::addColumn<QStringList>("names");
    QTest::newRow("percent, percent") << QStringLiteral("%%") << QStringList();
    QTest::newRow("percent first")
        << QStringLiteral("%d") << QStringList{QStringLiteral("%discount")};
    QTest::newRow("percent last") << QStringLiteral("100%")
                                  << QStringList{QStringLiteral("100% real")};
    QTest::newRow("underscore first")
        << QStringLiteral("_f") << QStringList{QStringLiteral("_first")};
    QTest::newRow("underscore inside")
        << QStringLiteral("w_") << QStringList{QStringLiteral("w_b")};
    QTest::newRow("escape character")
        << QStringLiteral("ok!") << QStringList{QStringLiteral("ok!go")};
    QTest::newRow("backslash") << QStringLiteral("back\\")
                               << QStringList{QStringLiteral("back\\slash")};
    QTest::newRow("quote") << QStringLiteral("o'") << QStringList{QStringLiteral("o'brien")};
}

void UsersApiTest::likeWildcardsInANamePrefixMatchOnlyThemselves()
{
    QFETCH(QString, q);
    QFETCH(QStringList, names);
    if (!m_wildcardUsersCreated) {
        // Each has a neighbour that an unescaped wildcard would also match.
        for (const char *name :
             {"%discount", "dog", "100% real", "1000 fans", "_first", "xfirst", "w_b", "wxb",
              "ok!go", "okxgo", "back\\slash", "backxslash", "o'brien", "oxbrien"}) {
            QVERIFY(!m_api.signUp(QString::fromUtf8(name)).token.isEmpty());
        }
        m_wildcardUsersCreated = true;
    }
    QCOMPARE(m_api.namesFound(m_alice, q), names);
}

void UsersApiTest::exactNumberSearchFindsOneUserWithTheNumber_data()
{
    QTest::addColumn<QString>("written"); // how the searcher wrote it; %1: the last four digits
    QTest::newRow("E.164") << QStringLiteral("+1202555%1");
    QTest::newRow("spaces") << QStringLiteral("+1 202 555 %1");
    QTest::newRow("punctuation") << QStringLiteral("+1 (202) 555-%1");
    QTest::newRow("dots and a slash") << QStringLiteral("+1.202/555.%1");
    QTest::newRow("surrounding spaces") << QStringLiteral("  +1202555%1 ");
}

void UsersApiTest::exactNumberSearchFindsOneUserWithTheNumber()
{
    QFETCH(QString, written);
    if (m_dora.token.isEmpty())
        m_dora = m_api.signUp(QStringLiteral("Dora Number"));
    const Account &dora = m_dora;
    QVERIFY(!dora.token.isEmpty());
    QVERIFY(dora.phoneNumber.startsWith(QLatin1String("+1202555")));
    const HttpReply reply = m_api.search(m_alice, written.arg(dora.phoneNumber.right(4)));
    QCOMPARE(reply.status, 200);
    auto page = UserSearchPage::fromJson(reply.json());
    QVERIFY(page);
    QCOMPARE(page.value().users.size(), 1);
    QCOMPARE(page.value().users.first().id, dora.userId);
    QCOMPARE(page.value().users.first().displayName, QStringLiteral("Dora Number"));
    QCOMPARE(page.value().users.first().phoneNumber.value_or(QString()), dora.phoneNumber);
    QVERIFY(!page.value().nextCursor);

    // Callers find themselves by their own number; an unregistered number finds nobody.
    QCOMPARE(
        m_api.search(dora, dora.phoneNumber).json().value(QStringLiteral("users")).toArray().size(),
        1);
    const HttpReply none = m_api.search(m_alice, UserApiClient::number(99));
    QCOMPARE(none.status, 200);
    QCOMPARE(none.json().value(QStringLiteral("users")).toArray().size(), 0);
}

void UsersApiTest::numberSearchNormalisesAndRefusesNumbersLikeSignIn_data()
{
    QTest::addColumn<QString>("written");
    QTest::addColumn<QString>("e164"); // the account found; empty: refused
    QTest::addColumn<QString>("reason"); // the refusal's message contains it
    QTest::newRow("trunk prefix") << QStringLiteral("+44 (0)20 7946 0958")
                                  << QStringLiteral("+442079460958") << QString();
    QTest::newRow("E.164 of it") << QStringLiteral("+442079460958")
                                 << QStringLiteral("+442079460958") << QString();
    QTest::newRow("dots") << QStringLiteral("+49.30.901820") << QStringLiteral("+4930901820")
                          << QString();
    QTest::newRow("not in use") << QStringLiteral("+1 555 123 4567") << QString()
                                << QStringLiteral("invalid phone number: not a number in use");
    QTest::newRow("unknown country") << QStringLiteral("+999 1234567") << QString()
                                     << QStringLiteral("invalid phone number: it must start");
    QTest::newRow("too short") << QStringLiteral("+1 202") << QString()
                               << QStringLiteral("invalid phone number: too short");
}

// Every spelling that signs in to an account finds it, and a number sign-in refuses is refused
// with the same reason (docs/protocol.md 4.5, 4.16).
void UsersApiTest::numberSearchNormalisesAndRefusesNumbersLikeSignIn()
{
    QFETCH(QString, written);
    QFETCH(QString, e164);
    QFETCH(QString, reason);
    const HttpReply reply = m_api.search(m_alice, written);
    if (e164.isEmpty()) {
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.errorCode(), QStringLiteral("invalid_phone_number"));
        QVERIFY2(reply.errorMessage().startsWith(reason), qPrintable(reply.errorMessage()));
        return;
    }
    if (!m_abroad.contains(e164))
        m_abroad.insert(e164, m_api.signUp(QStringLiteral("Abroad"), e164));
    const Account &account = m_abroad.value(e164);
    QVERIFY(!account.token.isEmpty());
    const HttpReply found = m_api.search(m_alice, written);
    QCOMPARE(found.status, 200);
    auto page = UserSearchPage::fromJson(found.json());
    QVERIFY(page);
    QCOMPARE(page.value().users.size(), 1);
    QCOMPARE(page.value().users.first().id, account.userId);
    QCOMPARE(page.value().users.first().phoneNumber.value_or(QString()), e164);
}

// What the server answers, by number and by name, decodes as UserSearchPage and encodes back to
// the same bytes: the client and the server share the one type (docs/protocol.md 4.5).
void UsersApiTest::searchAnswersByNameAndByNumberDecodeAsOneType()
{
    const Account erin = m_api.signUp(QStringLiteral("Erin Roundtrip"));
    QVERIFY(!erin.token.isEmpty());
    for (const QString &q : {erin.phoneNumber, QStringLiteral("erin round")}) {
        const HttpReply reply = m_api.search(m_alice, q);
        QCOMPARE(reply.status, 200);
        const auto page = UserSearchPage::fromJson(reply.json());
        QVERIFY2(page, qPrintable(q));
        QCOMPARE(page.value().users.size(), 1);
        QCOMPARE(page.value().users.first().id, erin.userId);
        QCOMPARE(page.value().users.first().displayName, QStringLiteral("Erin Roundtrip"));
        QCOMPARE(page.value().users.first().phoneNumber.has_value(), q == erin.phoneNumber);
        QCOMPARE(QJsonDocument(page.value().toJson()).toJson(QJsonDocument::Compact), reply.body);
    }
}

void UsersApiTest::badSearchQueriesAreRefused_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("code");
    const QString invalid = QStringLiteral("invalid_field");
    const QString badNumber = QStringLiteral("invalid_phone_number");
    const QString garbageJson = QString::fromLatin1(
        QByteArray(R"({"k":"test"})").toBase64(QByteArray::Base64UrlEncoding));

    QTest::newRow("no q") << QString() << QStringLiteral("missing_field");
    QTest::newRow("empty q") << QStringLiteral("q=") << QStringLiteral("missing_field");
    QTest::newRow("blank q") << QStringLiteral("q=%20%20") << QStringLiteral("missing_field");
    QTest::newRow("one letter") << QStringLiteral("q=a") << invalid;
    QTest::newRow("q of 65") << QString(QStringLiteral("q=") + QString(65, u'x')) << invalid;
    QTest::newRow("number too short") << QStringLiteral("q=%2B1202") << badNumber;
    QTest::newRow("digits without plus") << QStringLiteral("q=2025550100") << badNumber;
    QTest::newRow("digits with separators") << QStringLiteral("q=(202)%20555-0100") << badNumber;
    QTest::newRow("plus and letters") << QStringLiteral("q=%2B1abc") << badNumber;
    QTest::newRow("limit zero") << QStringLiteral("q=te&limit=0") << invalid;
    QTest::newRow("limit 51") << QStringLiteral("q=te&limit=51") << invalid;
    QTest::newRow("limit negative") << QStringLiteral("q=te&limit=-1") << invalid;
    QTest::newRow("limit fraction") << QStringLiteral("q=te&limit=2.5") << invalid;
    QTest::newRow("limit word") << QStringLiteral("q=te&limit=ten") << invalid;
    QTest::newRow("cursor not base64") << QStringLiteral("q=te&cursor=%25%25%25") << invalid;
    QTest::newRow("cursor not ours")
        << QString(QStringLiteral("q=te&cursor=") + garbageJson) << invalid;
    QTest::newRow("cursor too long")
        << QString(QStringLiteral("q=te&cursor=") + QString(600, u'A')) << invalid;
}

void UsersApiTest::badSearchQueriesAreRefused()
{
    QFETCH(QString, query);
    QFETCH(QString, code);
    const HttpReply reply
        = TestHttp::get(m_api.url(QStringLiteral("/api/v1/users/search?") + query), m_alice.token);
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.errorCode(), code);
}

void UsersApiTest::aUsersCardShowsTheirNumberOnlyToThoseWhoShareAChat()
{
    const Account erin = m_api.signUp(QStringLiteral("Erin Card"));
    const Account frank = m_api.signUp();
    QCOMPARE(TestHttp::putJson(m_api.url(QStringLiteral("/api/v1/users/profile")),
                               {{QStringLiteral("about"), QStringLiteral("at the lake")}},
                               erin.token)
                 .status,
             200);
    const QUrl erinsCard = m_api.url(QStringLiteral("/api/v1/users/") + erin.userId);

    // A stranger sees the public profile, never the number (the key is absent, not null).
    const HttpReply stranger = TestHttp::get(erinsCard, frank.token);
    QCOMPARE(stranger.status, 200);
    const QJsonObject expected{{QStringLiteral("id"), erin.userId},
                               {QStringLiteral("displayName"), QStringLiteral("Erin Card")},
                               {QStringLiteral("about"), QStringLiteral("at the lake")},
                               {QStringLiteral("avatarMediaId"), QJsonValue::Null}};
    QCOMPARE(stranger.json(), expected);

    // Once they share a chat (Erin writes to Frank), Frank sees her number, and she his.
    QCOMPARE(TestHttp::postJson(m_api.url(QStringLiteral("/api/v1/chats")),
                                {{QStringLiteral("userId"), frank.userId}}, erin.token)
                 .status,
             200);
    const HttpReply partner = TestHttp::get(erinsCard, frank.token);
    QCOMPARE(partner.status, 200);
    QJsonObject withNumber = expected;
    withNumber.insert(QStringLiteral("phoneNumber"), erin.phoneNumber);
    QCOMPARE(partner.json(), withNumber);
    auto decoded = parley::protocol::UserCard::fromJson(partner.json());
    QVERIFY(decoded);
    QCOMPARE(decoded->phoneNumber, erin.phoneNumber);
    const HttpReply back
        = TestHttp::get(m_api.url(QStringLiteral("/api/v1/users/") + frank.userId), erin.token);
    QCOMPARE(back.json().value(QStringLiteral("phoneNumber")).toString(), frank.phoneNumber);

    // Everyone sees their own.
    const HttpReply own = TestHttp::get(
        m_api.url(QStringLiteral("/api/v1/users/") + m_alice.userId), m_alice.token);
    QCOMPARE(own.json().value(QStringLiteral("phoneNumber")).toString(), m_alice.phoneNumber);
    // The literal routes still win over the id.
    QCOMPARE(TestHttp::get(m_api.url(QStringLiteral("/api/v1/users/profile")), m_alice.token)
                 .json()
                 .value(QStringLiteral("id"))
                 .toString(),
             m_alice.userId);
}

void UsersApiTest::unknownUsersCardIsNotFound()
{
    const HttpReply reply
        = TestHttp::get(m_api.url(QStringLiteral("/api/v1/users/nobody-like-this")), m_alice.token);
    QCOMPARE(reply.status, 404);
    QCOMPARE(reply.errorCode(), QStringLiteral("unknown_user"));
}

void UsersApiTest::everyUsersEndpointNeedsAValidToken_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("code");
    const QList<QPair<QByteArray, QString>> endpoints{
        {"GET", QStringLiteral("/api/v1/users/profile")},
        {"PUT", QStringLiteral("/api/v1/users/profile")},
        {"GET", QStringLiteral("/api/v1/users/search?q=test")},
        {"POST", QStringLiteral("/api/v1/users/contacts/sync")},
        {"GET", QStringLiteral("/api/v1/users/someone/status")},
        {"GET", QStringLiteral("/api/v1/users/someone")}};
    for (const auto &[method, path] : endpoints) {
        QTest::addRow("%s %s, no token", method.constData(), qPrintable(path))
            << method << path << QString() << QStringLiteral("unauthorized");
        QTest::addRow("%s %s, bad token", method.constData(), qPrintable(path))
            << method << path << QStringLiteral("garbage") << QStringLiteral("token_invalid");
    }
}

void UsersApiTest::everyUsersEndpointNeedsAValidToken()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QString, token);
    QFETCH(QString, code);
    const QByteArray body = R"({"displayName":"X","hashes":["x"]})";
    const HttpReply reply = method == "GET" ? TestHttp::get(m_api.url(path), token)
        : method == "PUT"                   ? m_api.put(path, body, token)
                                            : TestHttp::post(m_api.url(path), body, token);
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.errorCode(), code);
}

void UsersApiTest::wrongMethodsAreRefused()
{
    const HttpReply syncByGet
        = TestHttp::get(m_api.url(QStringLiteral("/api/v1/users/contacts/sync")), m_alice.token);
    QCOMPARE(syncByGet.status, 405);
    QCOMPARE(syncByGet.errorCode(), QStringLiteral("method_not_allowed"));
    const HttpReply profileByPost
        = TestHttp::post(m_api.url(QStringLiteral("/api/v1/users/profile")), "{}", m_alice.token);
    QCOMPARE(profileByPost.status, 405);
}

QTEST_GUILESS_MAIN(UsersApiTest)
#include "tst_usersapi.moc"
