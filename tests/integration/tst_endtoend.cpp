#include "core/account/Account.h"
#include "core/crypto/MessageCipher.h"
#include "core/protocol/ChatPayloads.h"
#include "core/protocol/Limits.h"
#include "core/protocol/MessagePayloads.h"
#include "core/protocol/Plaintext.h"
#include "core/protocol/RestPayloads.h"
#include "core/protocol/UserPayloads.h"
#include "tests/support/ServerProcess.h"
#include "tests/support/TestClient.h"
#include "tests/support/TestHttp.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace parley;
using namespace parley::protocol;

namespace {

constexpr int WaitMs = 10000;
const QString AlicePhone = QStringLiteral("+12025550101");
const QString BobPhone = QStringLiteral("+12025550102");

// Every byte the server has on disk: the SQLite file, its WAL and anything else it wrote.
QByteArray everythingStoredIn(const QString &dir)
{
    QByteArray all;
    QDirIterator files(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        if (file.open(QIODevice::ReadOnly))
            all += file.readAll();
    }
    return all;
}

qint64 countRows(const ServerProcess &server, const QString &table)
{
    const QVariant count = server.queryScalar(QStringLiteral("SELECT COUNT(*) FROM ") + table);
    return count.isValid() ? count.toLongLong() : -1;
}

// The id of the direct chat of two clients, opened over REST as the sender (empty on failure).
QString chatBetween(const TestClient &from, const TestClient &to)
{
    QUrl url = from.session().serverUrl;
    url.setPath(QLatin1String(paths::Chats));
    const HttpReply reply = TestHttp::postJson(url, CreateChatRequest{to.session().userId}.toJson(),
                                               from.session().accessToken);
    return reply.json().value(QStringLiteral("chatId")).toString();
}

// A message:send built by hand, so that a test can send the very same request twice.
QJsonObject handmadeSend(const QString &messageId, const TestClient &from, const TestClient &to,
                         const QByteArray &plaintext)
{
    const auto box
        = crypto::MessageCipher::seal(plaintext, to.keys().publicKey(), from.keys().secretKey());
    return MessageSend{
        messageId, chatBetween(from, to), {{to.session().deviceId, box.nonce, box.ciphertext}}}
        .toJson();
}

} // namespace

// One encrypted message end to end, with the real server and two real client cores
// (docs/protocol.md, "Delivery guarantee").
class EndToEndTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void messageArrivesDecryptedAndSenderSeesDelivered();
    void serverStoresNoPlaintext();
    void offlineRecipientGetsTheMessageOnItsNextSync();
    void resendWithTheSameIdIsStoredAndDeliveredOnce();
    void messageAckedBeforeAServerCrashIsDeliveredAfterRestart();
    void envelopeMissingForOneRecipientDeviceIsRefusedAndNothingIsStored();
    void tamperedCiphertextIsReportedUndecryptableAndStillAcknowledged();
    void deviceAddedAfterAMessageCannotAcknowledgeIt();
    void reusingAMessageIdForAnotherRecipientIsRefused();
    void tooLongTextFailsWithoutReachingTheServer();
    void sendersOtherDeviceGetsACopyNamingTheRecipient();
    void keptDeviceListIsRefreshedWhenTheRecipientAddsADevice();
    void messagingOutlivesShortAccessTokensThroughRefresh();
    void signedOutDeviceStopsAndItsSessionEnds();
    void savedSessionSignsInAgainWithoutACode();

private:
    bool loginBoth();

    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<TestClient> m_alice;
    std::unique_ptr<TestClient> m_bob;
};

void EndToEndTest::init()
{
    m_server = std::make_unique<ServerProcess>();
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    m_alice = std::make_unique<TestClient>(m_server->url());
    m_bob = std::make_unique<TestClient>(m_server->url());
}

void EndToEndTest::cleanup()
{
    m_alice.reset();
    m_bob.reset();
    const int exitCode = m_server->stop();
    QVERIFY2(exitCode == 0, qPrintable(m_server->output()));
    m_server.reset();
}

bool EndToEndTest::loginBoth()
{
    return m_alice->login(*m_server, AlicePhone) && m_bob->login(*m_server, BobPhone);
}

void EndToEndTest::messageArrivesDecryptedAndSenderSeesDelivered()
{
    QVERIFY(loginBoth());
    QVERIFY(m_bob->startMessaging());
    QVERIFY(m_alice->startMessaging());

    std::optional<Result<UserSearchHit>> found;
    m_alice->users().findByPhone(BobPhone, &m_alice->account(),
                                 [&](Result<UserSearchHit> r) { found = r; });
    QTRY_VERIFY_WITH_TIMEOUT(found.has_value(), WaitMs);
    QVERIFY2(found->ok(), qPrintable(found->ok() ? QString() : found->error().message));
    QCOMPARE(found->value().id, m_bob->session().userId);

    QSignalSpy sent(&m_alice->outbox(), &sync::Outbox::messageSent);
    QSignalSpy delivered(&m_alice->mailbox(), &sync::MailboxSync::messageDelivered);
    QSignalSpy received(&m_bob->mailbox(), &sync::MailboxSync::messageReceived);
    const QString text = QStringLiteral("Hi Bob, dinner at 8? \U0001F35D");
    const QString id = m_alice->outbox().sendText(m_bob->session().userId, text);

    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, WaitMs);
    const auto message = received.first().first().value<store::StoredMessage>();
    QCOMPARE(message.body, text);
    QCOMPARE(message.messageId, id);
    QCOMPARE(message.senderUserId, m_alice->session().userId);
    QCOMPARE(message.senderDeviceId, m_alice->session().deviceId);

    QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 1, WaitMs);
    QCOMPARE(sent.first().first().toString(), id);
    QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), 1, WaitMs);
    QCOMPARE(delivered.first().at(0).toString(), id);
    QCOMPARE(delivered.first().at(1).toString(), m_bob->session().userId);
}

void EndToEndTest::serverStoresNoPlaintext()
{
    QVERIFY(loginBoth());
    QVERIFY(m_bob->startMessaging());
    QVERIFY(m_alice->startMessaging());
    QSignalSpy received(&m_bob->mailbox(), &sync::MailboxSync::messageReceived);
    QSignalSpy delivered(&m_alice->mailbox(), &sync::MailboxSync::messageDelivered);
    const QString secret = QStringLiteral("the vault code is 4711-PARLEY-SECRET");
    const QString id = m_alice->outbox().sendText(m_bob->session().userId, secret);
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), 1, WaitMs);

    // Look at what the server wrote, before and after it is stopped (which checkpoints the WAL):
    // every file in its data directory, and every value in its database's tables (which, on
    // PostgreSQL, is where the messages are).
    for (int pass = 0; pass < 2; ++pass) {
        const QByteArray tables = m_server->database().dumpAllText();
        QVERIFY(tables.contains(id.toLatin1()));
        const QByteArray stored = everythingStoredIn(m_server->dataDir()) + tables;
        QVERIFY(!stored.isEmpty());
        // The scan reads the right files: routing metadata such as the message id is there.
        QVERIFY(stored.contains(id.toLatin1()));
        QVERIFY(!stored.contains(secret.toUtf8()));
        QVERIFY(!stored.contains(QByteArrayLiteral("4711-PARLEY")));
        QVERIFY(!stored.contains(secret.toUtf8().toBase64()));
        QCOMPARE(m_server->stop(), 0);
    }
    QCOMPARE(countRows(*m_server, QStringLiteral("messages")), 1);
}

void EndToEndTest::offlineRecipientGetsTheMessageOnItsNextSync()
{
    QVERIFY(loginBoth());
    QVERIFY(m_alice->startMessaging());
    QSignalSpy sent(&m_alice->outbox(), &sync::Outbox::messageSent);
    QSignalSpy delivered(&m_alice->mailbox(), &sync::MailboxSync::messageDelivered);
    m_alice->outbox().sendText(m_bob->session().userId, QStringLiteral("first"));
    m_alice->outbox().sendText(m_bob->session().userId, QStringLiteral("second"));
    QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 2, WaitMs);
    QCOMPARE(delivered.size(), 0);

    QSignalSpy received(&m_bob->mailbox(), &sync::MailboxSync::messageReceived);
    QVERIFY(m_bob->startMessaging());
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 2, WaitMs);
    QCOMPARE(received.at(0).first().value<store::StoredMessage>().body, QStringLiteral("first"));
    QCOMPARE(received.at(1).first().value<store::StoredMessage>().body, QStringLiteral("second"));
    QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), 2, WaitMs);
}

void EndToEndTest::resendWithTheSameIdIsStoredAndDeliveredOnce()
{
    QVERIFY(loginBoth());
    QVERIFY(m_alice->startMessaging());
    const QJsonObject request = handmadeSend(QStringLiteral("resent-1"), *m_alice, *m_bob,
                                             QByteArrayLiteral("{\"v\":1}"));
    const auto first = m_alice->request(FrameType::MessageSend, request);
    const auto second = m_alice->request(FrameType::MessageSend, request);
    QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().message));
    QVERIFY(second.ok());
    QCOMPARE(second.value(),
             first.value()); // same id, same server time: acked again, not stored again

    QSignalSpy undecryptable(&m_bob->mailbox(), &sync::MailboxSync::messageUndecryptable);
    QVERIFY(m_bob->startMessaging());
    QTRY_COMPARE_WITH_TIMEOUT(m_bob->mailbox().lastSeq(), 1, WaitMs);
    QCOMPARE(countRows(*m_server, QStringLiteral("messages")), 1);
    QCOMPARE(countRows(*m_server, QStringLiteral("mailbox")), 2);
    QCOMPARE(undecryptable.size(), 1); // the hand-made plaintext is not a text message
}

void EndToEndTest::messageAckedBeforeAServerCrashIsDeliveredAfterRestart()
{
    QVERIFY(loginBoth());
    QVERIFY(m_alice->startMessaging());
    QSignalSpy sent(&m_alice->outbox(), &sync::Outbox::messageSent);
    const QString id
        = m_alice->outbox().sendText(m_bob->session().userId, QStringLiteral("survives kill -9"));
    QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 1, WaitMs);

    m_server->kill();
    QVERIFY2(m_server->restart(), qPrintable(m_server->errorString()));

    QSignalSpy received(&m_bob->mailbox(), &sync::MailboxSync::messageReceived);
    QSignalSpy delivered(&m_alice->mailbox(), &sync::MailboxSync::messageDelivered);
    QVERIFY(m_bob->startMessaging());
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, WaitMs);
    QCOMPARE(received.first().first().value<store::StoredMessage>().messageId, id);
    // Alice's socket reconnects by itself and picks up the receipt from her mailbox.
    QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), 1, 4 * WaitMs);
}

void EndToEndTest::envelopeMissingForOneRecipientDeviceIsRefusedAndNothingIsStored()
{
    QVERIFY(loginBoth());
    TestClient bobsTablet(m_server->url());
    QVERIFY(bobsTablet.login(*m_server, BobPhone));
    QVERIFY(m_alice->startMessaging());

    const auto answer = m_alice->request(
        FrameType::MessageSend, handmadeSend(QStringLiteral("m-1"), *m_alice, *m_bob, "x"));
    QVERIFY(!answer.ok());
    QCOMPARE(answer.error().code, ErrorCode::DeviceMismatch);
    QVERIFY(answer.error().message.contains(bobsTablet.session().deviceId));
    QCOMPARE(countRows(*m_server, QStringLiteral("messages")), 0);

    // The client's own send path fetches both devices and succeeds.
    QSignalSpy sent(&m_alice->outbox(), &sync::Outbox::messageSent);
    m_alice->outbox().sendText(m_bob->session().userId, QStringLiteral("to both devices"));
    QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 1, WaitMs);
    QSignalSpy tabletReceived(&bobsTablet.mailbox(), &sync::MailboxSync::messageReceived);
    QVERIFY(bobsTablet.startMessaging());
    QTRY_COMPARE_WITH_TIMEOUT(tabletReceived.size(), 1, WaitMs);
}

void EndToEndTest::tamperedCiphertextIsReportedUndecryptableAndStillAcknowledged()
{
    QVERIFY(loginBoth());
    QVERIFY(m_alice->startMessaging());
    QJsonObject request = handmadeSend(QStringLiteral("tampered"), *m_alice, *m_bob, "hello");
    QJsonArray envelopes = request.value(QStringLiteral("envelopes")).toArray();
    QJsonObject envelope = envelopes.first().toObject();
    QByteArray ciphertext = QByteArray::fromBase64(
        envelope.value(QStringLiteral("ciphertext")).toString().toLatin1());
    ciphertext[20] = char(ciphertext.at(20) ^ 0x01);
    envelope.insert(QStringLiteral("ciphertext"), QString::fromLatin1(ciphertext.toBase64()));
    envelopes.replace(0, envelope);
    request.insert(QStringLiteral("envelopes"), envelopes);
    QVERIFY(m_alice->request(FrameType::MessageSend, request).ok());

    QSignalSpy undecryptable(&m_bob->mailbox(), &sync::MailboxSync::messageUndecryptable);
    QSignalSpy received(&m_bob->mailbox(), &sync::MailboxSync::messageReceived);
    QSignalSpy delivered(&m_alice->mailbox(), &sync::MailboxSync::messageDelivered);
    QVERIFY(m_bob->startMessaging());
    QTRY_COMPARE_WITH_TIMEOUT(undecryptable.size(), 1, WaitMs);
    QCOMPARE(received.size(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), 1, WaitMs);
}

void EndToEndTest::deviceAddedAfterAMessageCannotAcknowledgeIt()
{
    QVERIFY(loginBoth());
    QVERIFY(m_alice->startMessaging());
    QSignalSpy sent(&m_alice->outbox(), &sync::Outbox::messageSent);
    const QString id
        = m_alice->outbox().sendText(m_bob->session().userId, QStringLiteral("for the phone"));
    QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 1, WaitMs);

    TestClient bobsNewTablet(m_server->url());
    QVERIFY(bobsNewTablet.login(*m_server, BobPhone));
    QVERIFY(bobsNewTablet.startMessaging());
    const auto answer = bobsNewTablet.request(
        FrameType::MessageDelivered, ReceiptRequest{id, m_alice->session().userId}.toJson());
    QVERIFY(!answer.ok());
    QCOMPARE(answer.error().code, ErrorCode::NotFound);
}

void EndToEndTest::reusingAMessageIdForAnotherRecipientIsRefused()
{
    QVERIFY(loginBoth());
    TestClient carol(m_server->url());
    QVERIFY(carol.login(*m_server, QStringLiteral("+12025550103")));
    QVERIFY(m_alice->startMessaging());
    QVERIFY(m_alice
                ->request(FrameType::MessageSend,
                          handmadeSend(QStringLiteral("same-id"), *m_alice, *m_bob, "to bob"))
                .ok());
    const auto reused
        = m_alice->request(FrameType::MessageSend,
                           handmadeSend(QStringLiteral("same-id"), *m_alice, carol, "to carol"));
    QVERIFY(!reused.ok());
    QCOMPARE(reused.error().code, ErrorCode::DuplicateRequest);
    QCOMPARE(countRows(*m_server, QStringLiteral("messages")), 1);
}

void EndToEndTest::tooLongTextFailsWithoutReachingTheServer()
{
    QVERIFY(loginBoth());
    QVERIFY(m_alice->startMessaging());
    QSignalSpy failed(&m_alice->outbox(), &sync::Outbox::sendFailed);
    const QString id = m_alice->outbox().sendText(m_bob->session().userId,
                                                  QString(limits::MaxPlaintextBytes, u'x'));
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, WaitMs);
    QCOMPARE(failed.first().at(0).toString(), id);
    QCOMPARE(failed.first().at(1).value<Error>().code, ErrorCode::PayloadTooLarge);
    QCOMPARE(countRows(*m_server, QStringLiteral("messages")), 0);
}

void EndToEndTest::sendersOtherDeviceGetsACopyNamingTheRecipient()
{
    QVERIFY(loginBoth());
    TestClient alicesPhone(m_server->url());
    QVERIFY(alicesPhone.login(*m_server, AlicePhone));
    QVERIFY(m_alice->startMessaging());
    QSignalSpy sent(&m_alice->outbox(), &sync::Outbox::messageSent);
    m_alice->outbox().sendText(m_bob->session().userId, QStringLiteral("copy for my phone"));
    QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 1, WaitMs);

    QJsonObject copy;
    QObject::connect(&alicesPhone.socket(), &net::SyncSocket::eventReceived,
                     [&copy](const Frame &event) { copy = event.data; });
    QSignalSpy received(&alicesPhone.mailbox(), &sync::MailboxSync::messageReceived);
    QVERIFY(alicesPhone.startMessaging());
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, WaitMs);
    QCOMPARE(received.first().first().value<store::StoredMessage>().body,
             QStringLiteral("copy for my phone"));
    QCOMPARE(copy.value(QStringLiteral("recipientUserId")).toString(), m_bob->session().userId);
}

void EndToEndTest::keptDeviceListIsRefreshedWhenTheRecipientAddsADevice()
{
    QVERIFY(loginBoth());
    QVERIFY(m_alice->startMessaging());
    QSignalSpy sent(&m_alice->outbox(), &sync::Outbox::messageSent);
    m_alice->outbox().sendText(m_bob->session().userId, QStringLiteral("one device"));
    QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 1, WaitMs);

    // Alice keeps Bob's one-device list; the server refuses it once, and she fetches it again.
    TestClient bobsLaptop(m_server->url());
    QVERIFY(bobsLaptop.login(*m_server, BobPhone));
    QSignalSpy failed(&m_alice->outbox(), &sync::Outbox::sendFailed);
    m_alice->outbox().sendText(m_bob->session().userId, QStringLiteral("two devices"));
    QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 2, WaitMs);
    QCOMPARE(failed.size(), 0);
    QSignalSpy laptopReceived(&bobsLaptop.mailbox(), &sync::MailboxSync::messageReceived);
    QVERIFY(bobsLaptop.startMessaging());
    QTRY_COMPARE_WITH_TIMEOUT(laptopReceived.size(), 1, WaitMs);
    QCOMPARE(laptopReceived.first().first().value<store::StoredMessage>().body,
             QStringLiteral("two devices"));
}

void EndToEndTest::messagingOutlivesShortAccessTokensThroughRefresh()
{
    // Access tokens of 2 s: each socket is closed with 4401 when its token expires, and the
    // clients refresh (rotating refresh tokens) and reconnect by themselves.
    m_alice.reset();
    m_bob.reset();
    QCOMPARE(m_server->stop(), 0);
    m_server = std::make_unique<ServerProcess>();
    QVERIFY(m_server->start({QStringLiteral("--access-token-lifetime"), QStringLiteral("2")}));
    m_alice = std::make_unique<TestClient>(m_server->url());
    m_bob = std::make_unique<TestClient>(m_server->url());
    QVERIFY(loginBoth());
    QVERIFY(m_bob->startMessaging());
    QVERIFY(m_alice->startMessaging());
    QSignalSpy refreshed(&m_alice->keeper(), &SessionKeeper::sessionRefreshed);
    QSignalSpy received(&m_bob->mailbox(), &sync::MailboxSync::messageReceived);
    QTest::qWait(4500);
    QVERIFY(refreshed.size() >= 2);
    m_alice->outbox().sendText(m_bob->session().userId, QStringLiteral("still here"));
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, WaitMs);
    QCOMPARE(received.first().first().value<store::StoredMessage>().body,
             QStringLiteral("still here"));
}

void EndToEndTest::signedOutDeviceStopsAndItsSessionEnds()
{
    QVERIFY(loginBoth());
    QVERIFY(m_alice->startMessaging());
    QSignalSpy signedOut(&m_alice->socket(), &net::SyncSocket::signedOut);
    QSignalSpy ended(&m_alice->keeper(), &SessionKeeper::sessionEnded);
    const QUrl logout = m_server->url(QStringLiteral("/api/v1/auth/logout"));
    QCOMPARE(TestHttp::post(logout, {}, m_alice->session().accessToken).status, 200);
    QVERIFY(signedOut.size() > 0 || signedOut.wait(WaitMs));
    m_alice->keeper().refreshNow();
    QVERIFY(ended.size() > 0 || ended.wait(WaitMs));
    QCOMPARE(ended.first().first().value<Error>().code, ErrorCode::TokenRevoked);
    QTest::qWait(1500); // no reconnect loop after a sign-out
    QVERIFY(!m_alice->socket().isConnected());
}

void EndToEndTest::savedSessionSignsInAgainWithoutACode()
{
    QVERIFY(loginBoth());
    QTemporaryDir profile;
    const QString path = profile.filePath(QStringLiteral("session.json"));
    QVERIFY(SessionKeeper::save(m_alice->session(), path).ok());
    QVERIFY(!QFile::permissions(path).testFlag(QFileDevice::ReadOther));
    const QString firstRefreshToken = m_alice->session().refreshToken;

    // The app starts again: the saved session (no access token in it) is refreshed and synced.
    auto restored = SessionKeeper::load(path);
    QVERIFY(restored.ok());
    QVERIFY(restored.value().accessToken.isEmpty());
    Account device(restored.value(), m_alice->keys(), profile.path());
    QSignalSpy synced(&device.mailbox(), &sync::MailboxSync::syncedChanged);
    device.start();
    QVERIFY(synced.wait(WaitMs));
    QVERIFY(device.mailbox().isSynced());
    const auto rewritten = SessionKeeper::load(path);
    QVERIFY(rewritten.ok());
    QVERIFY(rewritten.value().refreshToken != firstRefreshToken); // rotated and saved

    QSignalSpy received(&device.mailbox(), &sync::MailboxSync::messageReceived);
    QVERIFY(m_bob->startMessaging());
    m_bob->outbox().sendText(m_alice->session().userId, QStringLiteral("welcome back"));
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, WaitMs);

    // Signed out elsewhere: the session ends and its file is gone.
    QSignalSpy ended(&device, &Account::ended);
    const QUrl logout = m_server->url(QStringLiteral("/api/v1/auth/logout"));
    QCOMPARE(TestHttp::post(logout, {}, device.session().accessToken).status, 200);
    QVERIFY(ended.size() > 0 || ended.wait(WaitMs));
    QVERIFY(!QFile::exists(path));
}

QTEST_GUILESS_MAIN(EndToEndTest)
#include "tst_endtoend.moc"
