#include "core/crypto/MessageCipher.h"
#include "core/protocol/ChatPayloads.h"
#include "core/protocol/MessagePayloads.h"
#include "core/protocol/Plaintext.h"
#include "core/protocol/UserPayloads.h"
#include "core/store/LocalStore.h"
#include "core/store/StoreContext.h"
#include "core/sync/DeviceDirectory.h"
#include "core/sync/MailboxSync.h"
#include "core/sync/Outbox.h"
#include "tests/core/FakeAccount.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace parley;
using namespace parley::protocol;

namespace {
const QString Me = QStringLiteral("me");
const QString MyDevice = QStringLiteral("me-laptop");
const QString Bob = QStringLiteral("bob");
const QString BobsPhone = QStringLiteral("bob-phone");
const QString BobsChat = QStringLiteral("chat-with-bob");
constexpr qint64 ServerTime = 1795625483450;
constexpr int WaitMs = 5000;

QJsonObject deviceList(const QString &userId, const QString &deviceId, const QByteArray &key)
{
    return DeviceKeyList{userId, {{deviceId, key}}}.toJson();
}
} // namespace

// MailboxSync and Outbox against a fake server: real store files and real crypto, no sockets.
class MessagingTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void receiptIsSentOnlyAfterTheMessageIsStored();
    void aMailboxTheServerTrimmedIsTakenFromWhereItNowStarts();
    void aPageWhoseEventsWentAstrayIsReadAgainNotSkipped();
    void restartResumesFromTheStoredSeq();
    void typingGoesOutOnceRenewedAtMostEveryFewSecondsAndStops();
    void othersTypingEndsWhenItExpiresTheyWriteOrGoOffline();
    void presenceHeardIsAnsweredWithoutAskingTheServer();
    void readReceiptsLostWithTheConnectionGoAgain();
    void gapMakesItSyncAgainFromTheLastHandledEvent();
    void unacknowledgedEventIsReplayedAndStoredOnce();
    void seqFromTheFutureAndReplayedPagesChangeNothing();
    void forgedConversationIsUndecryptableAndStillAcknowledged();
    void outboxSurvivesARestartAndResendsTheSameId();
    void severalMessagesAreInFlightAtOnceInTheOrderWritten();
    void staleDeviceListIsFetchedAgainAndTheMessageResent();
    void deviceWhoseKeyChangedIsReportedAndNeverUsed();

private:
    void startServices();
    void stopServices();
    QJsonObject messageFromBob(qint64 seq, const QString &messageId, const QString &text,
                               const QString &conversation = {});
    FakeTransport::Request waitFor(FrameType type);
    qint64 storedCursor()
    {
        return m_me->store.runAndWait(
            [](store::StoreContext &s) { return s.messages().cursor().value_or(-1); });
    }
    int storedMessages()
    {
        return m_me->store.runAndWait([](store::StoreContext &s) {
            auto q = s.database().exec(QStringLiteral("SELECT COUNT(*) FROM messages"));
            return q && q->next() ? q->value(0).toInt() : -1;
        });
    }

    QTemporaryDir m_dir;
    crypto::DeviceKeyPair m_myKeys = crypto::DeviceKeyPair::generate();
    crypto::DeviceKeyPair m_bobKeys = crypto::DeviceKeyPair::generate();
    std::unique_ptr<FakeAccount> m_me;
};

void MessagingTest::init()
{
    m_myKeys = crypto::DeviceKeyPair::generate();
    m_bobKeys = crypto::DeviceKeyPair::generate();
    QFile::remove(m_dir.filePath(QStringLiteral("store.db")));
    startServices();
}

void MessagingTest::cleanup()
{
    stopServices();
}

void MessagingTest::startServices()
{
    m_me = std::make_unique<FakeAccount>(m_dir.filePath(QStringLiteral("store.db")),
                                         sync::Identity{Me, MyDevice, m_myKeys});
    QVERIFY(m_me->opened);
    m_me->rest.answers.insert(userDevicesPath(Bob),
                              deviceList(Bob, BobsPhone, m_bobKeys.publicKey()));
    m_me->rest.answers.insert(userDevicesPath(Me), deviceList(Me, MyDevice, m_myKeys.publicKey()));
    ChatInfo chatWithBob;
    chatWithBob.chatId = BobsChat;
    chatWithBob.peerUserId = Bob;
    m_me->rest.answers.insert(QLatin1String(paths::Chats), chatWithBob.toJson());
}

void MessagingTest::stopServices()
{
    m_me.reset(); // a process that ends: whatever was not committed is gone; the file stays
}

QJsonObject MessagingTest::messageFromBob(qint64 seq, const QString &messageId, const QString &text,
                                          const QString &conversation)
{
    const QByteArray plaintext
        = MessageContent{messageId, conversation.isEmpty() ? Me : conversation, text, ServerTime}
              .encode();
    const auto box
        = crypto::MessageCipher::seal(plaintext, m_myKeys.publicKey(), m_bobKeys.secretKey());
    return MessageReceive{seq,      messageId,  Bob,       BobsPhone,     Me,
                          BobsChat, ServerTime, box.nonce, box.ciphertext}
        .toJson();
}

FakeTransport::Request MessagingTest::waitFor(FrameType type)
{
    std::optional<FakeTransport::Request> request;
    const bool arrived = QTest::qWaitFor(
        [&] { return (request = m_me->transport.take(type)).has_value(); }, WaitMs);
    if (!arrived)
        qWarning() << "no request of type" << int(type);
    return request.value_or(FakeTransport::Request{type, {}, nullptr, [](auto) {}});
}

void MessagingTest::receiptIsSentOnlyAfterTheMessageIsStored()
{
    QSignalSpy received(&m_me->mailbox, &sync::MailboxSync::messageReceived);
    m_me->mailbox.start();
    m_me->transport.connectNow();
    const auto sync = waitFor(FrameType::Sync);
    QCOMPARE(sync.data.value(QLatin1String("after")).toInteger(), 0);
    m_me->transport.push(FrameType::MessageReceive,
                         messageFromBob(1, QStringLiteral("m1"), QStringLiteral("Hi! \U0001F44B")));
    FakeTransport::answer(
        sync, QJsonObject{{QLatin1String("lastSeq"), 1}, {QLatin1String("hasMore"), false}});

    const auto receipt = waitFor(FrameType::MessageDelivered);
    QCOMPARE(receipt.data.value(QLatin1String("messageId")).toString(), QStringLiteral("m1"));
    QCOMPARE(storedMessages(), 1); // stored before the receipt went out
    QCOMPARE(received.size(), 1);
    QCOMPARE(received.first().first().value<store::StoredMessage>().body,
             QStringLiteral("Hi! \U0001F44B"));
    QCOMPARE(m_me->mailbox.lastSeq(), 0); // not handled until the server has the receipt
    QCOMPARE(storedCursor(), 0);

    FakeTransport::answer(receipt, QJsonObject{});
    QTRY_COMPARE(m_me->mailbox.lastSeq(), 1);
    QTRY_COMPARE(storedCursor(), 1);
}

void MessagingTest::aMailboxTheServerTrimmedIsTakenFromWhereItNowStarts()
{
    m_me->mailbox.start();
    m_me->transport.connectNow();
    // A store that lost its cursor asks from 0; the server removed 1..7 (all handled long ago)
    // and says so with an empty page that ends at 7 (docs/protocol.md 6.6).
    const auto first = waitFor(FrameType::Sync);
    QCOMPARE(first.data.value(QLatin1String("after")).toInteger(), 0);
    FakeTransport::answer(
        first, QJsonObject{{QLatin1String("lastSeq"), 7}, {QLatin1String("hasMore"), true}});
    const auto second = waitFor(FrameType::Sync);
    QCOMPARE(second.data.value(QLatin1String("after")).toInteger(), 7);
    m_me->transport.push(FrameType::MessageReceive,
                         messageFromBob(8, QStringLiteral("m8"), QStringLiteral("still here")));
    FakeTransport::answer(
        second, QJsonObject{{QLatin1String("lastSeq"), 8}, {QLatin1String("hasMore"), false}});
    FakeTransport::answer(waitFor(FrameType::MessageDelivered), QJsonObject{});
    QTRY_COMPARE(m_me->mailbox.lastSeq(), 8);
    QTRY_COMPARE(storedCursor(), 8);
    QCOMPARE(storedMessages(), 1);
}

void MessagingTest::aPageWhoseEventsWentAstrayIsReadAgainNotSkipped()
{
    m_me->mailbox.start();
    m_me->transport.connectNow();
    const auto first = waitFor(FrameType::Sync);
    // Event 1 never arrives, event 2 does: the page ends at 2, but nothing may be skipped.
    m_me->transport.push(FrameType::MessageReceive,
                         messageFromBob(2, QStringLiteral("m2"), QStringLiteral("second")));
    FakeTransport::answer(
        first, QJsonObject{{QLatin1String("lastSeq"), 2}, {QLatin1String("hasMore"), true}});
    const auto again = waitFor(FrameType::Sync);
    QCOMPARE(again.data.value(QLatin1String("after")).toInteger(), 0);
    QCOMPARE(m_me->mailbox.lastSeq(), 0);
}

void MessagingTest::typingGoesOutOnceRenewedAtMostEveryFewSecondsAndStops()
{
    m_me->transport.connectNow();
    m_me->live.setTyping(Bob, true);
    const auto started = waitFor(FrameType::MessageTyping);
    QCOMPARE(started.data.value(QLatin1String("chatId")).toString(), BobsChat);
    QCOMPARE(started.data.value(QLatin1String("typing")).toBool(), true);
    FakeTransport::answer(started, QJsonObject{});
    // Key presses right after: nothing new to tell.
    m_me->live.setTyping(Bob, true);
    m_me->live.setTyping(Bob, true);
    QTest::qWait(50);
    QVERIFY(!m_me->transport.take(FrameType::MessageTyping));
    m_me->live.setTyping(Bob, false);
    const auto stopped = waitFor(FrameType::MessageTyping);
    QCOMPARE(stopped.data.value(QLatin1String("typing")).toBool(), false);
    // Stopping twice, or stopping what never started, sends nothing.
    m_me->live.setTyping(Bob, false);
    QTest::qWait(50);
    QVERIFY(!m_me->transport.take(FrameType::MessageTyping));
}

void MessagingTest::othersTypingEndsWhenItExpiresTheyWriteOrGoOffline()
{
    QSignalSpy typing(&m_me->live, &sync::LiveStatus::typingChanged);
    const QJsonObject typingEvent
        = TypingEvent{BobsChat, Bob, true, 1000}.toJson(); // the shortest a receiver accepts
    m_me->transport.push(FrameType::UserTyping, typingEvent);
    QCOMPARE(typing.size(), 1);
    QVERIFY(m_me->live.isTyping(Bob));
    m_me->transport.push(FrameType::UserTyping, typingEvent); // renewed: no news
    QCOMPARE(typing.size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(typing.size(), 2, 3000); // expired
    QCOMPARE(typing.last().at(1).toBool(), false);

    m_me->transport.push(FrameType::UserTyping, typingEvent);
    m_me->transport.push(FrameType::MessageReceive,
                         messageFromBob(1, QStringLiteral("m1"), QStringLiteral("done typing")));
    QCOMPARE(typing.size(), 4); // a message from him ends it at once
    QVERIFY(!m_me->live.isTyping(Bob));

    m_me->transport.push(FrameType::UserTyping, typingEvent);
    m_me->transport.push(FrameType::UserOffline, UserStatus{Bob, false, ServerTime}.toJson());
    QCOMPARE(typing.size(), 6);
    QVERIFY(!m_me->live.isTyping(Bob));
}

void MessagingTest::presenceHeardIsAnsweredWithoutAskingTheServer()
{
    QSignalSpy presence(&m_me->live, &sync::LiveStatus::presenceChanged);
    m_me->transport.connectNow();
    m_me->transport.push(FrameType::UserOnline, UserStatus{Bob, true, std::nullopt}.toJson());
    QCOMPARE(presence.size(), 1);
    std::optional<Result<UserStatus>> status;
    m_me->live.status(Bob, this, [&status](Result<UserStatus> s) { status = s; });
    QVERIFY(status && *status);
    QVERIFY(status->value().online);
    QCOMPARE(m_me->rest.gets.value(QStringLiteral("/api/v1/users/bob/status")), 0);
    // After a reconnect what was heard is stale: the server is asked.
    m_me->transport.dropConnection();
    status.reset();
    m_me->live.status(Bob, this, [&status](Result<UserStatus> s) { status = s; });
    QTRY_VERIFY(status.has_value());
    QCOMPARE(m_me->rest.gets.value(QStringLiteral("/api/v1/users/bob/status")), 1);
}

void MessagingTest::readReceiptsLostWithTheConnectionGoAgain()
{
    const auto stored = m_me->store.runAndWait([](store::StoreContext &store) {
        store::InboundMessage in;
        in.messageId = QStringLiteral("m-read");
        in.senderUserId = in.peerUserId = Bob;
        in.senderDeviceId = BobsPhone;
        in.body = QStringLiteral("read me");
        in.sentAt = in.serverTime = ServerTime;
        return store.messages().storeInbox({in}, {}, 0, ServerTime);
    });
    QVERIFY(stored && stored->added.size() == 1);
    const qint64 chatId = stored->added.first().chatId;
    const auto readAt = [this] {
        return m_me->store.runAndWait([](store::StoreContext &store) {
            auto q = store.database().exec(
                QStringLiteral("SELECT read_at FROM messages WHERE message_id = 'm-read'"));
            return q && q->next() ? q->value(0).toLongLong() : qint64(-99);
        });
    };
    m_me->outbox.start();
    m_me->outbox.markRead(chatId); // offline: kept for later
    QTRY_COMPARE(readAt(), qint64(-1));
    QVERIFY(!m_me->transport.take(FrameType::MessageRead));

    m_me->transport.connectNow();
    m_me->outbox.setOnline(true);
    const auto first = waitFor(FrameType::MessageRead);
    QCOMPARE(first.data.value(QLatin1String("messageId")).toString(), QStringLiteral("m-read"));
    QCOMPARE(first.data.value(QLatin1String("senderUserId")).toString(), Bob);
    // The connection drops before the answer: the socket fails the request, as SyncSocket does.
    FakeTransport::answer(first, Error{ErrorCode::NetworkError, QStringLiteral("connection lost")});
    m_me->transport.dropConnection();
    QTest::qWait(50);
    QCOMPARE(readAt(), qint64(-1));

    m_me->transport.connectNow();
    m_me->outbox.setOnline(true);
    const auto again = waitFor(FrameType::MessageRead);
    QCOMPARE(again.data.value(QLatin1String("messageId")).toString(), QStringLiteral("m-read"));
    FakeTransport::answer(again, QJsonObject{});
    QTRY_VERIFY(readAt() > 0);
    m_me->outbox.setOnline(true);
    QTest::qWait(50);
    QVERIFY(!m_me->transport.take(FrameType::MessageRead)); // done: not sent a third time
}

void MessagingTest::restartResumesFromTheStoredSeq()
{
    m_me->store.runAndWait([](store::StoreContext &s) { return s.messages().setCursor(41).ok(); });
    stopServices();
    startServices();
    m_me->mailbox.start();
    m_me->transport.connectNow();
    const auto sync = waitFor(FrameType::Sync);
    QCOMPARE(sync.data.value(QLatin1String("after")).toInteger(), 41);
}

void MessagingTest::gapMakesItSyncAgainFromTheLastHandledEvent()
{
    m_me->mailbox.start();
    m_me->transport.connectNow();
    FakeTransport::answer(
        waitFor(FrameType::Sync),
        QJsonObject{{QLatin1String("lastSeq"), 0}, {QLatin1String("hasMore"), false}});
    m_me->transport.push(FrameType::MessageReceive,
                         messageFromBob(1, QStringLiteral("g1"), QStringLiteral("one")));
    FakeTransport::answer(waitFor(FrameType::MessageDelivered), QJsonObject{});
    QTRY_COMPARE(m_me->mailbox.lastSeq(), 1);

    // seq 2 never arrives: 3 is not taken, the mailbox is read again from 1.
    m_me->transport.push(FrameType::MessageReceive,
                         messageFromBob(3, QStringLiteral("g3"), QStringLiteral("three")));
    const auto again = waitFor(FrameType::Sync);
    QCOMPARE(again.data.value(QLatin1String("after")).toInteger(), 1);
    QCOMPARE(storedMessages(), 1);
    m_me->transport.push(FrameType::MessageReceive,
                         messageFromBob(2, QStringLiteral("g2"), QStringLiteral("two")));
    m_me->transport.push(FrameType::MessageReceive,
                         messageFromBob(3, QStringLiteral("g3"), QStringLiteral("three")));
    FakeTransport::answer(
        again, QJsonObject{{QLatin1String("lastSeq"), 3}, {QLatin1String("hasMore"), false}});
    FakeTransport::answer(waitFor(FrameType::MessageDelivered), QJsonObject{});
    FakeTransport::answer(waitFor(FrameType::MessageDelivered), QJsonObject{});
    QTRY_COMPARE(m_me->mailbox.lastSeq(), 3);
    QCOMPARE(storedMessages(), 3);
}

void MessagingTest::unacknowledgedEventIsReplayedAndStoredOnce()
{
    QSignalSpy received(&m_me->mailbox, &sync::MailboxSync::messageReceived);
    m_me->mailbox.start();
    m_me->transport.connectNow();
    waitFor(FrameType::Sync);
    m_me->transport.push(FrameType::MessageReceive,
                         messageFromBob(1, QStringLiteral("r1"), QStringLiteral("once")));
    waitFor(FrameType::MessageDelivered); // stored; the answer is lost with the connection
    QCOMPARE(storedMessages(), 1);

    // As after a crash between the store commit and the receipt's ack: a new process.
    stopServices();
    startServices();
    QSignalSpy receivedAgain(&m_me->mailbox, &sync::MailboxSync::messageReceived);
    m_me->mailbox.start();
    m_me->transport.connectNow();
    const auto sync = waitFor(FrameType::Sync);
    QCOMPARE(sync.data.value(QLatin1String("after")).toInteger(), 0);
    m_me->transport.push(FrameType::MessageReceive,
                         messageFromBob(1, QStringLiteral("r1"), QStringLiteral("once")));
    const auto receipt = waitFor(FrameType::MessageDelivered); // sent again
    QCOMPARE(receipt.data.value(QLatin1String("messageId")).toString(), QStringLiteral("r1"));
    FakeTransport::answer(receipt, QJsonObject{});
    QTRY_COMPARE(m_me->mailbox.lastSeq(), 1);
    QCOMPARE(storedMessages(), 1);
    QCOMPARE(received.size(), 1);
    QCOMPARE(receivedAgain.size(), 0); // not announced twice
}

void MessagingTest::seqFromTheFutureAndReplayedPagesChangeNothing()
{
    QSignalSpy received(&m_me->mailbox, &sync::MailboxSync::messageReceived);
    m_me->mailbox.start();
    m_me->transport.connectNow();
    // A sync answer that claims a far later seq moves nothing: only events handled count.
    FakeTransport::answer(
        waitFor(FrameType::Sync),
        QJsonObject{{QLatin1String("lastSeq"), 1000000000}, {QLatin1String("hasMore"), false}});
    m_me->transport.push(FrameType::MessageReceive,
                         messageFromBob(1, QStringLiteral("s1"), QStringLiteral("one")));
    FakeTransport::answer(waitFor(FrameType::MessageDelivered), QJsonObject{});
    QTRY_COMPARE(m_me->mailbox.lastSeq(), 1);

    // An event from the future is not taken; the mailbox is read again from 1.
    m_me->transport.push(FrameType::MessageReceive,
                         messageFromBob(1000000000, QStringLiteral("far"), QStringLiteral("far")));
    const auto resync = waitFor(FrameType::Sync);
    QCOMPARE(resync.data.value(QLatin1String("after")).toInteger(), 1);
    // The server replays what it already sent (a replayed page): nothing changes.
    for (int round = 0; round < 3; ++round)
        m_me->transport.push(FrameType::MessageReceive,
                             messageFromBob(1, QStringLiteral("s1"), QStringLiteral("one")));
    FakeTransport::answer(
        resync, QJsonObject{{QLatin1String("lastSeq"), 1}, {QLatin1String("hasMore"), false}});
    QTest::qWait(100);
    QCOMPARE(m_me->transport.take(FrameType::MessageDelivered), std::nullopt);
    QCOMPARE(storedMessages(), 1);
    QCOMPARE(received.size(), 1);
    QCOMPARE(m_me->mailbox.lastSeq(), 1);
    QTRY_COMPARE(storedCursor(), 1);
}

void MessagingTest::forgedConversationIsUndecryptableAndStillAcknowledged()
{
    QSignalSpy undecryptable(&m_me->mailbox, &sync::MailboxSync::messageUndecryptable);
    m_me->mailbox.start();
    m_me->transport.connectNow();
    waitFor(FrameType::Sync);
    // Bob wrote it for Carol; a server that files it under "to me" is caught by the label.
    m_me->transport.push(FrameType::MessageReceive,
                         messageFromBob(1, QStringLiteral("f1"), QStringLiteral("for Carol"),
                                        QStringLiteral("carol")));
    FakeTransport::answer(waitFor(FrameType::MessageDelivered), QJsonObject{});
    QTRY_COMPARE(undecryptable.size(), 1);
    QTRY_COMPARE(m_me->mailbox.lastSeq(), 1);
    const auto hits = m_me->store.runAndWait(
        [](store::StoreContext &s) { return s.messages().search(QStringLiteral("Carol"), 5); });
    QVERIFY(hits);
    QCOMPARE(hits->size(), 0);
}

void MessagingTest::outboxSurvivesARestartAndResendsTheSameId()
{
    QSignalSpy queued(&m_me->outbox, &sync::Outbox::messageQueued);
    m_me->outbox.start();
    const QString id = m_me->outbox.sendText(Bob, QStringLiteral("while offline"));
    QTRY_COMPARE(queued.size(), 1);
    QCOMPARE(queued.first().first().value<store::StoredMessage>().status,
             store::MessageStatus::Pending);
    stopServices(); // killed before anything was sent

    startServices();
    QSignalSpy sent(&m_me->outbox, &sync::Outbox::messageSent);
    m_me->outbox.start();
    m_me->transport.connectNow();
    m_me->outbox.setOnline(true);
    const auto send = waitFor(FrameType::MessageSend);
    const auto message = MessageSend::fromJson(send.data);
    QVERIFY(message);
    QCOMPARE(message->messageId, id);
    QCOMPARE(message->envelopes.size(), 1);
    const auto opened = crypto::MessageCipher::open(message->envelopes.first().nonce,
                                                    message->envelopes.first().ciphertext,
                                                    m_myKeys.publicKey(), m_bobKeys.secretKey());
    QVERIFY(opened);
    QCOMPARE(MessageContent::decode(*opened)->text, QStringLiteral("while offline"));
    QCOMPARE(MessageContent::decode(*opened)->recipientUserId, Bob);

    FakeTransport::answer(send, MessageAccepted{id, ServerTime}.toJson());
    QTRY_COMPARE(sent.size(), 1);
    const auto pending = m_me->store.runAndWait(
        [](store::StoreContext &s) { return s.messages().pendingOutbox().value().size(); });
    QCOMPARE(pending, 0);
}

void MessagingTest::severalMessagesAreInFlightAtOnceInTheOrderWritten()
{
    m_me->outbox.start();
    m_me->transport.connectNow();
    m_me->outbox.setOnline(true);
    QStringList ids;
    for (int i = 0; i < 5; ++i)
        ids.append(m_me->outbox.sendText(Bob, QStringLiteral("message %1").arg(i)));
    QTRY_COMPARE(m_me->transport.requests.size(), 5); // all five before any answer
    for (int i = 0; i < 5; ++i) {
        const auto send = m_me->transport.take(FrameType::MessageSend);
        QVERIFY(send);
        QCOMPARE(MessageSend::fromJson(send->data)->messageId, ids.at(i));
    }
}

void MessagingTest::staleDeviceListIsFetchedAgainAndTheMessageResent()
{
    m_me->outbox.start();
    m_me->transport.connectNow();
    m_me->outbox.setOnline(true);
    const QString id = m_me->outbox.sendText(Bob, QStringLiteral("to the new phone"));
    const auto first = waitFor(FrameType::MessageSend);
    QCOMPARE(m_me->rest.gets.value(userDevicesPath(Bob)), 1);
    FakeTransport::answer(first, Error{ErrorCode::DeviceMismatch, QStringLiteral("stale")});
    const auto second = waitFor(FrameType::MessageSend);
    QCOMPARE(MessageSend::fromJson(second.data)->messageId, id);
    QCOMPARE(m_me->rest.gets.value(userDevicesPath(Bob)), 2);
}

void MessagingTest::deviceWhoseKeyChangedIsReportedAndNeverUsed()
{
    QSignalSpy mismatches(&m_me->devices, &sync::DeviceDirectory::keyMismatch);
    std::optional<Result<DeviceKeyList>> first;
    m_me->devices.devices(Bob, false, this, [&](Result<DeviceKeyList> list) { first = list; });
    QTRY_VERIFY(first.has_value());
    QCOMPARE(first->value().devices.size(), 1);

    // The server now claims another key for the same phone: a server that lies, or a thief.
    m_me->rest.answers.insert(
        userDevicesPath(Bob),
        deviceList(Bob, BobsPhone, crypto::DeviceKeyPair::generate().publicKey()));
    std::optional<Result<DeviceKeyList>> second;
    m_me->devices.devices(Bob, true, this, [&](Result<DeviceKeyList> list) { second = list; });
    QTRY_VERIFY(second.has_value());
    QVERIFY(second->ok());
    QCOMPARE(second->value().devices.size(), 0);
    QCOMPARE(mismatches.size(), 1);
    QCOMPARE(mismatches.first().at(1).toString(), BobsPhone);
    QCOMPARE(m_me->devices.keptKey(Bob, BobsPhone), std::nullopt);

    // The pin outlives the process: a restart still refuses the new key.
    stopServices();
    startServices();
    QSignalSpy again(&m_me->devices, &sync::DeviceDirectory::keyMismatch);
    m_me->rest.answers.insert(
        userDevicesPath(Bob),
        deviceList(Bob, BobsPhone, crypto::DeviceKeyPair::generate().publicKey()));
    std::optional<Result<DeviceKeyList>> third;
    m_me->devices.devices(Bob, true, this, [&](Result<DeviceKeyList> list) { third = list; });
    QTRY_VERIFY(third.has_value());
    QCOMPARE(third->value().devices.size(), 0);
    QCOMPARE(again.size(), 1);
}

QTEST_GUILESS_MAIN(MessagingTest)
#include "tst_messaging.moc"
