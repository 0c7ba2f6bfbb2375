#include "core/protocol/ChatPayloads.h"
#include "core/protocol/CloseCode.h"
#include "core/protocol/Frame.h"
#include "core/protocol/UserPayloads.h"
#include "tests/support/TestClient.h"
#include "tests/support/TestHttp.h"
#include "tests/support/UserApiClient.h"

#include <QJsonDocument>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>
#include <QWebSocket>

#include <memory>

using namespace parley::protocol;
using ApiAccount = UserApiClient::Account;

namespace {

constexpr int WaitMs = UserApiClient::WaitMs;

// A bare WebSocket client: frames in and out exactly as written, nothing answered for it.
class RawSocket
{
public:
    bool open(const QUrl &server, const QString &token)
    {
        QUrl url = server;
        url.setScheme(QStringLiteral("ws"));
        url.setPath(QStringLiteral("/api/v1/ws"));
        url.setQuery(QUrlQuery{{QStringLiteral("access_token"), token}});
        QObject::connect(&m_socket, &QWebSocket::textMessageReceived, &m_socket,
                         [this](const QString &text) {
                             frames.append(QJsonDocument::fromJson(text.toUtf8()).object());
                         });
        m_socket.open(url);
        return QTest::qWaitFor(
            [this] { return m_socket.state() == QAbstractSocket::ConnectedState; }, WaitMs);
    }
    void send(const QString &type, const QString &id, const QJsonObject &data = {})
    {
        m_socket.sendTextMessage(
            QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("type"), type},
                                                        {QStringLiteral("id"), id},
                                                        {QStringLiteral("data"), data}})
                                  .toJson(QJsonDocument::Compact)));
    }
    // The answer to request `id`, waiting for it.
    QJsonObject answer(const QString &id)
    {
        QJsonObject found;
        (void)QTest::qWaitFor(
            [&] {
                for (const QJsonObject &frame : frames) {
                    if (frame.value(QStringLiteral("re")).toString() == id) {
                        found = frame;
                        return true;
                    }
                }
                return false;
            },
            WaitMs);
        return found;
    }
    QList<QJsonObject> ofType(const QString &type) const
    {
        QList<QJsonObject> found;
        for (const QJsonObject &frame : frames) {
            if (frame.value(QStringLiteral("type")).toString() == type)
                found.append(frame);
        }
        return found;
    }
    bool sync()
    {
        return (send(QStringLiteral("sync"), QStringLiteral("s"), {{QStringLiteral("after"), 0}}),
                !answer(QStringLiteral("s")).isEmpty());
    }
    QWebSocket &socket() { return m_socket; }

    QList<QJsonObject> frames;

private:
    QWebSocket m_socket;
};

QJsonObject typing(const QString &chatId, bool typing = true)
{
    return TypingRequest{chatId, typing}.toJson();
}

} // namespace

// Black-box tests of what lives only on the socket (docs/protocol.md 6.5, 6.11): typing and
// presence pushes with the last-seen privacy rules, and the connection's limits (frame budget,
// typing per chat, keep-alive), against a real server on both backends.
class LiveEventsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void typingReachesTheOtherMembersLiveConnectionsOnly();
    void typingIsRefusedForStrangersAndBadInput_data();
    void typingIsRefusedForStrangersAndBadInput();
    void typingIsLimitedPerChat();
    void partnersSeeYouComeAndGo();
    void hiddenLastSeenCausesNoPushesEitherWay();
    void changingLastSeenPushesTheNewViewBothWays();
    void framesPastTheBudgetAreRefusedAndAFloodIsClosed();
    void aSilentPeerIsPingedAndDroppedALiveOneStays();

private:
    struct Person
    {
        ApiAccount account;
        QString chatId; // with m_alice, when opened
    };
    Person newPerson();
    QString openChat(const ApiAccount &as, const QString &peerUserId);
    bool setLastSeenShared(const ApiAccount &account, bool shared);

    UserApiClient m_api;
};

void LiveEventsTest::initTestCase()
{
    QVERIFY2(m_api.start(), qPrintable(m_api.server().errorString()));
}

void LiveEventsTest::cleanupTestCase()
{
    QCOMPARE(m_api.server().stop(), 0);
}

LiveEventsTest::Person LiveEventsTest::newPerson()
{
    return {m_api.signUp(), {}};
}

QString LiveEventsTest::openChat(const ApiAccount &as, const QString &peerUserId)
{
    return TestHttp::postJson(m_api.url(QLatin1String(paths::Chats)),
                              CreateChatRequest{peerUserId}.toJson(), as.token)
        .json()
        .value(QStringLiteral("chatId"))
        .toString();
}

bool LiveEventsTest::setLastSeenShared(const ApiAccount &account, bool shared)
{
    return m_api.setLastSeenShared(account, shared);
}

void LiveEventsTest::typingReachesTheOtherMembersLiveConnectionsOnly()
{
    const Person alice = newPerson();
    const Person bob = newPerson();
    const QString chat = openChat(alice.account, bob.account.userId);
    QVERIFY(!chat.isEmpty());
    RawSocket alicesSocket, bobsSocket, bobsUnsynced;
    QVERIFY(alicesSocket.open(m_api.server().url(), alice.account.token) && alicesSocket.sync());
    QVERIFY(bobsSocket.open(m_api.server().url(), bob.account.token) && bobsSocket.sync());
    QVERIFY(bobsUnsynced.open(m_api.server().url(), bob.account.token));

    alicesSocket.send(QStringLiteral("message:typing"), QStringLiteral("t1"), typing(chat));
    QCOMPARE(alicesSocket.answer(QStringLiteral("t1")).value(QStringLiteral("type")).toString(),
             QStringLiteral("ack"));
    QTRY_COMPARE_WITH_TIMEOUT(bobsSocket.ofType(QStringLiteral("user:typing")).size(), 1, WaitMs);
    const QJsonObject event = bobsSocket.ofType(QStringLiteral("user:typing")).first();
    QVERIFY(!event.contains(QStringLiteral("re")));
    const auto data = TypingEvent::fromJson(event.value(QStringLiteral("data")).toObject());
    QVERIFY(data);
    QCOMPARE(data->chatId, chat);
    QCOMPARE(data->userId, alice.account.userId);
    QVERIFY(data->typing);
    QCOMPARE(data->expiresIn, qint64(TypingEvent::ExpiresMs));
    QVERIFY(!event.value(QStringLiteral("data")).toObject().contains(QStringLiteral("seq")));

    alicesSocket.send(QStringLiteral("message:typing"), QStringLiteral("t2"), typing(chat, false));
    QTRY_COMPARE_WITH_TIMEOUT(bobsSocket.ofType(QStringLiteral("user:typing")).size(), 2, WaitMs);
    QVERIFY(!TypingEvent::fromJson(bobsSocket.ofType(QStringLiteral("user:typing"))
                                       .at(1)
                                       .value(QStringLiteral("data"))
                                       .toObject())
                 ->typing);
    // Not to the typist, not to a connection that has not synced, never into a mailbox.
    QCOMPARE(alicesSocket.ofType(QStringLiteral("user:typing")).size(), 0);
    QCOMPARE(bobsUnsynced.ofType(QStringLiteral("user:typing")).size(), 0);
    QCOMPARE(
        m_api.server()
            .queryScalar(QStringLiteral("SELECT COUNT(*) FROM mailbox WHERE type LIKE 'user:%'"))
            .toInt(),
        0);
}

void LiveEventsTest::typingIsRefusedForStrangersAndBadInput_data()
{
    QTest::addColumn<QString>("chat"); // "theirs": a chat of two others; else used as it is
    QTest::addColumn<QJsonValue>("typingValue");
    QTest::addColumn<QString>("code");
    QTest::newRow("someone else's chat")
        << QStringLiteral("theirs") << QJsonValue(true) << QStringLiteral("not_found");
    QTest::newRow("no such chat") << QStringLiteral("nowhere") << QJsonValue(true)
                                  << QStringLiteral("not_found");
    QTest::newRow("no chat") << QString() << QJsonValue(true) << QStringLiteral("missing_field");
    QTest::newRow("typing missing") << QStringLiteral("theirs") << QJsonValue(QJsonValue::Undefined)
                                    << QStringLiteral("missing_field");
    QTest::newRow("typing a string")
        << QStringLiteral("theirs") << QJsonValue(QStringLiteral("yes"))
        << QStringLiteral("invalid_field");
}

void LiveEventsTest::typingIsRefusedForStrangersAndBadInput()
{
    QFETCH(QString, chat);
    QFETCH(QJsonValue, typingValue);
    QFETCH(QString, code);
    const Person alice = newPerson();
    const Person bob = newPerson();
    const Person eve = newPerson();
    RawSocket bobsSocket, evesSocket;
    QVERIFY(bobsSocket.open(m_api.server().url(), bob.account.token) && bobsSocket.sync());
    QVERIFY(evesSocket.open(m_api.server().url(), eve.account.token) && evesSocket.sync());
    const QString theirs = openChat(alice.account, bob.account.userId);
    QJsonObject data;
    if (!chat.isEmpty())
        data.insert(QStringLiteral("chatId"), chat == QLatin1String("theirs") ? theirs : chat);
    if (!typingValue.isUndefined())
        data.insert(QStringLiteral("typing"), typingValue);
    evesSocket.send(QStringLiteral("message:typing"), QStringLiteral("e1"), data);
    const QJsonObject answer = evesSocket.answer(QStringLiteral("e1"));
    QCOMPARE(answer.value(QStringLiteral("type")).toString(), QStringLiteral("error"));
    QCOMPARE(answer.value(QStringLiteral("code")).toString(), code);
    QTest::qWait(100);
    QCOMPARE(bobsSocket.ofType(QStringLiteral("user:typing")).size(), 0);
}

void LiveEventsTest::typingIsLimitedPerChat()
{
    const Person alice = newPerson();
    const Person bob = newPerson();
    const Person carol = newPerson();
    const QString withBob = openChat(alice.account, bob.account.userId);
    const QString withCarol = openChat(alice.account, carol.account.userId);
    RawSocket alicesSocket;
    QVERIFY(alicesSocket.open(m_api.server().url(), alice.account.token) && alicesSocket.sync());
    // The default: 5 per 5 s per chat.
    for (int i = 0; i < 6; ++i)
        alicesSocket.send(QStringLiteral("message:typing"), QStringLiteral("b%1").arg(i),
                          typing(withBob));
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(alicesSocket.answer(QStringLiteral("b%1").arg(i)).value(QStringLiteral("type")),
                 QJsonValue(QStringLiteral("ack")));
    }
    const QJsonObject refused = alicesSocket.answer(QStringLiteral("b5"));
    QCOMPARE(refused.value(QStringLiteral("code")).toString(), QStringLiteral("rate_limited"));
    // Another chat has its own budget, and the socket stays open.
    alicesSocket.send(QStringLiteral("message:typing"), QStringLiteral("c0"), typing(withCarol));
    QCOMPARE(alicesSocket.answer(QStringLiteral("c0")).value(QStringLiteral("type")).toString(),
             QStringLiteral("ack"));
}

void LiveEventsTest::partnersSeeYouComeAndGo()
{
    const Person alice = newPerson();
    const Person bob = newPerson();
    const Person stranger = newPerson();
    QVERIFY(!openChat(alice.account, bob.account.userId).isEmpty());
    RawSocket alicesSocket, strangersSocket;
    QVERIFY(alicesSocket.open(m_api.server().url(), alice.account.token) && alicesSocket.sync());
    QVERIFY(strangersSocket.open(m_api.server().url(), stranger.account.token)
            && strangersSocket.sync());

    {
        RawSocket bobsSocket;
        QVERIFY(bobsSocket.open(m_api.server().url(), bob.account.token));
        QTRY_COMPARE_WITH_TIMEOUT(alicesSocket.ofType(QStringLiteral("user:online")).size(), 1,
                                  WaitMs);
        const auto online = UserStatus::fromJson(alicesSocket.ofType(QStringLiteral("user:online"))
                                                     .first()
                                                     .value(QStringLiteral("data"))
                                                     .toObject());
        QCOMPARE(online->userId, bob.account.userId);
        QVERIFY(online->online);
        QVERIFY(!online->lastSeen);
        // A second connection of Bob's changes nothing.
        RawSocket bobsSecond;
        QVERIFY(bobsSecond.open(m_api.server().url(), bob.account.token));
        QTest::qWait(100);
        QCOMPARE(alicesSocket.ofType(QStringLiteral("user:online")).size(), 1);
    }
    QTRY_COMPARE_WITH_TIMEOUT(alicesSocket.ofType(QStringLiteral("user:offline")).size(), 1,
                              WaitMs);
    const auto offline = UserStatus::fromJson(alicesSocket.ofType(QStringLiteral("user:offline"))
                                                  .first()
                                                  .value(QStringLiteral("data"))
                                                  .toObject());
    QVERIFY(!offline->online);
    QVERIFY(offline->lastSeen && *offline->lastSeen > 0);
    // The push says what GET /status says.
    const UserStatus status = m_api.status(alice.account, bob.account.userId);
    QCOMPARE(status.lastSeen, offline->lastSeen);
    QCOMPARE(strangersSocket.ofType(QStringLiteral("user:online")).size()
                 + strangersSocket.ofType(QStringLiteral("user:offline")).size(),
             0);
}

void LiveEventsTest::hiddenLastSeenCausesNoPushesEitherWay()
{
    const Person alice = newPerson();
    const Person bob = newPerson();
    QVERIFY(!openChat(alice.account, bob.account.userId).isEmpty());
    for (const bool bobHides : {true, false}) {
        QVERIFY(setLastSeenShared(bob.account, !bobHides));
        QVERIFY(setLastSeenShared(alice.account, bobHides)); // the other one hides
        RawSocket alicesSocket;
        QVERIFY(alicesSocket.open(m_api.server().url(), alice.account.token)
                && alicesSocket.sync());
        {
            RawSocket bobsSocket;
            QVERIFY(bobsSocket.open(m_api.server().url(), bob.account.token) && bobsSocket.sync());
            QTest::qWait(200);
        }
        QTest::qWait(300);
        QCOMPARE(alicesSocket.ofType(QStringLiteral("user:online")).size(), 0);
        QCOMPARE(alicesSocket.ofType(QStringLiteral("user:offline")).size(), 0);
        // GET /status agrees: Bob looks offline with no last seen.
        const UserStatus status = m_api.status(alice.account, bob.account.userId);
        QVERIFY(!status.online);
        QVERIFY(!status.lastSeen);
    }
}

void LiveEventsTest::changingLastSeenPushesTheNewViewBothWays()
{
    const Person alice = newPerson();
    const Person bob = newPerson();
    QVERIFY(!openChat(alice.account, bob.account.userId).isEmpty());
    RawSocket alicesSocket, bobsSocket;
    QVERIFY(alicesSocket.open(m_api.server().url(), alice.account.token) && alicesSocket.sync());
    QVERIFY(bobsSocket.open(m_api.server().url(), bob.account.token) && bobsSocket.sync());
    QTRY_COMPARE_WITH_TIMEOUT(alicesSocket.ofType(QStringLiteral("user:online")).size(), 1, WaitMs);
    alicesSocket.frames.clear();

    // Bob hides it: to Alice he now looks offline, with no last seen; Alice looks the same to him.
    QVERIFY(setLastSeenShared(bob.account, false));
    QTRY_COMPARE_WITH_TIMEOUT(alicesSocket.ofType(QStringLiteral("user:offline")).size(), 1,
                              WaitMs);
    const auto hidden = UserStatus::fromJson(alicesSocket.ofType(QStringLiteral("user:offline"))
                                                 .first()
                                                 .value(QStringLiteral("data"))
                                                 .toObject());
    QCOMPARE(hidden->userId, bob.account.userId);
    QVERIFY(!hidden->lastSeen);
    QTRY_VERIFY_WITH_TIMEOUT(!bobsSocket.ofType(QStringLiteral("user:offline")).isEmpty(), WaitMs);
    QCOMPARE(UserStatus::fromJson(bobsSocket.ofType(QStringLiteral("user:offline"))
                                      .constLast()
                                      .value(QStringLiteral("data"))
                                      .toObject())
                 ->userId,
             alice.account.userId);

    // And shows it again: both see each other online.
    bobsSocket.frames.clear();
    QVERIFY(setLastSeenShared(bob.account, true));
    QTRY_COMPARE_WITH_TIMEOUT(alicesSocket.ofType(QStringLiteral("user:online")).size(), 1, WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(bobsSocket.ofType(QStringLiteral("user:online")).size(), 1, WaitMs);
}

void LiveEventsTest::framesPastTheBudgetAreRefusedAndAFloodIsClosed()
{
    UserApiClient strict;
    QVERIFY2(strict.start({QStringLiteral("--ws-frame-rate"), QStringLiteral("5/10")}),
             qPrintable(strict.server().errorString()));
    const ApiAccount dave = strict.signUp();
    RawSocket paced;
    QVERIFY(paced.open(strict.server().url(), dave.token));
    // Within the budget nothing is refused.
    for (int i = 0; i < 12; ++i) {
        paced.send(QStringLiteral("ping"), QStringLiteral("p%1").arg(i));
        QCOMPARE(paced.answer(QStringLiteral("p%1").arg(i)).value(QStringLiteral("type")),
                 QJsonValue(QStringLiteral("ack")));
        QTest::qWait(250);
    }

    RawSocket flood;
    QVERIFY(flood.open(strict.server().url(), dave.token));
    for (int i = 0; i < 15; ++i)
        flood.send(QStringLiteral("ping"), QStringLiteral("f%1").arg(i));
    QCOMPARE(flood.answer(QStringLiteral("f0")).value(QStringLiteral("type")),
             QJsonValue(QStringLiteral("ack")));
    const QJsonObject refused = flood.answer(QStringLiteral("f14"));
    QCOMPARE(refused.value(QStringLiteral("type")).toString(), QStringLiteral("error"));
    QCOMPARE(refused.value(QStringLiteral("code")).toString(), QStringLiteral("rate_limited"));
    QCOMPARE(flood.socket().state(), QAbstractSocket::ConnectedState);
    // Ignoring the refusals: past as many again the server closes the connection.
    for (int i = 15; i < 40; ++i)
        flood.send(QStringLiteral("ping"), QStringLiteral("f%1").arg(i));
    QTRY_COMPARE_WITH_TIMEOUT(flood.socket().state(), QAbstractSocket::UnconnectedState, WaitMs);
    QCOMPARE(int(flood.socket().closeCode()), closecode::TooManyFrames);
    QCOMPARE(flood.socket().closeReason(), QStringLiteral("rate_limited"));
    QCOMPARE(strict.server().stop(), 0);
}

void LiveEventsTest::aSilentPeerIsPingedAndDroppedALiveOneStays()
{
    UserApiClient quick;
    QVERIFY2(quick.start({QStringLiteral("--ws-ping-interval"), QStringLiteral("1"),
                          QStringLiteral("--ws-idle-timeout"), QStringLiteral("3")}),
             qPrintable(quick.server().errorString()));
    const ApiAccount viewer = quick.signUp();
    const ApiAccount silent = quick.signUp();
    const ApiAccount lively = quick.signUp();

    // The silent peer completes the handshake by hand and then never reads or answers again.
    QTcpSocket dead;
    dead.connectToHost(QHostAddress::LocalHost, quick.server().port());
    QVERIFY(dead.waitForConnected(WaitMs));
    dead.write(
        "GET /api/v1/ws?access_token=" + silent.token.toLatin1()
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    QVERIFY(dead.waitForReadyRead(WaitMs));
    QVERIFY(dead.readAll().startsWith("HTTP/1.1 101"));
    // A real client answers the server's pings by itself (Qt does), so it stays.
    RawSocket alive;
    QVERIFY(alive.open(quick.server().url(), lively.token));
    QTRY_VERIFY_WITH_TIMEOUT(quick.status(viewer, silent.userId).online, WaitMs);

    // Idle timeout 3 s, close grace up to 5 s: well within 15 s the silent one is gone.
    QTRY_VERIFY_WITH_TIMEOUT(!quick.status(viewer, silent.userId).online, 15000);
    QCOMPARE(alive.socket().state(), QAbstractSocket::ConnectedState);
    QVERIFY(quick.status(viewer, lively.userId).online);
    QCOMPARE(quick.server().stop(), 0);
}

QTEST_GUILESS_MAIN(LiveEventsTest)
#include "tst_liveevents.moc"
