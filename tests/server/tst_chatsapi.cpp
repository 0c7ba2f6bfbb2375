#include "core/crypto/MessageCipher.h"
#include "core/protocol/ChatPayloads.h"
#include "core/protocol/MessagePayloads.h"
#include "core/protocol/RestPayloads.h"
#include "core/sync/Outbox.h"
#include "tests/support/TestClient.h"
#include "tests/support/TestHttp.h"
#include "tests/support/UserApiClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <limits>
#include <memory>
#include <vector>

using namespace parley;
using namespace parley::protocol;
using ApiAccount = UserApiClient::Account;

namespace {

constexpr int WaitMs = UserApiClient::WaitMs;

// Every event one client's socket receives, in order.
class EventLog : public QObject
{
public:
    explicit EventLog(TestClient &client)
    {
        connect(&client.socket(), &net::SyncSocket::eventReceived, this,
                [this](const Frame &event) { events.append(event); });
    }
    QList<Frame> of(FrameType type) const
    {
        QList<Frame> found;
        for (const Frame &event : events) {
            if (event.type == type)
                found.append(event);
        }
        return found;
    }
    QList<Frame> events;
};

} // namespace

// Black-box tests of the chats API over real HTTP and real WebSockets, with real client cores
// sending (docs/protocol.md 4.19-4.26, 6.5, 6.8): one chat per pair, each member's own
// settings and read marker, history, sending without a socket, delete for everyone with
// tombstones that reach offline devices, and read-receipt privacy on the server.
class ChatsApiTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void aDirectChatIsOnePerPairWhoeverOpensIt();
    void aNoteToSelfIsAChatWithYourself();
    void openingAChatIsRefusedForBadInput_data();
    void openingAChatIsRefusedForBadInput();
    void someoneElsesChatIsNotFoundOnEveryEndpoint_data();
    void someoneElsesChatIsNotFoundOnEveryEndpoint();
    void settingsAreEachMembersOwnAndReachTheirOtherDevices();
    void badSettingsAreRefusedAndChangeNothing_data();
    void badSettingsAreRefusedAndChangeNothing();
    void chatsAreListedNewestActivityFirstInPages();
    void aCursorFromElsewhereIsRefused();
    void unreadCountFollowsMessagesAndTheReadMarker();
    void sendingOverRestIsTheSameAsOverTheSocket();
    void historyIsThisDevicesEnvelopesNewestFirst();
    void deletingAChatHidesItForMeUntilTheNextMessage();
    void deleteForEveryoneLeavesTombstonesAndNoCiphertext();
    void deleteForEveryoneIsRefusedForOthersRepeatsAndStrangers();
    void readReceiptsFollowBothUsersPrivacy_data();
    void readReceiptsFollowBothUsersPrivacy();

private:
    struct Person
    {
        ApiAccount account;
        std::unique_ptr<TestClient> client;
        QString id() const { return account.userId; }
    };
    Person newPerson(bool connect = true);
    std::unique_ptr<TestClient> secondDevice(const Person &person);
    HttpReply get(const QString &path, const ApiAccount &as);
    HttpReply post(const QString &path, const QJsonObject &body, const ApiAccount &as);
    HttpReply put(const QString &path, const QJsonObject &body, const ApiAccount &as);
    HttpReply remove(const QString &path, const ApiAccount &as);
    ChatInfo openChat(const ApiAccount &as, const QString &peerUserId);
    QString sendText(TestClient &from, const QString &peerUserId, const QString &text);
    QList<ChatInfo> listAll(const ApiAccount &as, int pageSize);

    UserApiClient m_api;
};

void ChatsApiTest::initTestCase()
{
    QVERIFY2(m_api.start(), qPrintable(m_api.server().errorString()));
}

void ChatsApiTest::cleanupTestCase()
{
    QCOMPARE(m_api.server().stop(), 0);
}

ChatsApiTest::Person ChatsApiTest::newPerson(bool connect)
{
    Person person;
    person.client = m_api.connectedClient(person.account);
    if (!person.client)
        qWarning("sign-in failed");
    else if (connect && !person.client->startMessaging())
        qWarning().noquote() << person.client->lastError();
    return person;
}

std::unique_ptr<TestClient> ChatsApiTest::secondDevice(const Person &person)
{
    auto device = std::make_unique<TestClient>(m_api.server().url());
    if (!device->login(m_api.server(), person.account.phoneNumber))
        return nullptr;
    return device;
}

HttpReply ChatsApiTest::get(const QString &path, const ApiAccount &as)
{
    return TestHttp::get(m_api.url(path), as.token);
}

HttpReply ChatsApiTest::post(const QString &path, const QJsonObject &body, const ApiAccount &as)
{
    return TestHttp::postJson(m_api.url(path), body, as.token);
}

HttpReply ChatsApiTest::put(const QString &path, const QJsonObject &body, const ApiAccount &as)
{
    return TestHttp::putJson(m_api.url(path), body, as.token);
}

HttpReply ChatsApiTest::remove(const QString &path, const ApiAccount &as)
{
    return TestHttp::sendDelete(m_api.url(path), as.token);
}

ChatInfo ChatsApiTest::openChat(const ApiAccount &as, const QString &peerUserId)
{
    const HttpReply reply
        = post(QLatin1String(paths::Chats), CreateChatRequest{peerUserId}.toJson(), as);
    auto chat = ChatInfo::fromJson(reply.json());
    if (reply.status != 200 || !chat)
        qWarning().noquote() << "POST /chats:" << reply.status << reply.body;
    return chat.value_or(ChatInfo{});
}

QString ChatsApiTest::sendText(TestClient &from, const QString &peerUserId, const QString &text)
{
    QSignalSpy sent(&from.outbox(), &sync::Outbox::messageSent);
    const QString id = from.outbox().sendText(peerUserId, text);
    if (!sent.wait(WaitMs))
        qWarning().noquote() << "not sent:" << text;
    return id;
}

QList<ChatInfo> ChatsApiTest::listAll(const ApiAccount &as, int pageSize)
{
    QList<ChatInfo> all;
    QString cursor;
    for (int page = 0; page < 50; ++page) {
        QString path = QStringLiteral("%1?limit=%2").arg(QLatin1String(paths::Chats)).arg(pageSize);
        if (!cursor.isEmpty())
            path += QStringLiteral("&cursor=") + UserApiClient::percent(cursor);
        const HttpReply reply = get(path, as);
        auto list = ChatList::fromJson(reply.json());
        if (reply.status != 200 || !list)
            return {};
        if (list->chats.size() > pageSize)
            return {};
        all.append(list->chats);
        cursor = list->nextCursor;
        if (cursor.isEmpty())
            return all;
    }
    return {};
}

void ChatsApiTest::aDirectChatIsOnePerPairWhoeverOpensIt()
{
    const ApiAccount alice = m_api.signUp();
    const ApiAccount bob = m_api.signUp();
    const ChatInfo first = openChat(alice, bob.userId);
    QVERIFY(!first.chatId.isEmpty());
    QCOMPARE(first.type, QStringLiteral("direct"));
    QCOMPARE(first.peerUserId, bob.userId);
    QCOMPARE(first.unreadCount, 0);
    QVERIFY(first.createdAt > 0);
    QCOMPARE(first.lastActivity, first.createdAt);
    QVERIFY(!first.pinned && !first.archived && first.mutedUntil == 0 && first.readUpTo == 0);

    QCOMPARE(openChat(alice, bob.userId), first);
    const ChatInfo fromBob = openChat(bob, alice.userId);
    QCOMPARE(fromBob.chatId, first.chatId);
    QCOMPARE(fromBob.peerUserId, alice.userId);
    QCOMPARE(m_api.server()
                 .queryScalar(QStringLiteral("SELECT COUNT(*) FROM chat_members WHERE chat_id = '")
                              + first.chatId + u'\'')
                 .toInt(),
             2);
    const HttpReply read = get(chatPath(first.chatId), bob);
    QCOMPARE(read.status, 200);
    QCOMPARE(ChatInfo::fromJson(read.json()).value_or(ChatInfo{}), fromBob);
}

void ChatsApiTest::aNoteToSelfIsAChatWithYourself()
{
    const ApiAccount carol = m_api.signUp();
    const ChatInfo self = openChat(carol, carol.userId);
    QVERIFY(!self.chatId.isEmpty());
    QCOMPARE(self.peerUserId, carol.userId);
    QCOMPARE(openChat(carol, carol.userId).chatId, self.chatId);
}

void ChatsApiTest::openingAChatIsRefusedForBadInput_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::newRow("unknown user") << QByteArray(R"({"userId":"no-such-user"})") << 404
                                  << QStringLiteral("unknown_user");
    QTest::newRow("no user") << QByteArray("{}") << 400 << QStringLiteral("missing_field");
    QTest::newRow("null user") << QByteArray(R"({"userId":null})") << 400
                               << QStringLiteral("missing_field");
    QTest::newRow("user not a string")
        << QByteArray(R"({"userId":7})") << 400 << QStringLiteral("invalid_field");
    QTest::newRow("user too long") << QByteArray("{\"userId\":\"" + QByteArray(65, 'u') + "\"}")
                                   << 400 << QStringLiteral("invalid_field");
    QTest::newRow("not json") << QByteArray("userId=1") << 400 << QStringLiteral("malformed_json");
    QTest::newRow("array") << QByteArray("[]") << 400 << QStringLiteral("malformed_json");
}

void ChatsApiTest::openingAChatIsRefusedForBadInput()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    const ApiAccount dave = m_api.signUp();
    const HttpReply reply
        = TestHttp::post(m_api.url(QLatin1String(paths::Chats)), body, dave.token);
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.errorCode(), code);
    QVERIFY(!reply.errorMessage().isEmpty());
    QCOMPARE(get(QLatin1String(paths::Chats), dave).json().value(QStringLiteral("chats")).toArray(),
             QJsonArray());
}

void ChatsApiTest::someoneElsesChatIsNotFoundOnEveryEndpoint_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("suffix");
    QTest::newRow("GET chat") << QByteArray("GET") << QString();
    QTest::newRow("PUT chat") << QByteArray("PUT") << QString();
    QTest::newRow("DELETE chat") << QByteArray("DELETE") << QString();
    QTest::newRow("GET messages") << QByteArray("GET") << QStringLiteral("/messages");
    QTest::newRow("POST messages") << QByteArray("POST") << QStringLiteral("/messages");
    QTest::newRow("DELETE message") << QByteArray("DELETE") << QStringLiteral("/messages/m1");
}

void ChatsApiTest::someoneElsesChatIsNotFoundOnEveryEndpoint()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, suffix);
    const ApiAccount alice = m_api.signUp();
    const ApiAccount bob = m_api.signUp();
    const ApiAccount eve = m_api.signUp();
    const QString theirs = openChat(alice, bob.userId).chatId;
    QVERIFY(!theirs.isEmpty());
    const QJsonObject envelope{{QStringLiteral("deviceId"), QStringLiteral("d")},
                               {QStringLiteral("nonce"), QString(32, u'A')},
                               {QStringLiteral("ciphertext"), QString(24, u'A')}};
    const QJsonObject message{{QStringLiteral("messageId"), QStringLiteral("m1")},
                              {QStringLiteral("envelopes"), QJsonArray{envelope}}};
    for (const QString &chatId : {theirs, QStringLiteral("no-such-chat")}) {
        const QString path = chatPath(chatId) + suffix;
        HttpReply reply;
        if (method == "GET")
            reply = get(path, eve);
        else if (method == "PUT")
            reply = put(path, QJsonObject{{QStringLiteral("pinned"), true}}, eve);
        else if (method == "POST")
            reply = post(path, message, eve);
        else
            reply = remove(path, eve);
        QCOMPARE(reply.status, 404);
        QCOMPARE(reply.errorCode(), QStringLiteral("not_found"));
        QCOMPARE(reply.errorMessage(), QStringLiteral("no such chat"));
    }
    QCOMPARE(ChatInfo::fromJson(get(chatPath(theirs), alice).json())->pinned, false);
}

void ChatsApiTest::settingsAreEachMembersOwnAndReachTheirOtherDevices()
{
    Person alice = newPerson();
    Person bob = newPerson();
    QVERIFY(alice.client && bob.client);
    auto alicesPhone = secondDevice(alice);
    QVERIFY(alicesPhone);
    EventLog phoneEvents(*alicesPhone);
    EventLog laptopEvents(*alice.client);
    QVERIFY(alicesPhone->startMessaging());
    const ChatInfo chat = openChat(alice.account, bob.id());

    const QJsonObject change{{QStringLiteral("pinned"), true},
                             {QStringLiteral("archived"), true},
                             {QStringLiteral("mutedUntil"), double(ChatInfo::MutedForever)}};
    const HttpReply reply = put(chatPath(chat.chatId), change, alice.account);
    QCOMPARE(reply.status, 200);
    const ChatInfo changed = ChatInfo::fromJson(reply.json()).value_or(ChatInfo{});
    QVERIFY(changed.pinned && changed.archived);
    QCOMPARE(changed.mutedUntil, ChatInfo::MutedForever);
    QCOMPARE(
        ChatInfo::fromJson(get(chatPath(chat.chatId), alice.account).json()).value_or(ChatInfo{}),
        changed);

    // A partial update keeps the rest.
    const HttpReply unpinned
        = put(chatPath(chat.chatId), {{QStringLiteral("pinned"), false}}, alice.account);
    const ChatInfo afterUnpin = ChatInfo::fromJson(unpinned.json()).value_or(ChatInfo{});
    QVERIFY(!afterUnpin.pinned && afterUnpin.archived);
    QCOMPARE(afterUnpin.mutedUntil, ChatInfo::MutedForever);

    // Bob's view is his own.
    const ChatInfo bobs
        = ChatInfo::fromJson(get(chatPath(chat.chatId), bob.account).json()).value_or(ChatInfo{});
    QVERIFY(!bobs.pinned && !bobs.archived && bobs.mutedUntil == 0);

    // Alice's phone hears of both changes, in order, from its mailbox; the laptop that made
    // them (it used the same token as the REST calls) hears nothing.
    QTRY_COMPARE_WITH_TIMEOUT(phoneEvents.of(FrameType::ChatUpdated).size(), 2, WaitMs);
    const auto updates = phoneEvents.of(FrameType::ChatUpdated);
    QCOMPARE(ChatUpdated::fromJson(updates.at(0).data)->chat, changed);
    QCOMPARE(ChatUpdated::fromJson(updates.at(1).data)->chat, afterUnpin);
    QVERIFY(!ChatUpdated::fromJson(updates.at(1).data)->removed);
    QCOMPARE(laptopEvents.of(FrameType::ChatUpdated).size(), 0);

    // Setting what is already set tells nobody.
    QCOMPARE(put(chatPath(chat.chatId), {{QStringLiteral("pinned"), false}}, alice.account).status,
             200);
    QTest::qWait(200);
    QCOMPARE(phoneEvents.of(FrameType::ChatUpdated).size(), 2);
}

void ChatsApiTest::badSettingsAreRefusedAndChangeNothing_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    const QString invalid = QStringLiteral("invalid_field");
    QTest::newRow("pinned a string") << QByteArray(R"({"pinned":"yes"})") << invalid;
    QTest::newRow("archived a number") << QByteArray(R"({"archived":1})") << invalid;
    QTest::newRow("muted negative") << QByteArray(R"({"mutedUntil":-1})") << invalid;
    QTest::newRow("muted a fraction") << QByteArray(R"({"mutedUntil":1.5})") << invalid;
    QTest::newRow("muted past 2^53-1")
        << QByteArray(R"({"mutedUntil":9007199254740992})") << invalid;
    QTest::newRow("one bad field of two")
        << QByteArray(R"({"pinned":true,"archived":"no"})") << invalid;
    QTest::newRow("not an object") << QByteArray("[]") << QStringLiteral("malformed_json");
}

void ChatsApiTest::badSettingsAreRefusedAndChangeNothing()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    const ApiAccount alice = m_api.signUp();
    const ApiAccount bob = m_api.signUp();
    const ChatInfo chat = openChat(alice, bob.userId);
    const HttpReply reply = m_api.put(chatPath(chat.chatId), body, alice.token);
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.errorCode(), code);
    QCOMPARE(ChatInfo::fromJson(get(chatPath(chat.chatId), alice).json()).value_or(ChatInfo{}),
             chat);
}

void ChatsApiTest::chatsAreListedNewestActivityFirstInPages()
{
    Person hub = newPerson();
    QVERIFY(hub.client);
    std::vector<Person> friends;
    for (int i = 0; i < 5; ++i) {
        friends.push_back(newPerson(false));
        QVERIFY(friends.back().client);
        QVERIFY(!openChat(hub.account, friends.back().id()).chatId.isEmpty());
        QTest::qWait(2); // distinct creation times
    }
    // A message to the first friend makes that chat the newest.
    sendText(*hub.client, friends.front().id(), QStringLiteral("you first"));

    const QList<ChatInfo> all = listAll(hub.account, 2);
    QCOMPARE(all.size(), 5);
    QCOMPARE(all.first().peerUserId, friends.front().id());
    for (qsizetype i = 1; i < all.size(); ++i)
        QVERIFY(all.at(i - 1).lastActivity >= all.at(i).lastActivity);
    QSet<QString> peers;
    for (const ChatInfo &chat : all)
        peers.insert(chat.peerUserId);
    QCOMPARE(peers.size(), 5);
    QCOMPARE(listAll(hub.account, 200).size(), 5);
    // The friends see it too, from their side.
    QCOMPARE(listAll(friends.front().account, 10).size(), 1);
}

void ChatsApiTest::aCursorFromElsewhereIsRefused()
{
    const ApiAccount alice = m_api.signUp();
    for (const QString &query :
         {QStringLiteral("cursor=bm90LWEtY3Vyc29y"), QStringLiteral("cursor=%21%21"),
          QStringLiteral("limit=0"), QStringLiteral("limit=201"), QStringLiteral("limit=ten")}) {
        const HttpReply reply = get(QLatin1String(paths::Chats) + u'?' + query, alice);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.errorCode(), QStringLiteral("invalid_field"));
    }
}

void ChatsApiTest::unreadCountFollowsMessagesAndTheReadMarker()
{
    Person alice = newPerson();
    Person bob = newPerson();
    QVERIFY(alice.client && bob.client);
    QStringList ids;
    for (int i = 0; i < 3; ++i)
        ids.append(sendText(*bob.client, alice.id(), QStringLiteral("unread %1").arg(i)));
    const ChatInfo chat = openChat(alice.account, bob.id());
    QCOMPARE(chat.unreadCount, 3);
    QCOMPARE(openChat(bob.account, alice.id()).unreadCount, 0); // his own do not count

    // Reading the second moves Alice's marker to it.
    const auto read = alice.client->request(FrameType::MessageRead,
                                            ReceiptRequest{ids.at(1), bob.id()}.toJson());
    QVERIFY2(read, read ? "" : qPrintable(read.error().message));
    const ChatInfo after
        = ChatInfo::fromJson(get(chatPath(chat.chatId), alice.account).json()).value_or(ChatInfo{});
    QCOMPARE(after.unreadCount, 1);
    QVERIFY(after.readUpTo > 0);
    // Reading an older one again does not move it back.
    QVERIFY(alice.client->request(FrameType::MessageRead,
                                  ReceiptRequest{ids.at(0), bob.id()}.toJson()));
    QCOMPARE(ChatInfo::fromJson(get(chatPath(chat.chatId), alice.account).json())->readUpTo,
             after.readUpTo);
}

void ChatsApiTest::sendingOverRestIsTheSameAsOverTheSocket()
{
    Person alice = newPerson();
    Person bob = newPerson();
    QVERIFY(alice.client && bob.client);
    EventLog bobsEvents(*bob.client);
    const ChatInfo chat = openChat(alice.account, bob.id());
    const auto box = crypto::MessageCipher::seal("over REST", bob.client->keys().publicKey(),
                                                 alice.client->keys().secretKey());
    MessageSend send{QStringLiteral("rest-1"),
                     QStringLiteral("ignored: the path names the chat"),
                     {{bob.client->session().deviceId, box.nonce, box.ciphertext}}};
    QJsonObject body = send.toJson();
    body.remove(QStringLiteral("chatId"));
    const HttpReply first = post(chatMessagesPath(chat.chatId), body, alice.account);
    QCOMPARE(first.status, 200);
    const auto accepted = MessageAccepted::fromJson(first.json());
    QVERIFY(accepted);
    QCOMPARE(accepted->messageId, QStringLiteral("rest-1"));
    // A resend gets the same answer and stores nothing new.
    const HttpReply again = post(chatMessagesPath(chat.chatId), body, alice.account);
    QCOMPARE(again.json(), first.json());

    QTRY_COMPARE_WITH_TIMEOUT(bobsEvents.of(FrameType::MessageReceive).size(), 1, WaitMs);
    const auto received
        = MessageReceive::fromJson(bobsEvents.of(FrameType::MessageReceive).first().data);
    QCOMPARE(received->chatId, chat.chatId);
    QCOMPARE(received->serverTime, accepted->serverTime);
    QCOMPARE(received->recipientUserId, bob.id());

    // The socket's errors, over REST.
    body.insert(QStringLiteral("messageId"), QStringLiteral("rest-2"));
    body.insert(QStringLiteral("envelopes"), QJsonArray());
    QCOMPARE(post(chatMessagesPath(chat.chatId), body, alice.account).errorCode(),
             QStringLiteral("invalid_field"));
    body.insert(QStringLiteral("envelopes"), send.toJson().value(QStringLiteral("envelopes")));
    auto tablet = secondDevice(bob);
    QVERIFY(tablet);
    const HttpReply mismatch = post(chatMessagesPath(chat.chatId), body, alice.account);
    QCOMPARE(mismatch.status, 409);
    QCOMPARE(mismatch.errorCode(), QStringLiteral("device_mismatch"));
}

void ChatsApiTest::historyIsThisDevicesEnvelopesNewestFirst()
{
    Person alice = newPerson();
    Person bob = newPerson();
    QVERIFY(alice.client && bob.client);
    QStringList ids;
    for (int i = 0; i < 5; ++i)
        ids.append(sendText(*alice.client, bob.id(), QStringLiteral("history %1").arg(i)));
    const ChatInfo chat = openChat(bob.account, alice.id());

    QStringList seen;
    QString cursor;
    qint64 lastSeq = std::numeric_limits<qint64>::max();
    for (int page = 0; page < 10; ++page) {
        QString path = chatMessagesPath(chat.chatId) + QStringLiteral("?limit=2");
        if (!cursor.isEmpty())
            path += QStringLiteral("&cursor=") + UserApiClient::percent(cursor);
        const HttpReply reply = get(path, bob.account);
        QCOMPARE(reply.status, 200);
        auto history = ChatHistoryPage::fromJson(reply.json());
        QVERIFY(history);
        QVERIFY(history->events.size() <= 2);
        for (const Frame &event : history->events) {
            QCOMPARE(event.type, FrameType::MessageReceive);
            const auto message = MessageReceive::fromJson(event.data);
            QVERIFY(message);
            QVERIFY(message->seq < lastSeq);
            lastSeq = message->seq;
            QCOMPARE(message->chatId, chat.chatId);
            // Bob's own envelope: it opens with his key.
            QVERIFY(crypto::MessageCipher::open(message->nonce, message->ciphertext,
                                                alice.client->keys().publicKey(),
                                                bob.client->keys().secretKey()));
            seen.append(message->messageId);
        }
        cursor = history->nextCursor;
        if (cursor.isEmpty())
            break;
    }
    std::reverse(ids.begin(), ids.end());
    QCOMPARE(seen, ids);

    // Alice's laptop sent them: its own mailbox has no copy, so its history of the chat is empty.
    const auto alicesView
        = ChatHistoryPage::fromJson(get(chatMessagesPath(chat.chatId), alice.account).json());
    QVERIFY(alicesView);
    QCOMPARE(alicesView->events.size(), 0);
}

void ChatsApiTest::deletingAChatHidesItForMeUntilTheNextMessage()
{
    Person alice = newPerson();
    Person bob = newPerson();
    QVERIFY(alice.client && bob.client);
    auto alicesPhone = secondDevice(alice);
    QVERIFY(alicesPhone);
    EventLog phoneEvents(*alicesPhone);
    QVERIFY(alicesPhone->startMessaging());
    sendText(*bob.client, alice.id(), QStringLiteral("before"));
    ChatInfo chat = openChat(alice.account, bob.id());
    QCOMPARE(put(chatPath(chat.chatId), {{QStringLiteral("pinned"), true}}, alice.account).status,
             200);

    const HttpReply removed = remove(chatPath(chat.chatId), alice.account);
    QCOMPARE(removed.status, 200);
    QCOMPARE(removed.json(), QJsonObject());
    QCOMPARE(listAll(alice.account, 10).size(), 0);
    QCOMPARE(listAll(bob.account, 10).size(), 1); // only for Alice
    const ChatInfo hidden
        = ChatInfo::fromJson(get(chatPath(chat.chatId), alice.account).json()).value_or(ChatInfo{});
    QCOMPARE(hidden.unreadCount, 0);
    QVERIFY(!hidden.pinned);
    QCOMPARE(ChatHistoryPage::fromJson(get(chatMessagesPath(chat.chatId), alice.account).json())
                 ->events.size(),
             0);
    QTRY_VERIFY_WITH_TIMEOUT(
        !phoneEvents.of(FrameType::ChatUpdated).isEmpty()
            && ChatUpdated::fromJson(phoneEvents.of(FrameType::ChatUpdated).constLast().data)
                   ->removed,
        WaitMs);

    // Bob writes again: the chat is back for Alice, with only the new message.
    const QString after = sendText(*bob.client, alice.id(), QStringLiteral("after"));
    const QList<ChatInfo> back = listAll(alice.account, 10);
    QCOMPARE(back.size(), 1);
    QCOMPARE(back.first().unreadCount, 1);
    const auto history
        = ChatHistoryPage::fromJson(get(chatMessagesPath(chat.chatId), alice.account).json());
    QCOMPARE(history->events.size(), 1);
    QCOMPARE(MessageReceive::fromJson(history->events.first().data)->messageId, after);

    // Deleted again and opened again from the laptop: the phone hears it is back.
    QCOMPARE(remove(chatPath(chat.chatId), alice.account).status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(
        ChatUpdated::fromJson(phoneEvents.of(FrameType::ChatUpdated).constLast().data)->removed,
        WaitMs);
    const qsizetype updates = phoneEvents.of(FrameType::ChatUpdated).size();
    QCOMPARE(openChat(alice.account, bob.id()).chatId, chat.chatId);
    QTRY_COMPARE_WITH_TIMEOUT(phoneEvents.of(FrameType::ChatUpdated).size(), updates + 1, WaitMs);
    QVERIFY(
        !ChatUpdated::fromJson(phoneEvents.of(FrameType::ChatUpdated).constLast().data)->removed);
    QCOMPARE(listAll(alice.account, 10).size(), 1);
}

void ChatsApiTest::deleteForEveryoneLeavesTombstonesAndNoCiphertext()
{
    Person alice = newPerson();
    Person bob = newPerson();
    QVERIFY(alice.client && bob.client);
    auto bobsTablet = secondDevice(bob); // signed in, offline until the end
    QVERIFY(bobsTablet);
    EventLog bobsEvents(*bob.client);
    const QString id = sendText(*alice.client, bob.id(), QStringLiteral("oops, wrong chat"));
    QTRY_COMPARE_WITH_TIMEOUT(bobsEvents.of(FrameType::MessageReceive).size(), 1, WaitMs);
    const QString ciphertext = bobsEvents.of(FrameType::MessageReceive)
                                   .first()
                                   .data.value(QStringLiteral("ciphertext"))
                                   .toString();
    const ChatInfo chat = openChat(alice.account, bob.id());
    QCOMPARE(openChat(bob.account, alice.id()).unreadCount, 1);

    const HttpReply deleted = remove(chatMessagePath(chat.chatId, id), alice.account);
    QCOMPARE(deleted.status, 200);
    const auto answer = MessageDeleted::fromJson(
        withSeq(deleted.json(), 1)); // the answer is the tombstone, without a seq
    QVERIFY(answer);
    QCOMPARE(answer->messageId, id);
    QCOMPARE(answer->senderUserId, alice.id());
    QCOMPARE(answer->chatId, chat.chatId);
    QVERIFY(answer->deletedAt > 0);

    // Bob's live device gets the tombstone at once; his unread count forgets the message.
    QTRY_COMPARE_WITH_TIMEOUT(bobsEvents.of(FrameType::MessageDeleted).size(), 1, WaitMs);
    const auto live
        = MessageDeleted::fromJson(bobsEvents.of(FrameType::MessageDeleted).first().data);
    QCOMPARE(live->messageId, id);
    QCOMPARE(live->deletedAt, answer->deletedAt);
    QCOMPARE(openChat(bob.account, alice.id()).unreadCount, 0);

    // The history shows the tombstone where the message was.
    const auto history
        = ChatHistoryPage::fromJson(get(chatMessagesPath(chat.chatId), bob.account).json());
    QCOMPARE(history->events.size(), 1);
    QCOMPARE(history->events.first().type, FrameType::MessageDeleted);

    // The server keeps no copy of the ciphertext.
    QCOMPARE(m_api.server()
                 .queryScalar(QStringLiteral("SELECT COUNT(*) FROM mailbox WHERE payload LIKE '%")
                              + ciphertext.left(40) + QStringLiteral("%'"))
                 .toInt(),
             0);

    // The tablet, offline when it happened, syncs: the copy it was sent is a tombstone now, and
    // the tombstone event follows.
    EventLog tabletEvents(*bobsTablet);
    QVERIFY(bobsTablet->startMessaging());
    QTRY_COMPARE_WITH_TIMEOUT(tabletEvents.of(FrameType::MessageDeleted).size(), 2, WaitMs);
    QCOMPARE(tabletEvents.of(FrameType::MessageReceive).size(), 0);
    for (const Frame &event : tabletEvents.of(FrameType::MessageDeleted))
        QCOMPARE(MessageDeleted::fromJson(event.data)->messageId, id);
}

void ChatsApiTest::deleteForEveryoneIsRefusedForOthersRepeatsAndStrangers()
{
    Person alice = newPerson();
    Person bob = newPerson();
    QVERIFY(alice.client && bob.client);
    const QString id = sendText(*alice.client, bob.id(), QStringLiteral("mine to delete"));
    const ChatInfo chat = openChat(alice.account, bob.id());

    const HttpReply byBob = remove(chatMessagePath(chat.chatId, id), bob.account);
    QCOMPARE(byBob.status, 403);
    QCOMPARE(byBob.errorCode(), QStringLiteral("forbidden"));
    const HttpReply unknown
        = remove(chatMessagePath(chat.chatId, QStringLiteral("never-sent")), alice.account);
    QCOMPARE(unknown.status, 404);
    QCOMPARE(unknown.errorCode(), QStringLiteral("not_found"));
    // A message of another chat is not in this one.
    Person carol = newPerson(false);
    const QString elsewhere = sendText(*alice.client, carol.id(), QStringLiteral("to carol"));
    QCOMPARE(remove(chatMessagePath(chat.chatId, elsewhere), alice.account).status, 404);

    QCOMPARE(remove(chatMessagePath(chat.chatId, id), alice.account).status, 200);
    const HttpReply twice = remove(chatMessagePath(chat.chatId, id), alice.account);
    QCOMPARE(twice.status, 409);
    QCOMPARE(twice.errorCode(), QStringLiteral("already_deleted"));
}

void ChatsApiTest::readReceiptsFollowBothUsersPrivacy_data()
{
    QTest::addColumn<bool>("readerShares");
    QTest::addColumn<bool>("senderShares");
    QTest::addColumn<bool>("forwarded");
    QTest::newRow("both share") << true << true << true;
    QTest::newRow("reader does not") << false << true << false;
    QTest::newRow("sender does not") << true << false << false;
}

void ChatsApiTest::readReceiptsFollowBothUsersPrivacy()
{
    QFETCH(bool, readerShares);
    QFETCH(bool, senderShares);
    QFETCH(bool, forwarded);
    Person sender = newPerson();
    Person reader = newPerson();
    QVERIFY(sender.client && reader.client);
    const auto setShared = [this](const ApiAccount &account, bool shared) {
        return put(QStringLiteral("/api/v1/users/profile"),
                   {{QStringLiteral("privacy"),
                     QJsonObject{{QStringLiteral("readReceipts"), shared}}}},
                   account)
            .status;
    };
    QCOMPARE(setShared(reader.account, readerShares), 200);
    QCOMPARE(setShared(sender.account, senderShares), 200);
    EventLog senderEvents(*sender.client);
    const QString id = sendText(*sender.client, reader.id(), QStringLiteral("did you read it?"));
    QTRY_COMPARE_WITH_TIMEOUT(senderEvents.of(FrameType::MessageDelivered).size(), 1, WaitMs);

    QVERIFY(
        reader.client->request(FrameType::MessageRead, ReceiptRequest{id, sender.id()}.toJson()));
    // The reader's own unread count drops either way.
    QCOMPARE(openChat(reader.account, sender.id()).unreadCount, 0);
    // A ping after the receipt: whatever the receipt pushed has arrived before its answer.
    QVERIFY(sender.client->request(FrameType::Ping, {}));
    QTest::qWait(100);
    QCOMPARE(senderEvents.of(FrameType::MessageRead).size(), forwarded ? 1 : 0);
    // Nor does the sender's mailbox hold one for later.
    QCOMPARE(m_api.server()
                 .queryScalar(QStringLiteral("SELECT COUNT(*) FROM mailbox WHERE type = "
                                             "'message:read' AND device_id = '")
                              + sender.client->session().deviceId + u'\'')
                 .toInt(),
             forwarded ? 1 : 0);
}

QTEST_GUILESS_MAIN(ChatsApiTest)
#include "tst_chatsapi.moc"
