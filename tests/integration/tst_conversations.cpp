#include "core/account/Account.h"
#include "core/crypto/MessageCipher.h"
#include "core/protocol/ChatPayloads.h"
#include "core/protocol/MessagePayloads.h"
#include "core/protocol/Plaintext.h"
#include "core/store/StoreContext.h"
#include "tests/support/ServerProcess.h"
#include "tests/support/TestClient.h"
#include "tests/support/TestHttp.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace parley;
using namespace parley::protocol;

namespace {

constexpr int WaitMs = 10000;
const QString AlicePhone = QStringLiteral("+12025550171");
const QString BobPhone = QStringLiteral("+12025550172");

// The message as one device's store has it; nothing when it has none.
std::optional<store::StoredMessage> stored(TestClient &client, const QString &messageId,
                                           const QString &senderUserId)
{
    // The store keeps this account's own messages with an empty sender.
    const store::LocalRef ref{messageId,
                              senderUserId == client.session().userId ? QString() : senderUserId};
    auto found = client.account().store().runAndWait(
        [ref](store::StoreContext &store) { return store.messages().messageByRef(ref); });
    return found ? found.value() : std::nullopt;
}

QString safetyNumberOf(TestClient &client, const QString &peerUserId)
{
    std::optional<Result<QString>> number;
    client.account().devices().safetyNumber(peerUserId, &client.account(),
                                            [&number](Result<QString> n) { number = n; });
    if (!QTest::qWaitFor([&] { return number.has_value(); }, WaitMs) || !*number)
        return {};
    return number->value();
}

int systemLines(TestClient &client)
{
    auto count = client.account().store().runAndWait([](store::StoreContext &store) {
        auto q = store.database().exec(
            QStringLiteral("SELECT COUNT(*) FROM messages WHERE kind = 'system'"));
        return q && q->next() ? q->value(0).toInt() : -1;
    });
    return count;
}

} // namespace

// Chats as people use them, with real client cores on a real server (docs/protocol.md 7.3, 7.7,
// 4.27): replies, edits and reactions reach every device of both users, forged edits are
// ignored, a deletion for everyone reaches a device that was offline, settings follow the
// account's devices, and a contact's new device changes the safety number on both sides with
// one "security code changed" line.
class ConversationsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void repliesEditsAndReactionsReachEveryDeviceOfBothUsers();
    void onlyTheSenderCanEditAndForgedEditsAreIgnored();
    void badRepliesAndReactionsFailBeforeAnythingIsSent();
    void deleteForEveryoneReachesDevicesThatWereOffline();
    void chatSettingsFollowTheAccountsOtherDevices();
    void readingSettingsAndDeletingAChatGoThroughTheServerToEveryDevice();
    void aContactsNewDeviceChangesTheSafetyNumberOnBothSidesOnce();
    void aVerifiedContactStaysVerifiedUntilTheirDevicesChange();

private:
    std::unique_ptr<TestClient> device(const QString &phone, bool start = true);
    QString sendAndWait(TestClient &from, const QString &peerUserId, const QString &text);
    qint64 rowOf(TestClient &client, const QString &messageId, const QString &senderUserId);

    std::unique_ptr<ServerProcess> m_server;
};

void ConversationsTest::init()
{
    m_server = std::make_unique<ServerProcess>();
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
}

void ConversationsTest::cleanup()
{
    QCOMPARE(m_server->stop(), 0);
    m_server.reset();
}

std::unique_ptr<TestClient> ConversationsTest::device(const QString &phone, bool start)
{
    auto client = std::make_unique<TestClient>(m_server->url());
    if (!client->login(*m_server, phone) || (start && !client->startMessaging())) {
        qWarning().noquote() << "device for" << phone << "failed:" << client->lastError();
        return nullptr;
    }
    return client;
}

QString ConversationsTest::sendAndWait(TestClient &from, const QString &peerUserId,
                                       const QString &text)
{
    QSignalSpy sent(&from.outbox(), &sync::Outbox::messageSent);
    const QString id = from.outbox().sendText(peerUserId, text);
    if (!sent.wait(WaitMs))
        qWarning().noquote() << "not sent:" << text;
    return id;
}

qint64 ConversationsTest::rowOf(TestClient &client, const QString &messageId,
                                const QString &senderUserId)
{
    const auto message = stored(client, messageId, senderUserId);
    return message ? message->row : 0;
}

void ConversationsTest::repliesEditsAndReactionsReachEveryDeviceOfBothUsers()
{
    auto aliceLaptop = device(AlicePhone);
    auto alicePhone = device(AlicePhone);
    auto bobDesktop = device(BobPhone);
    auto bobTablet = device(BobPhone);
    QVERIFY(aliceLaptop && alicePhone && bobDesktop && bobTablet);
    const QString alice = aliceLaptop->session().userId;
    const QString bob = bobDesktop->session().userId;
    const QList<TestClient *> everyone{aliceLaptop.get(), alicePhone.get(), bobDesktop.get(),
                                       bobTablet.get()};

    const QString hello = sendAndWait(*aliceLaptop, bob, QStringLiteral("helo"));
    for (TestClient *each : everyone)
        QTRY_VERIFY_WITH_TIMEOUT(stored(*each, hello, alice).has_value(), WaitMs);

    // Bob replies from his desktop, quoting it.
    const QString reply
        = bobDesktop->outbox().reply(rowOf(*bobDesktop, hello, alice), QStringLiteral("hi!"));
    for (TestClient *each : everyone)
        QTRY_VERIFY_WITH_TIMEOUT(stored(*each, reply, bob).has_value(), WaitMs);
    for (TestClient *each : everyone) {
        const auto quoted = stored(*each, reply, bob);
        QVERIFY(quoted->replyTo);
        QCOMPARE(quoted->replyTo->messageId, hello);
        // Alice's devices name her own message with the empty sender of their own.
        QCOMPARE(quoted->replyTo->senderUserId,
                 each->session().userId == alice ? QString() : alice);
    }

    // Alice fixes her typo from her phone: every device shows the new text, marked edited.
    QSignalSpy changedHere(&alicePhone->outbox(), &sync::Outbox::messageChanged);
    alicePhone->outbox().edit(rowOf(*alicePhone, hello, alice), QStringLiteral("hello"));
    QTRY_COMPARE_WITH_TIMEOUT(changedHere.size(), 1, WaitMs); // shown at once where it was made
    for (TestClient *each : everyone) {
        QTRY_COMPARE_WITH_TIMEOUT(stored(*each, hello, alice)->body, QStringLiteral("hello"),
                                  WaitMs);
        QVERIFY(stored(*each, hello, alice)->editedAt > 0);
    }

    // Bob reacts on his tablet, changes his mind, then takes it back.
    for (const QString &emoji : {QStringLiteral("\U0001F44D"), QStringLiteral("\u2764\uFE0F")}) {
        bobTablet->outbox().react(rowOf(*bobTablet, hello, alice), emoji);
        for (TestClient *each : everyone) {
            QTRY_VERIFY_WITH_TIMEOUT(stored(*each, hello, alice)->reactions.size() == 1
                                         && stored(*each, hello, alice)->reactions.first().emoji
                                             == emoji,
                                     WaitMs);
            QCOMPARE(stored(*each, hello, alice)->reactions.first().userId,
                     each->session().userId == bob ? QString() : bob);
        }
    }
    bobTablet->outbox().react(rowOf(*bobTablet, hello, alice), QString());
    for (TestClient *each : everyone)
        QTRY_VERIFY_WITH_TIMEOUT(stored(*each, hello, alice)->reactions.isEmpty(), WaitMs);

    // Edits and reactions were sent silent: nobody's unread count counts them, and no device
    // shows them as messages of their own.
    const HttpReply chat
        = TestHttp::postJson(m_server->url(QLatin1String(paths::Chats)),
                             CreateChatRequest{alice}.toJson(), bobDesktop->session().accessToken);
    QCOMPARE(ChatInfo::fromJson(chat.json())->unreadCount, 1); // "helo", not the edit
    auto visible = aliceLaptop->account().store().runAndWait([](store::StoreContext &store) {
        auto chats = store.chats().chats();
        return chats && chats->size() == 1 ? store.messages()
                                                 .messages(chats->first().id, 0, 50)
                                                 .value_or(QList<store::StoredMessage>())
                                                 .size()
                                           : qsizetype(-1);
    });
    QCOMPARE(visible, 2); // "hello" and the reply
}

void ConversationsTest::onlyTheSenderCanEditAndForgedEditsAreIgnored()
{
    auto alice = device(AlicePhone);
    auto bob = device(BobPhone);
    QVERIFY(alice && bob);
    const QString bobs = sendAndWait(*bob, alice->session().userId, QStringLiteral("mine"));
    QTRY_VERIFY_WITH_TIMEOUT(stored(*alice, bobs, bob->session().userId).has_value(), WaitMs);

    // Alice's own client refuses to edit Bob's message.
    QSignalSpy failed(&alice->outbox(), &sync::Outbox::sendFailed);
    alice->outbox().edit(rowOf(*alice, bobs, bob->session().userId), QStringLiteral("his?"));
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, WaitMs);
    QCOMPARE(failed.first().at(1).value<Error>().code, ErrorCode::Forbidden);

    // A modified client sends the edit anyway: Bob's devices ignore it.
    MessageContent forged;
    forged.messageId = QStringLiteral("forged-edit");
    forged.recipientUserId = bob->session().userId;
    forged.type = MessageContent::Type::Edit;
    forged.target.messageId = bobs;
    forged.text = QStringLiteral("I never wrote this");
    forged.sentAt = QDateTime::currentMSecsSinceEpoch();
    const auto box = crypto::MessageCipher::seal(forged.encode(), bob->keys().publicKey(),
                                                 alice->keys().secretKey());
    const QString chatId = TestHttp::postJson(m_server->url(QLatin1String(paths::Chats)),
                                              CreateChatRequest{bob->session().userId}.toJson(),
                                              alice->session().accessToken)
                               .json()
                               .value(QStringLiteral("chatId"))
                               .toString();
    QSignalSpy handled(&bob->mailbox(), &sync::MailboxSync::caughtUp);
    QVERIFY(alice->request(
        FrameType::MessageSend,
        MessageSend{
            forged.messageId, chatId, {{bob->session().deviceId, box.nonce, box.ciphertext}}, true}
            .toJson()));
    QTRY_VERIFY_WITH_TIMEOUT(!handled.isEmpty(), WaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(bob->mailbox().lastSeq() >= 2, WaitMs);
    QCOMPARE(stored(*bob, bobs, bob->session().userId)->body, QStringLiteral("mine"));
    QCOMPARE(stored(*bob, bobs, bob->session().userId)->editedAt, 0);
    QVERIFY(!stored(*bob, forged.messageId, alice->session().userId)); // nor shown itself
}

void ConversationsTest::badRepliesAndReactionsFailBeforeAnythingIsSent()
{
    auto alice = device(AlicePhone);
    auto bob = device(BobPhone);
    QVERIFY(alice && bob);
    const QString id = sendAndWait(*alice, bob->session().userId, QStringLiteral("react to me"));
    QSignalSpy failed(&alice->outbox(), &sync::Outbox::sendFailed);
    alice->outbox().reply(987654, QStringLiteral("to nothing"));
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, WaitMs);
    QCOMPARE(failed.at(0).at(1).value<Error>().code, ErrorCode::NotFound);
    alice->outbox().react(rowOf(*alice, id, alice->session().userId), QStringLiteral("ok"));
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 2, WaitMs);
    QCOMPARE(failed.at(1).at(1).value<Error>().code, ErrorCode::InvalidField);
    alice->outbox().react(rowOf(*alice, id, alice->session().userId),
                          QStringLiteral("\U0001F44D\U0001F44D"));
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 3, WaitMs);
    QCOMPARE(m_server->queryScalar(QStringLiteral("SELECT COUNT(*) FROM messages")).toInt(), 1);
}

void ConversationsTest::deleteForEveryoneReachesDevicesThatWereOffline()
{
    auto alice = device(AlicePhone);
    auto bobDesktop = device(BobPhone);
    auto bobTablet = device(BobPhone, false); // signed in, offline
    QVERIFY(alice && bobDesktop && bobTablet);
    const QString bob = bobDesktop->session().userId;
    // The tablet knows the chat (an earlier message) before it goes offline for the deletion.
    const QString earlier = sendAndWait(*alice, bob, QStringLiteral("earlier"));
    QVERIFY(bobTablet->startMessaging());
    QTRY_VERIFY_WITH_TIMEOUT(stored(*bobTablet, earlier, alice->session().userId), WaitMs);
    bobTablet->socket().close();

    const QString oops = sendAndWait(*alice, bob, QStringLiteral("oops, not for you"));
    QTRY_VERIFY_WITH_TIMEOUT(stored(*bobDesktop, oops, alice->session().userId), WaitMs);
    QSignalSpy changed(&alice->outbox(), &sync::Outbox::messageChanged);
    alice->outbox().deleteForEveryone(rowOf(*alice, oops, alice->session().userId));
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, WaitMs);
    QVERIFY(changed.first().first().value<store::StoredMessage>().deletedAt > 0);
    QTRY_VERIFY_WITH_TIMEOUT(stored(*bobDesktop, oops, alice->session().userId)->deletedAt > 0,
                             WaitMs);
    QCOMPARE(stored(*bobDesktop, oops, alice->session().userId)->body, QString());
    // Not found by search any more.
    auto hits = bobDesktop->account().store().runAndWait([](store::StoreContext &store) {
        return store.messages().search(QStringLiteral("oops"), 5);
    });
    QVERIFY(hits);
    QCOMPARE(hits->size(), 0);

    // The tablet comes back: it never got the text, and shows the message as deleted in place.
    bobTablet->socket().open(bobTablet->account().session().serverUrl,
                             bobTablet->account().session().accessToken);
    QTRY_VERIFY_WITH_TIMEOUT(stored(*bobTablet, oops, alice->session().userId).has_value(), WaitMs);
    QVERIFY(stored(*bobTablet, oops, alice->session().userId)->deletedAt > 0);
    QCOMPARE(stored(*bobTablet, oops, alice->session().userId)->body, QString());

    // A second deletion is refused by the server.
    QSignalSpy refused(&alice->outbox(), &sync::Outbox::deleteFailed);
    alice->outbox().deleteForEveryone(rowOf(*alice, oops, alice->session().userId));
    QTRY_COMPARE_WITH_TIMEOUT(refused.size(), 1, WaitMs);
    QCOMPARE(refused.first().at(1).value<Error>().code, ErrorCode::AlreadyDeleted);
    // Nor can Bob delete Alice's message.
    QSignalSpy bobRefused(&bobDesktop->outbox(), &sync::Outbox::deleteFailed);
    bobDesktop->outbox().deleteForEveryone(rowOf(*bobDesktop, earlier, alice->session().userId));
    QTRY_COMPARE_WITH_TIMEOUT(bobRefused.size(), 1, WaitMs);
    QCOMPARE(bobRefused.first().at(1).value<Error>().code, ErrorCode::Forbidden);
}

void ConversationsTest::chatSettingsFollowTheAccountsOtherDevices()
{
    auto laptop = device(AlicePhone);
    auto phone = device(AlicePhone);
    auto bob = device(BobPhone);
    QVERIFY(laptop && phone && bob);
    const QString said = sendAndWait(*bob, laptop->session().userId, QStringLiteral("pin me"));
    QTRY_VERIFY_WITH_TIMEOUT(stored(*phone, said, bob->session().userId), WaitMs);
    const QString chatId = TestHttp::postJson(m_server->url(QLatin1String(paths::Chats)),
                                              CreateChatRequest{bob->session().userId}.toJson(),
                                              laptop->session().accessToken)
                               .json()
                               .value(QStringLiteral("chatId"))
                               .toString();
    QSignalSpy chatChanged(&phone->mailbox(), &sync::MailboxSync::chatChanged);
    QCOMPARE(TestHttp::putJson(m_server->url(chatPath(chatId)),
                               {{QStringLiteral("pinned"), true},
                                {QStringLiteral("mutedUntil"), double(ChatInfo::MutedForever)}},
                               laptop->session().accessToken)
                 .status,
             200);
    QTRY_COMPARE_WITH_TIMEOUT(chatChanged.size(), 1, WaitMs);
    auto chats = phone->account().store().runAndWait(
        [](store::StoreContext &store) { return store.chats().chats(); });
    QVERIFY(chats && chats->size() == 1);
    QVERIFY(chats->first().pinned);
    QCOMPARE(chats->first().mutedUntil, ChatInfo::MutedForever);
    QCOMPARE(chats->first().serverChatId, chatId);

    // Deleting the chat on the laptop clears it on the phone.
    QCOMPARE(
        TestHttp::sendDelete(m_server->url(chatPath(chatId)), laptop->session().accessToken).status,
        200);
    QTRY_COMPARE_WITH_TIMEOUT(chatChanged.size(), 2, WaitMs);
    QVERIFY(!stored(*phone, said, bob->session().userId));
}

void ConversationsTest::readingSettingsAndDeletingAChatGoThroughTheServerToEveryDevice()
{
    auto laptop = device(AlicePhone);
    auto phone = device(AlicePhone);
    auto bob = device(BobPhone);
    QVERIFY(laptop && phone && bob);
    const QString alice = laptop->session().userId;
    QSignalSpy readByAlice(&bob->mailbox(), &sync::MailboxSync::messageRead);
    const QString one = sendAndWait(*bob, alice, QStringLiteral("one"));
    const QString two = sendAndWait(*bob, alice, QStringLiteral("two"));
    QTRY_VERIFY_WITH_TIMEOUT(stored(*laptop, two, bob->session().userId), WaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(stored(*phone, two, bob->session().userId), WaitMs);
    const auto chatOf = [](TestClient &client) {
        auto chats = client.account().store().runAndWait(
            [](store::StoreContext &store) { return store.chats().chats(); });
        return chats && chats->size() == 1 ? chats->first() : store::ChatSummary{};
    };
    const qint64 laptopChat = chatOf(*laptop).id;
    QCOMPARE(chatOf(*phone).unreadCount, 2);

    // Alice opens the chat on her laptop: Bob gets both read receipts (both share them), and
    // her phone learns that the chat is read.
    QSignalSpy phoneChats(&phone->mailbox(), &sync::MailboxSync::chatChanged);
    laptop->outbox().markRead(laptopChat);
    QTRY_COMPARE_WITH_TIMEOUT(readByAlice.size(), 2, WaitMs);
    QCOMPARE(readByAlice.at(0).at(0).toString(), one);
    QTRY_VERIFY_WITH_TIMEOUT(!phoneChats.isEmpty(), WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(chatOf(*phone).unreadCount, 0, WaitMs);
    QCOMPARE(chatOf(*laptop).unreadCount, 0);
    QTRY_COMPARE_WITH_TIMEOUT(stored(*bob, one, bob->session().userId)->status,
                              store::MessageStatus::Read, WaitMs);
    // Reading again sends nothing more.
    laptop->outbox().markRead(laptopChat);
    QTest::qWait(200);
    QCOMPARE(readByAlice.size(), 2);

    // Pinned and muted on the laptop: the server and the phone have it.
    QSignalSpy failed(&laptop->outbox(), &sync::Outbox::settingsFailed);
    laptop->outbox().setChatSettings(laptopChat, true, false, ChatInfo::MutedForever);
    QTRY_VERIFY_WITH_TIMEOUT(chatOf(*phone).pinned, WaitMs);
    QCOMPARE(chatOf(*phone).mutedUntil, ChatInfo::MutedForever);
    QVERIFY(chatOf(*laptop).pinned);
    const QString serverChat = chatOf(*laptop).serverChatId;
    const auto onServer = ChatInfo::fromJson(
        TestHttp::get(m_server->url(chatPath(serverChat)), laptop->session().accessToken).json());
    QVERIFY(onServer && onServer->pinned);
    QCOMPARE(onServer->unreadCount, 0);

    // Deleted on the laptop: gone there, on the phone, and from the laptop's server list.
    laptop->outbox().deleteChat(laptopChat);
    QTRY_VERIFY_WITH_TIMEOUT(!stored(*laptop, one, bob->session().userId), WaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!stored(*phone, one, bob->session().userId), WaitMs);
    const auto list = ChatList::fromJson(
        TestHttp::get(m_server->url(QLatin1String(paths::Chats)), laptop->session().accessToken)
            .json());
    QVERIFY(list);
    QCOMPARE(list->chats.size(), 0);
    QCOMPARE(failed.size(), 0);
    // Bob still has his chat.
    QVERIFY(stored(*bob, one, bob->session().userId));
}

void ConversationsTest::aContactsNewDeviceChangesTheSafetyNumberOnBothSidesOnce()
{
    auto alice = device(AlicePhone);
    auto bob = device(BobPhone);
    QVERIFY(alice && bob);
    sendAndWait(*alice, bob->session().userId, QStringLiteral("let us compare numbers"));
    const QString before = safetyNumberOf(*alice, bob->session().userId);
    QCOMPARE(before.size(), 60);
    QCOMPARE(safetyNumberOf(*bob, alice->session().userId), before); // the same digits
    QCOMPARE(systemLines(*alice), 0);

    QSignalSpy codeChanged(&alice->account().devices(),
                           &sync::DeviceDirectory::securityCodeChanged);
    QSignalSpy lineShown(&alice->mailbox(), &sync::MailboxSync::messageReceived);
    auto bobsTablet = device(BobPhone, false);
    QVERIFY(bobsTablet);
    const QString after = safetyNumberOf(*alice, bob->session().userId);
    QCOMPARE(after.size(), 60);
    QVERIFY(after != before);
    QCOMPARE(safetyNumberOf(*bob, alice->session().userId), after);
    QCOMPARE(codeChanged.size(), 1);
    QCOMPARE(codeChanged.first().first().toString(), bob->session().userId);
    QCOMPARE(systemLines(*alice), 1);
    QCOMPARE(lineShown.size(), 1);
    QCOMPARE(lineShown.first().first().value<store::StoredMessage>().body,
             QLatin1String(store::SecurityCodeChanged));

    // Looking again finds nothing new: no second line.
    QCOMPARE(safetyNumberOf(*alice, bob->session().userId), after);
    QCOMPARE(codeChanged.size(), 1);
    QCOMPARE(systemLines(*alice), 1);
    // Bob's own new device is no news to Bob.
    QCOMPARE(systemLines(*bob), 0);
}

void ConversationsTest::aVerifiedContactStaysVerifiedUntilTheirDevicesChange()
{
    using State = sync::DeviceDirectory::SafetyState;
    using Contacts = QList<sync::DeviceDirectory::ContactSecurity>;
    const auto stateOf = [](TestClient &client, const QString &peer) {
        std::optional<Result<State>> state;
        client.account().devices().safetyState(peer, &client.account(),
                                               [&state](Result<State> s) { state = s; });
        if (!QTest::qWaitFor([&] { return state.has_value(); }, WaitMs))
            return std::optional<State>();
        return state && *state ? std::optional<State>(state->value()) : std::nullopt;
    };
    const auto setVerified
        = [](TestClient &client, const QString &peer, const QString &number, bool verified) {
              std::optional<Result<void>> done;
              client.account().devices().setVerified(peer, number, verified, &client.account(),
                                                     [&done](Result<void> r) { done = r; });
              return QTest::qWaitFor([&] { return done.has_value(); }, WaitMs) && bool(*done);
          };
    const auto contactsOf = [](TestClient &client) {
        std::optional<Result<Contacts>> contacts;
        client.account().devices().contactsSecurity(
            &client.account(), [&contacts](Result<Contacts> c) { contacts = c; });
        if (!QTest::qWaitFor([&] { return contacts.has_value(); }, WaitMs))
            return Contacts();
        return contacts && *contacts ? contacts->value() : Contacts();
    };
    const auto linesOf = [](TestClient &client, const char *event) {
        auto count = client.account().store().runAndWait([event](store::StoreContext &store) {
            auto q = store.database().exec(
                QStringLiteral("SELECT COUNT(*) FROM messages WHERE kind = 'system' AND body = ?"),
                {QLatin1String(event)});
            return q && q->next() ? q->value(0).toInt() : -1;
        });
        return count;
    };

    auto alice = device(AlicePhone);
    auto bob = device(BobPhone);
    QVERIFY(alice && bob);
    const QString bobId = bob->session().userId;
    sendAndWait(*alice, bobId, QStringLiteral("shall we verify?"));
    auto state = stateOf(*alice, bobId);
    QVERIFY(state);
    QCOMPARE(state->number, safetyNumberOf(*bob, alice->session().userId));
    QVERIFY(!state->verified);
    Contacts contacts = contactsOf(*alice);
    QCOMPARE(contacts.size(), 1);
    QCOMPARE(contacts.first().userId, bobId);
    QVERIFY(!contacts.first().verified);

    QSignalSpy changed(&alice->account().devices(), &sync::DeviceDirectory::verificationChanged);
    QVERIFY(setVerified(*alice, bobId, state->number, true));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(1).toBool(), true);
    QVERIFY(stateOf(*alice, bobId)->verified);
    QVERIFY(contactsOf(*alice).first().verified);
    QCOMPARE(linesOf(*alice, store::MarkedVerified), 1);
    // Marking it again says nothing new in the chat.
    QVERIFY(setVerified(*alice, bobId, state->number, true));
    QCOMPARE(linesOf(*alice, store::MarkedVerified), 1);
    // A number that is not the current one does not make them verified.
    QString stale = state->number;
    stale[0] = stale[0] == u'0' ? u'1' : u'0';
    QVERIFY(setVerified(*alice, bobId, stale, true));
    QVERIFY(!stateOf(*alice, bobId)->verified);
    QVERIFY(setVerified(*alice, bobId, state->number, true));
    QVERIFY(stateOf(*alice, bobId)->verified);

    // Bob's new tablet changes the number: the verification is gone, and Alice is told.
    changed.clear();
    auto bobsTablet = device(BobPhone, false);
    QVERIFY(bobsTablet);
    const auto after = stateOf(*alice, bobId);
    QVERIFY(after);
    QVERIFY(after->number != state->number);
    QVERIFY(!after->verified);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(1).toBool(), false);
    QVERIFY(!contactsOf(*alice).first().verified);
    QCOMPARE(linesOf(*alice, store::SecurityCodeChanged), 1);

    // Verified again with the new number, then taken back: one line each.
    QVERIFY(setVerified(*alice, bobId, after->number, true));
    QVERIFY(stateOf(*alice, bobId)->verified);
    QVERIFY(setVerified(*alice, bobId, after->number, false));
    QVERIFY(!stateOf(*alice, bobId)->verified);
    QCOMPARE(linesOf(*alice, store::MarkedUnverified), 1);
    QVERIFY(setVerified(*alice, bobId, after->number, false));
    QCOMPARE(linesOf(*alice, store::MarkedUnverified), 1);
    // Bob's own view knows nothing of Alice's marks.
    QCOMPARE(linesOf(*bob, store::MarkedVerified), 0);
}

QTEST_GUILESS_MAIN(ConversationsTest)
#include "tst_conversations.moc"
