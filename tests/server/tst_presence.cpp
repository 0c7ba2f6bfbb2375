#include "core/protocol/UserPayloads.h"
#include "tests/support/TestClient.h"
#include "tests/support/TestHttp.h"
#include "tests/support/UserApiClient.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QTest>

#include <memory>

using parley::protocol::UserStatus;
using Account = UserApiClient::Account;

namespace {

constexpr int WaitMs = UserApiClient::WaitMs;

// Computed here, not with the protocol library: the test pins down the wire definition.
QString sha256Hex(const QString &text)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}

} // namespace

// Black-box tests of contact discovery and presence over real HTTP and real WebSockets
// (docs/protocol.md 4.14, 4.15), with the privacy rules of last seen.
class PresenceTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void contactSyncMatchesOnlyRegisteredNumbers();
    void contactSyncTakesAFullBatch();
    void malformedContactSyncIsRefused_data();
    void malformedContactSyncIsRefused();

    void statusFollowsTheSocket();
    void statusStaysOnlineUntilTheLastConnectionCloses();
    void hiddenLastSeenHidesOnlineAndLastSeenFromOthers();
    void hidingYourOwnLastSeenHidesEveryoneElses();
    void statusOfAnUnknownUserIsNotFound();

    // Restarts the server: keep it last.
    void serverShutdownCountsAsGoingOffline();

private:
    UserApiClient m_api;
    Account m_alice; // syncs contacts and looks up everyone's status
};

void PresenceTest::initTestCase()
{
    QVERIFY2(m_api.start(), qPrintable(m_api.server().errorString()));
    m_alice = m_api.signUp(QStringLiteral("Alice"));
    QVERIFY(!m_alice.token.isEmpty());
}

void PresenceTest::cleanupTestCase()
{
    QCOMPARE(m_api.server().stop(), 0);
}

void PresenceTest::contactSyncMatchesOnlyRegisteredNumbers()
{
    // Signed up after the server started: their hashes are filled in on demand.
    const Account erin = m_api.signUp(QStringLiteral("Erin"));
    const Account frank = m_api.signUp(QStringLiteral("Frank"));
    QVERIFY(!erin.token.isEmpty() && !frank.token.isEmpty());
    const QString unregistered = UserApiClient::number(98);
    const QJsonArray hashes{sha256Hex(erin.phoneNumber), sha256Hex(unregistered),
                            sha256Hex(frank.phoneNumber), sha256Hex(erin.phoneNumber),
                            sha256Hex(erin.phoneNumber.mid(1))}; // without '+': another number
    const HttpReply reply
        = TestHttp::postJson(m_api.url(QStringLiteral("/api/v1/users/contacts/sync")),
                             {{QStringLiteral("hashes"), hashes}}, m_alice.token);
    QCOMPARE(reply.status, 200);
    const QJsonArray matches = reply.json().value(QStringLiteral("matches")).toArray();
    QCOMPARE(matches.size(), 2);
    QHash<QString, QJsonObject> byHash;
    for (const QJsonValue &match : matches)
        byHash.insert(match.toObject().value(QStringLiteral("hash")).toString(), match.toObject());
    const QJsonObject erinMatch = byHash.value(sha256Hex(erin.phoneNumber));
    QCOMPARE(erinMatch.value(QStringLiteral("userId")).toString(), erin.userId);
    QCOMPARE(erinMatch.value(QStringLiteral("displayName")).toString(), QStringLiteral("Erin"));
    QCOMPARE(byHash.value(sha256Hex(frank.phoneNumber)).value(QStringLiteral("userId")).toString(),
             frank.userId);
    QVERIFY(!reply.body.contains(erin.phoneNumber.mid(1).toLatin1()));
}

void PresenceTest::contactSyncTakesAFullBatch()
{
    QJsonArray hashes;
    for (int i = 0; i < parley::protocol::limits::MaxContactHashes; ++i)
        hashes.append(sha256Hex(QStringLiteral("+1202999%1").arg(i, 4, 10, QLatin1Char('0'))));
    hashes.replace(250, sha256Hex(m_alice.phoneNumber));
    const HttpReply reply
        = TestHttp::postJson(m_api.url(QStringLiteral("/api/v1/users/contacts/sync")),
                             {{QStringLiteral("hashes"), hashes}}, m_alice.token);
    QCOMPARE(reply.status, 200);
    const QJsonArray matches = reply.json().value(QStringLiteral("matches")).toArray();
    QCOMPARE(matches.size(), 1);
    QCOMPARE(matches.first().toObject().value(QStringLiteral("userId")).toString(), m_alice.userId);
}

void PresenceTest::malformedContactSyncIsRefused_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    const QString invalid = QStringLiteral("invalid_field");
    const QByteArray good = sha256Hex(QStringLiteral("+12025550100")).toLatin1();
    auto list = [](const QByteArrayList &items) -> QByteArray {
        return R"({"hashes":[)" + items.join(',') + "]}";
    };
    auto quoted = [](const QByteArray &text) -> QByteArray { return '"' + text + '"'; };
    QByteArrayList tooMany;
    for (int i = 0; i <= parley::protocol::limits::MaxContactHashes; ++i)
        tooMany.append(quoted(good));

    QTest::newRow("not json") << QByteArray("hashes=abc") << 400
                              << QStringLiteral("malformed_json");
    QTest::newRow("no hashes") << QByteArray("{}") << 400 << QStringLiteral("missing_field");
    QTest::newRow("hashes null") << QByteArray(R"({"hashes":null})") << 400
                                 << QStringLiteral("missing_field");
    QTest::newRow("hashes is a string")
        << QByteArray(R"({"hashes":)" + quoted(good) + "}") << 400 << invalid;
    QTest::newRow("empty list") << list({}) << 400 << invalid;
    QTest::newRow("upper-case hex") << list({quoted(good.toUpper())}) << 400 << invalid;
    QTest::newRow("63 characters") << list({quoted(good.left(63))}) << 400 << invalid;
    QTest::newRow("65 characters") << list({quoted(good + 'a')}) << 400 << invalid;
    QTest::newRow("not hex") << list({quoted(QByteArray(64, 'g'))}) << 400 << invalid;
    QTest::newRow("a raw number") << list({quoted("+12025550100")}) << 400 << invalid;
    QTest::newRow("a number value") << list({"42"}) << 400 << invalid;
    QTest::newRow("a null item") << list({quoted(good), "null"}) << 400 << invalid;
    QTest::newRow("bad item after good ones")
        << list({quoted(good), quoted(good), quoted("x")}) << 400 << invalid;
    QTest::newRow("501 hashes") << list(tooMany) << 413 << QStringLiteral("payload_too_large");
}

void PresenceTest::malformedContactSyncIsRefused()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    const HttpReply reply = TestHttp::post(m_api.url(QStringLiteral("/api/v1/users/contacts/sync")),
                                           body, m_alice.token);
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.errorCode(), code);
}

void PresenceTest::statusFollowsTheSocket()
{
    Account gina;
    std::unique_ptr<TestClient> client = m_api.connectedClient(gina);
    QVERIFY(client);
    UserStatus seen = m_api.status(m_alice, gina.userId);
    QCOMPARE(seen.userId, gina.userId);
    QVERIFY(!seen.online);
    QVERIFY(!seen.lastSeen); // never connected

    QVERIFY2(client->startMessaging(), qPrintable(client->lastError()));
    QTRY_VERIFY_WITH_TIMEOUT(m_api.status(m_alice, gina.userId).online, WaitMs);
    QVERIFY(!m_api.status(m_alice, gina.userId).lastSeen);

    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    client->socket().close();
    QTRY_VERIFY_WITH_TIMEOUT(!m_api.status(m_alice, gina.userId).online, WaitMs);
    const qint64 after = QDateTime::currentMSecsSinceEpoch();
    seen = m_api.status(m_alice, gina.userId);
    QVERIFY(seen.lastSeen);
    QVERIFY2(*seen.lastSeen >= before - 1000 && *seen.lastSeen <= after + 1000,
             qPrintable(QString::number(*seen.lastSeen - before)));

    // Online again: no last seen while online; the next disconnect moves it on.
    client->socket().open(m_api.server().url(), gina.token);
    QTRY_VERIFY_WITH_TIMEOUT(m_api.status(m_alice, gina.userId).online, WaitMs);
    QVERIFY(!m_api.status(m_alice, gina.userId).lastSeen);
    client->socket().close();
    QTRY_VERIFY_WITH_TIMEOUT(!m_api.status(m_alice, gina.userId).online, WaitMs);
    QVERIFY(m_api.status(m_alice, gina.userId).lastSeen.value_or(0) > *seen.lastSeen);
}

void PresenceTest::statusStaysOnlineUntilTheLastConnectionCloses()
{
    Account hugo;
    std::unique_ptr<TestClient> phone = m_api.connectedClient(hugo);
    QVERIFY(phone);
    TestClient laptop(m_api.server().url());
    QVERIFY2(laptop.login(m_api.server(), hugo.phoneNumber), qPrintable(laptop.lastError()));
    QCOMPARE(laptop.session().userId, hugo.userId);
    QVERIFY(phone->startMessaging());
    QVERIFY(laptop.startMessaging());
    QTRY_VERIFY_WITH_TIMEOUT(m_api.status(m_alice, hugo.userId).online, WaitMs);

    laptop.socket().close();
    // Give the server time to see the close; the phone's connection keeps Hugo online.
    QTest::qWait(300);
    QVERIFY(m_api.status(m_alice, hugo.userId).online);
    phone->socket().close();
    QTRY_VERIFY_WITH_TIMEOUT(!m_api.status(m_alice, hugo.userId).online, WaitMs);
    QVERIFY(m_api.status(m_alice, hugo.userId).lastSeen);
}

void PresenceTest::hiddenLastSeenHidesOnlineAndLastSeenFromOthers()
{
    Account ivy;
    std::unique_ptr<TestClient> client = m_api.connectedClient(ivy);
    QVERIFY(client);
    QVERIFY(m_api.setLastSeenShared(ivy, false));
    QVERIFY(client->startMessaging());
    QTRY_VERIFY_WITH_TIMEOUT(m_api.status(ivy, ivy.userId).online, WaitMs); // users see their own
    UserStatus seen = m_api.status(m_alice, ivy.userId);
    QCOMPARE(seen.userId, ivy.userId);
    QVERIFY(!seen.online);
    QVERIFY(!seen.lastSeen);

    client->socket().close();
    QTRY_VERIFY_WITH_TIMEOUT(m_api.status(ivy, ivy.userId).lastSeen.has_value(), WaitMs);
    QVERIFY(!m_api.status(m_alice, ivy.userId).lastSeen);

    // Stored all along, only hidden: sharing again shows it.
    QVERIFY(m_api.setLastSeenShared(ivy, true));
    QCOMPARE(m_api.status(m_alice, ivy.userId).lastSeen.value_or(-1),
             m_api.status(ivy, ivy.userId).lastSeen.value_or(-2));
}

void PresenceTest::hidingYourOwnLastSeenHidesEveryoneElses()
{
    Account jack;
    std::unique_ptr<TestClient> client = m_api.connectedClient(jack);
    QVERIFY(client);
    QVERIFY(client->startMessaging());
    QTRY_VERIFY_WITH_TIMEOUT(m_api.status(m_alice, jack.userId).online, WaitMs);

    const Account viewer = m_api.signUp(QStringLiteral("Private Viewer"));
    QVERIFY(m_api.setLastSeenShared(viewer, false));
    UserStatus seen = m_api.status(viewer, jack.userId);
    QVERIFY(!seen.online);
    QVERIFY(!seen.lastSeen);

    client->socket().close();
    QTRY_VERIFY_WITH_TIMEOUT(m_api.status(m_alice, jack.userId).lastSeen.has_value(), WaitMs);
    QVERIFY(!m_api.status(viewer, jack.userId).lastSeen);

    QVERIFY(m_api.setLastSeenShared(viewer, true));
    QCOMPARE(m_api.status(viewer, jack.userId).lastSeen.value_or(-1),
             m_api.status(m_alice, jack.userId).lastSeen.value_or(-2));
}

void PresenceTest::statusOfAnUnknownUserIsNotFound()
{
    for (const QString &userId : {QStringLiteral("nobody"), QStringLiteral("profile"),
                                  QStringLiteral("3dddda23-6cc1-4f0b-9770-9c5be076aa39")}) {
        const HttpReply reply = TestHttp::get(
            m_api.url(QStringLiteral("/api/v1/users/%1/status").arg(userId)), m_alice.token);
        QCOMPARE(reply.status, 404);
        QCOMPARE(reply.errorCode(), QStringLiteral("unknown_user"));
    }
}

void PresenceTest::serverShutdownCountsAsGoingOffline()
{
    Account kim;
    std::unique_ptr<TestClient> client = m_api.connectedClient(kim);
    QVERIFY(client);
    QVERIFY(client->startMessaging());
    QTRY_VERIFY_WITH_TIMEOUT(m_api.status(m_alice, kim.userId).online, WaitMs);

    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    QCOMPARE(m_api.server().stop(), 0);
    const qint64 after = QDateTime::currentMSecsSinceEpoch();
    client->socket().close(); // no reconnect to the restarted server
    QVERIFY2(m_api.server().restart(), qPrintable(m_api.server().errorString()));

    const UserStatus seen = m_api.status(m_alice, kim.userId);
    QVERIFY(!seen.online);
    QVERIFY(seen.lastSeen);
    QVERIFY(*seen.lastSeen >= before && *seen.lastSeen <= after);
}

QTEST_GUILESS_MAIN(PresenceTest)
#include "tst_presence.moc"
