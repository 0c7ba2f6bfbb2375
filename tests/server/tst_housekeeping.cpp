#include "core/account/Account.h"
#include "core/protocol/MessagePayloads.h"
#include "core/sync/MailboxSync.h"
#include "core/sync/Outbox.h"
#include "tests/support/ServerProcess.h"
#include "tests/support/TestClient.h"
#include "tests/support/TestHttp.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>
#include <QWebSocket>

#include <memory>

using namespace parley;
using namespace parley::protocol;

namespace {

constexpr int WaitMs = 10000;
const QString AlicePhone = QStringLiteral("+12025550161");
const QString BobPhone = QStringLiteral("+12025550162");

// The answers of one bare WebSocket to sync requests, as the server sends them.
struct SyncAnswer
{
    int events = 0;
    SyncDone done;
    bool answered = false;
};

SyncAnswer syncOnce(QWebSocket &socket, qint64 after, const QString &id)
{
    SyncAnswer answer;
    const auto connection
        = QObject::connect(&socket, &QWebSocket::textMessageReceived, [&](const QString &text) {
              const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
              if (frame.value(QStringLiteral("re")).toString() == id) {
                  answer.done = SyncDone::fromJson(frame.value(QStringLiteral("data")).toObject())
                                    .value_or(SyncDone{});
                  answer.answered = true;
              } else if (!frame.contains(QStringLiteral("re"))) {
                  ++answer.events;
              }
          });
    socket.sendTextMessage(QString::fromUtf8(
        QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("sync")},
                                  {QStringLiteral("id"), id},
                                  {QStringLiteral("data"), SyncRequest{after}.toJson()}})
            .toJson(QJsonDocument::Compact)));
    (void)QTest::qWaitFor([&] { return answer.answered; }, WaitMs);
    QObject::disconnect(connection);
    return answer;
}

} // namespace

// The server forgets what it no longer needs (docs/protocol.md 6.6, docs/security.md):
// mailbox events past --message-retention that their device has handled (never the others),
// mailboxes of removed devices, finished login challenges and expired refresh tokens; and a
// device that comes back without its store is told where its mailbox now starts.
class HousekeepingTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup();

    void handledEventsPastTheRetentionGoAndUnhandledOnesStay();
    void removedDevicesLoseTheirMailbox();
    void finishedChallengesAndExpiredRefreshTokensAreForgotten();
    void aBadRetentionStopsTheStart();

private:
    qint64 scalar(const QString &sql) const { return m_server->queryScalar(sql).toLongLong(); }
    qint64 mailboxRows(const QString &deviceId) const
    {
        return scalar(
            QStringLiteral("SELECT COUNT(*) FROM mailbox WHERE device_id = '%1'").arg(deviceId));
    }

    std::unique_ptr<ServerProcess> m_server;
};

void HousekeepingTest::cleanup()
{
    if (m_server)
        QCOMPARE(m_server->stop(), 0);
    m_server.reset();
}

void HousekeepingTest::handledEventsPastTheRetentionGoAndUnhandledOnesStay()
{
    m_server = std::make_unique<ServerProcess>();
    QVERIFY2(m_server->start({QStringLiteral("--message-retention"), QStringLiteral("1s")}),
             qPrintable(m_server->errorString()));
    TestClient alice(m_server->url());
    TestClient bob(m_server->url());
    TestClient bobsTablet(m_server->url()); // signed in, never online
    QVERIFY(alice.login(*m_server, AlicePhone));
    QVERIFY(bob.login(*m_server, BobPhone));
    QVERIFY(bobsTablet.login(*m_server, BobPhone));
    QVERIFY(alice.startMessaging());
    QVERIFY(bob.startMessaging());
    QSignalSpy received(&bob.mailbox(), &sync::MailboxSync::messageReceived);
    for (int i = 0; i < 3; ++i)
        alice.outbox().sendText(bob.session().userId, QStringLiteral("kept for a while %1").arg(i));
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 3, WaitMs);
    const QString bobsDevice = bob.session().deviceId;
    QTRY_COMPARE_WITH_TIMEOUT(bob.mailbox().lastSeq(), qint64(3), WaitMs);

    // A new connection's first sync tells the server what Bob's laptop has handled.
    m_server->kill();
    QVERIFY(m_server->restart());
    QTRY_VERIFY_WITH_TIMEOUT(
        scalar(QStringLiteral("SELECT synced_through FROM devices WHERE id = '%1'").arg(bobsDevice))
            >= 3,
        3 * WaitMs);
    QTest::qWait(1200); // older than the retention
    QCOMPARE(m_server->stop(), 0);
    QVERIFY(m_server->restart()); // housekeeping runs at start

    QCOMPARE(mailboxRows(bobsDevice), 0);
    QCOMPARE(
        scalar(
            QStringLiteral("SELECT pruned_through FROM devices WHERE id = '%1'").arg(bobsDevice)),
        3);
    // The tablet never handled its copies: they stay, and arrive when it comes online.
    QCOMPARE(mailboxRows(bobsTablet.session().deviceId), 3);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM messages")), 0);

    // Bob's laptop without its store (a reinstall with the same key): the server says where
    // the mailbox now starts, with no events, and the next page goes on from there.
    QWebSocket fresh;
    QUrl url = m_server->url();
    url.setScheme(QStringLiteral("ws"));
    url.setPath(QStringLiteral("/api/v1/ws"));
    // Signing in again with the laptop's key pair gives the same device and fresh tokens.
    QCOMPARE(TestHttp::postJson(m_server->url(QStringLiteral("/api/v1/auth/login")),
                                {{QStringLiteral("phoneNumber"), BobPhone}})
                 .status,
             200);
    const QJsonObject device{
        {QStringLiteral("name"), QStringLiteral("reinstalled laptop")},
        {QStringLiteral("publicKey"), QString::fromLatin1(bob.keys().publicKey().toBase64())}};
    const HttpReply signedIn
        = TestHttp::postJson(m_server->url(QStringLiteral("/api/v1/auth/verify-otp")),
                             {{QStringLiteral("phoneNumber"), BobPhone},
                              {QStringLiteral("code"), m_server->takeCode(BobPhone)},
                              {QStringLiteral("device"), device}});
    QCOMPARE(signedIn.json().value(QStringLiteral("deviceId")).toString(), bobsDevice);
    const QString token = signedIn.json().value(QStringLiteral("accessToken")).toString();
    QVERIFY(!token.isEmpty());
    url.setQuery(QUrlQuery{{QStringLiteral("access_token"), token}});
    fresh.open(url);
    QTRY_COMPARE_WITH_TIMEOUT(fresh.state(), QAbstractSocket::ConnectedState, WaitMs);
    const SyncAnswer first = syncOnce(fresh, 0, QStringLiteral("f1"));
    QVERIFY(first.answered);
    QCOMPARE(first.events, 0);
    QCOMPARE(first.done.lastSeq, 3);
    QVERIFY(first.done.hasMore);
    const SyncAnswer second = syncOnce(fresh, first.done.lastSeq, QStringLiteral("f2"));
    QVERIFY(second.answered);
    QVERIFY(!second.done.hasMore);

    QSignalSpy tabletReceived(&bobsTablet.mailbox(), &sync::MailboxSync::messageReceived);
    QVERIFY(bobsTablet.startMessaging());
    QTRY_COMPARE_WITH_TIMEOUT(tabletReceived.size(), 3, WaitMs);
}

void HousekeepingTest::removedDevicesLoseTheirMailbox()
{
    m_server = std::make_unique<ServerProcess>();
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    TestClient alice(m_server->url());
    TestClient bob(m_server->url());
    TestClient bobsOldPhone(m_server->url());
    QVERIFY(alice.login(*m_server, AlicePhone));
    QVERIFY(bob.login(*m_server, BobPhone));
    QVERIFY(bobsOldPhone.login(*m_server, BobPhone));
    QVERIFY(alice.startMessaging());
    QSignalSpy sent(&alice.outbox(), &sync::Outbox::messageSent);
    alice.outbox().sendText(bob.session().userId, QStringLiteral("for both of Bob's devices"));
    QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 1, WaitMs);
    const QString oldPhone = bobsOldPhone.session().deviceId;
    QCOMPARE(mailboxRows(oldPhone), 1);

    QCOMPARE(TestHttp::sendDelete(m_server->url(QStringLiteral("/api/v1/devices/") + oldPhone),
                                  bob.session().accessToken)
                 .status,
             200);
    QCOMPARE(m_server->stop(), 0);
    QVERIFY(m_server->restart());
    QCOMPARE(mailboxRows(oldPhone), 0);
    QCOMPARE(mailboxRows(bob.session().deviceId), 1); // the kept device keeps its copy
}

void HousekeepingTest::finishedChallengesAndExpiredRefreshTokensAreForgotten()
{
    m_server = std::make_unique<ServerProcess>();
    QVERIFY2(m_server->start({QStringLiteral("--refresh-token-lifetime"), QStringLiteral("1")}),
             qPrintable(m_server->errorString()));
    TestClient alice(m_server->url());
    QVERIFY(alice.login(*m_server, AlicePhone)); // its challenge is used
    const QString waiting = QStringLiteral("+12025550169");
    QCOMPARE(TestHttp::postJson(m_server->url(QStringLiteral("/api/v1/auth/login")),
                                {{QStringLiteral("phoneNumber"), waiting}})
                 .status,
             200); // a code sent and not used yet
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM otp_challenges")), 2);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM refresh_tokens")), 1);
    QCOMPARE(m_server->stop(), 0);

    // Two hours later, as far as the used challenge knows; the refresh token expired meanwhile.
    QVERIFY2(m_server->database().execute(
                 QStringLiteral("UPDATE otp_challenges SET created_at = created_at - 7200000, "
                                "hour_started_at = hour_started_at - 7200000 "
                                "WHERE phone_number = '%1'")
                     .arg(AlicePhone)),
             qPrintable(m_server->database().errorString()));
    QTest::qWait(1100);
    QVERIFY(m_server->restart());
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM otp_challenges")), 1);
    QCOMPARE(
        m_server->queryScalar(QStringLiteral("SELECT phone_number FROM otp_challenges")).toString(),
        waiting);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM refresh_tokens")), 0);
    QVERIFY(m_server->output().contains(QLatin1String("housekeeping: removed")));
}

void HousekeepingTest::aBadRetentionStopsTheStart()
{
    for (const QString &bad : {QStringLiteral("forever"), QStringLiteral("-1d"),
                               QStringLiteral("10w"), QStringLiteral("d")}) {
        ServerProcess server;
        QVERIFY(!server.start({QStringLiteral("--message-retention"), bad}));
        QVERIFY2(server.output().contains(QLatin1String("--message-retention takes a duration")),
                 qPrintable(server.output()));
    }
}

QTEST_GUILESS_MAIN(HousekeepingTest)
#include "tst_housekeeping.moc"
