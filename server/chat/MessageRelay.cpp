#include "server/chat/MessageRelay.h"

#include "core/protocol/MessagePayloads.h"
#include "core/sql/Database.h"
#include "server/realtime/ClientConnection.h"
#include "server/realtime/ConnectionRegistry.h"
#include "server/storage/ChatStore.h"
#include "server/storage/IdentityStore.h"
#include "server/storage/MailboxStore.h"
#include "server/storage/ProfileStore.h"

#include <QDateTime>
#include <QSet>

namespace parley::server {

using namespace protocol;

namespace {

// Events sent per sync answer; the client asks again while hasMore is true.
constexpr int SyncPageSize = 500;

Error storageError()
{
    return Error{ErrorCode::InternalError, QStringLiteral("storage error; nothing was stored")};
}

Error noSuchChat()
{
    return Error{ErrorCode::NotFound, QStringLiteral("no such chat")};
}

} // namespace

MessageRelay::MessageRelay(sql::Database &db, IdentityStore &identities, MailboxStore &mailbox,
                           ChatStore &chats, ProfileStore &profiles, ConnectionRegistry &registry,
                           RateLimit typingPerChat, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_identities(identities)
    , m_mailbox(mailbox)
    , m_chats(chats)
    , m_profiles(profiles)
    , m_registry(registry)
    , m_typingLimiter(typingPerChat)
{ }

void MessageRelay::pushAll(const QList<Push> &pushes)
{
    for (const Push &push : pushes) {
        if (push.userId.isEmpty())
            m_registry.push(push.deviceId, push.event);
        else
            m_registry.pushToUser(push.userId, push.event);
    }
}

MessageRelay::Reply MessageRelay::sendMessage(const AuthIdentity &sender, const QJsonObject &data)
{
    QList<Push> pushes;
    Reply reply = send(sender, data, pushes);
    pushAll(pushes);
    return reply;
}

void MessageRelay::handle(ClientConnection &connection, const Frame &request)
{
    QList<Push> pushes;
    Reply reply = Error{ErrorCode::UnknownType, QStringLiteral("unsupported request")};
    const AuthIdentity &identity = connection.identity();
    switch (request.type) {
    case FrameType::MessageSend:
        reply = send(identity, request.data, pushes);
        break;
    case FrameType::MessageDelivered:
    case FrameType::MessageRead:
        reply = receipt(identity, request.type, request.data, pushes);
        break;
    case FrameType::Sync:
        reply = sync(connection, request.data);
        break;
    case FrameType::Ping:
        reply = PingAnswer{QDateTime::currentMSecsSinceEpoch()}.toJson();
        break;
    case FrameType::MessageTyping:
        reply = typing(identity, request.data, pushes);
        break;
    default:
        break;
    }
    connection.send(reply ? Frame::ack(request.id, reply.value())
                          : Frame::failure(request.id, reply.error()));
    pushAll(pushes);
}

Result<void> MessageRelay::appendEvent(const QString &deviceId, FrameType type, QJsonObject data,
                                       QList<Push> &pushes, const StoredMessage *message)
{
    auto seq = m_mailbox.append(deviceId, frameTypeName(type), data, message);
    if (!seq)
        return seq.error();
    pushes.append({deviceId, Frame::event(type, withSeq(data, seq.value()))});
    return {};
}

Result<void> MessageRelay::checkEnvelopes(const AuthIdentity &sender,
                                          const QString &recipientUserId,
                                          const QStringList &deviceIds)
{
    auto recipientDevices = m_identities.activeDevices(recipientUserId);
    auto senderDevices = m_identities.activeDevices(sender.userId);
    if (!recipientDevices || !senderDevices)
        return storageError();
    QSet<QString> required;
    for (const DeviceRecord &device : recipientDevices.value()) {
        if (device.id != sender.deviceId)
            required.insert(device.id);
    }
    QSet<QString> allowed = required;
    for (const DeviceRecord &device : senderDevices.value()) {
        if (device.id != sender.deviceId)
            allowed.insert(device.id);
    }
    for (const QString &deviceId : deviceIds) {
        if (!allowed.contains(deviceId)) {
            return Error{ErrorCode::UnknownDevice,
                         QStringLiteral("device '%1' is not a current device of the recipient or "
                                        "of your account")
                             .arg(deviceId)};
        }
        required.remove(deviceId);
    }
    if (!required.isEmpty()) {
        QStringList missing = required.values();
        missing.sort();
        return Error{ErrorCode::DeviceMismatch,
                     QStringLiteral("no envelope for the recipient's devices: %1; fetch their "
                                    "device list again")
                         .arg(missing.join(QLatin1String(", ")))};
    }
    return {};
}

MessageRelay::Reply MessageRelay::send(const AuthIdentity &sender, const QJsonObject &data,
                                       QList<Push> &pushes)
{
    auto parsed = MessageSend::fromJson(data);
    if (!parsed)
        return parsed.error();
    const MessageSend &message = parsed.value();

    // A resend of an id this sender used before is acked again and stored nothing new; the same
    // id in another chat is a different message and is refused.
    auto previous = m_mailbox.message(sender.userId, message.messageId);
    if (!previous)
        return storageError();
    if (previous.value()) {
        if (previous.value()->chatId != message.chatId) {
            return Error{ErrorCode::DuplicateRequest,
                         QStringLiteral("messageId '%1' was already used for another message")
                             .arg(message.messageId)};
        }
        return MessageAccepted{message.messageId, previous.value()->serverTime}.toJson();
    }

    // A chat that does not exist and one the sender is not in look the same.
    auto chat = m_chats.chat(message.chatId);
    if (!chat)
        return storageError();
    if (!chat.value() || !chat.value()->memberIds.contains(sender.userId))
        return noSuchChat();
    QString recipientUserId = sender.userId; // a note to self
    for (const QString &member : chat.value()->memberIds) {
        if (member != sender.userId)
            recipientUserId = member;
    }
    QStringList deviceIds;
    for (const Envelope &envelope : message.envelopes)
        deviceIds.append(envelope.deviceId);
    if (auto checked = checkEnvelopes(sender, recipientUserId, deviceIds); !checked)
        return checked.error();

    const StoredMessage stored{sender.userId,
                               message.messageId,
                               sender.deviceId,
                               recipientUserId,
                               QDateTime::currentMSecsSinceEpoch(),
                               message.chatId,
                               message.silent};
    sql::Transaction transaction(m_db);
    if (!transaction.ok() || !m_mailbox.insertMessage(stored))
        return storageError();
    for (const Envelope &envelope : message.envelopes) {
        MessageReceive event{0,
                             message.messageId,
                             sender.userId,
                             sender.deviceId,
                             recipientUserId,
                             message.chatId,
                             stored.serverTime,
                             envelope.nonce,
                             envelope.ciphertext,
                             message.silent};
        if (!appendEvent(envelope.deviceId, FrameType::MessageReceive, withoutSeq(event.toJson()),
                         pushes, &stored))
            return storageError();
    }
    if (!message.silent && !m_chats.messageAdded(message.chatId, stored.serverTime))
        return storageError();
    if (!transaction.commit()) {
        pushes.clear();
        return storageError();
    }
    return MessageAccepted{message.messageId, stored.serverTime}.toJson();
}

Result<bool> MessageRelay::readReceiptsShared(const QString &readerId, const QString &senderId)
{
    // Reciprocal, as with last seen (docs/protocol.md 6.8): whoever sends none sees none.
    for (const QString &userId : {readerId, senderId}) {
        auto profile = m_profiles.profile(userId);
        if (!profile)
            return profile.error();
        if (!profile.value() || !profile.value()->sendReadReceipts)
            return false;
    }
    return true;
}

MessageRelay::Reply MessageRelay::receipt(const AuthIdentity &recipient, FrameType kind,
                                          const QJsonObject &data, QList<Push> &pushes)
{
    auto parsed = ReceiptRequest::fromJson(data);
    if (!parsed)
        return parsed.error();
    const ReceiptRequest &request = parsed.value();
    // Only a device that was sent a copy can acknowledge it: a device added later cannot claim
    // to have received it.
    auto addressed
        = m_mailbox.isAddressedTo(recipient.deviceId, request.senderUserId, request.messageId);
    if (!addressed)
        return storageError();
    if (!addressed.value())
        return Error{ErrorCode::NotFound, QStringLiteral("no such message for this device")};
    const bool fromRecipient = recipient.userId != request.senderUserId;
    std::optional<StoredMessage> message;
    bool forward = fromRecipient;
    if (kind == FrameType::MessageRead && fromRecipient) {
        auto found = m_mailbox.message(request.senderUserId, request.messageId);
        auto shared = readReceiptsShared(recipient.userId, request.senderUserId);
        if (!found || !shared)
            return storageError();
        message = found.value();
        forward = shared.value();
    }

    const qint64 at = QDateTime::currentMSecsSinceEpoch();
    sql::Transaction transaction(m_db);
    if (!transaction.ok())
        return storageError();
    auto inserted = m_mailbox.insertReceipt(request.senderUserId, request.messageId,
                                            recipient.deviceId, frameTypeName(kind), at);
    if (!inserted)
        return storageError();
    if (inserted.value() && forward) {
        auto senderDevices = m_identities.activeDevices(request.senderUserId);
        if (!senderDevices)
            return storageError();
        ReceiptEvent event{0, request.messageId, recipient.userId, recipient.deviceId, at};
        const QJsonObject eventData = withoutSeq(event.toJson());
        for (const DeviceRecord &device : senderDevices.value()) {
            if (!appendEvent(device.id, kind, eventData, pushes))
                return storageError();
        }
    }
    // The reader's read marker moves whatever their privacy setting: it is their own unread
    // count, and their other devices learn it.
    if (message && !message->chatId.isEmpty()) {
        auto moved = m_chats.markRead(message->chatId, recipient.userId, message->serverTime);
        if (!moved)
            return storageError();
        if (moved.value()) {
            auto view = m_chats.view(message->chatId, recipient.userId);
            if (!view || !appendChatUpdated(recipient, view.value(), false, pushes))
                return storageError();
        }
    }
    if (!transaction.commit()) {
        pushes.clear();
        return storageError();
    }
    return QJsonObject{};
}

Result<void> MessageRelay::appendChatUpdated(const AuthIdentity &user,
                                             const std::optional<ChatInfo> &chat, bool removed,
                                             QList<Push> &pushes)
{
    if (!chat)
        return {};
    auto devices = m_identities.activeDevices(user.userId);
    if (!devices)
        return devices.error();
    const QJsonObject data = withoutSeq(ChatUpdated{0, *chat, removed}.toJson());
    for (const DeviceRecord &device : devices.value()) {
        if (device.id == user.deviceId)
            continue; // it made the change and has the answer
        if (auto appended = appendEvent(device.id, FrameType::ChatUpdated, data, pushes); !appended)
            return appended;
    }
    return {};
}

Result<void> MessageRelay::chatChanged(const AuthIdentity &user, const ChatInfo &chat, bool removed)
{
    QList<Push> pushes;
    sql::Transaction transaction(m_db);
    if (!transaction.ok())
        return storageError();
    if (auto appended = appendChatUpdated(user, chat, removed, pushes); !appended)
        return appended;
    if (!transaction.commit())
        return storageError();
    pushAll(pushes);
    return {};
}

MessageRelay::Reply MessageRelay::deleteForEveryone(const AuthIdentity &user, const QString &chatId,
                                                    const QString &messageId)
{
    auto chat = m_chats.chat(chatId);
    if (!chat)
        return storageError();
    if (!chat.value() || !chat.value()->memberIds.contains(user.userId))
        return noSuchChat();
    auto own = m_mailbox.message(user.userId, messageId);
    if (!own)
        return storageError();
    if (!own.value() || own.value()->chatId != chatId) {
        // Someone else's message in this chat is refused as such; anything else does not exist.
        for (const QString &member : chat.value()->memberIds) {
            if (member == user.userId)
                continue;
            auto theirs = m_mailbox.message(member, messageId);
            if (!theirs)
                return storageError();
            if (theirs.value() && theirs.value()->chatId == chatId) {
                return Error{ErrorCode::Forbidden,
                             QStringLiteral("only its sender can delete a message for everyone")};
            }
        }
        return Error{ErrorCode::NotFound, QStringLiteral("no such message in this chat")};
    }
    if (own.value()->deletedAt > 0)
        return Error{ErrorCode::AlreadyDeleted,
                     QStringLiteral("the message was already deleted for everyone")};

    const MessageDeleted tombstone{0, chatId, messageId, user.userId,
                                   QDateTime::currentMSecsSinceEpoch()};
    const QJsonObject data = withoutSeq(tombstone.toJson());
    QList<Push> pushes;
    sql::Transaction transaction(m_db);
    if (!transaction.ok()
        || !m_mailbox.eraseMessage(*own.value(), chat.value()->memberIds,
                                   frameTypeName(FrameType::MessageDeleted), data,
                                   tombstone.deletedAt))
        return storageError();
    for (const QString &member : chat.value()->memberIds) {
        auto devices = m_identities.activeDevices(member);
        if (!devices)
            return storageError();
        for (const DeviceRecord &device : devices.value()) {
            if (!appendEvent(device.id, FrameType::MessageDeleted, data, pushes))
                return storageError();
        }
    }
    if (!transaction.commit())
        return storageError();
    pushAll(pushes);
    return data;
}

MessageRelay::Reply MessageRelay::typing(const AuthIdentity &user, const QJsonObject &data,
                                         QList<Push> &pushes)
{
    auto parsed = TypingRequest::fromJson(data);
    if (!parsed)
        return parsed.error();
    auto chat = m_chats.chat(parsed->chatId);
    if (!chat)
        return storageError();
    if (!chat.value() || !chat.value()->memberIds.contains(user.userId))
        return noSuchChat();
    if (const auto wait = m_typingLimiter.hit(user.deviceId + u' ' + parsed->chatId,
                                              QDateTime::currentMSecsSinceEpoch())) {
        Error limited{ErrorCode::RateLimited,
                      QStringLiteral("too many typing events in this chat; renew every %1 ms")
                          .arg(TypingEvent::RenewMs)};
        limited.retryAfterSeconds = *wait;
        return limited;
    }
    const Frame event = Frame::event(
        FrameType::UserTyping, TypingEvent{parsed->chatId, user.userId, parsed->typing}.toJson());
    for (const QString &member : chat.value()->memberIds) {
        if (member != user.userId)
            pushes.append({{}, event, member});
    }
    return QJsonObject{};
}

MessageRelay::Reply MessageRelay::sync(ClientConnection &connection, const QJsonObject &data)
{
    auto parsed = SyncRequest::fromJson(data);
    if (!parsed)
        return parsed.error();
    const QString &deviceId = connection.identity().deviceId;
    // Retention removes only what the device has handled; its first sync on a connection says
    // how far that is (docs/protocol.md 6.6).
    if (connection.takeFirstSync() && !m_mailbox.noteHandled(deviceId, parsed->after))
        return storageError();
    auto pruned = m_mailbox.prunedThrough(deviceId);
    if (!pruned)
        return storageError();
    if (parsed->after < pruned.value()) {
        // Those events are gone: the device goes on from the first one kept.
        connection.setLive(false);
        return SyncDone{pruned.value(), true}.toJson();
    }
    auto events = m_mailbox.eventsAfter(deviceId, parsed.value().after, SyncPageSize + 1);
    if (!events)
        return storageError();
    SyncDone done{parsed->after, events.value().size() > SyncPageSize};
    for (const MailboxEvent &event : events.value().mid(0, SyncPageSize)) {
        const auto type = frameTypeFromName(event.type);
        if (!type)
            continue;
        connection.send(Frame::event(*type, withSeq(event.data, event.seq)));
        done.lastSeq = event.seq;
    }
    // Nothing can be appended between this read and going live: the relay runs on one thread.
    connection.setLive(!done.hasMore);
    return done.toJson();
}

} // namespace parley::server
