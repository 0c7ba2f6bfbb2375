#include "server/chat/MessageRelay.h"

#include "core/protocol/MessagePayloads.h"
#include "core/sql/Database.h"
#include "server/realtime/ClientConnection.h"
#include "server/realtime/ConnectionRegistry.h"
#include "server/storage/IdentityStore.h"
#include "server/storage/MailboxStore.h"

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

} // namespace

MessageRelay::MessageRelay(sql::Database &db, IdentityStore &identities, MailboxStore &mailbox,
                           ConnectionRegistry &registry, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_identities(identities)
    , m_mailbox(mailbox)
    , m_registry(registry)
{ }

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
    default:
        break;
    }
    connection.send(reply ? Frame::ack(request.id, reply.value())
                          : Frame::failure(request.id, reply.error()));
    for (const Push &push : pushes)
        m_registry.push(push.deviceId, push.event);
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
    // id for another recipient is a different message and is refused.
    auto previous = m_mailbox.message(sender.userId, message.messageId);
    if (!previous)
        return storageError();
    if (previous.value()) {
        if (previous.value()->recipientUserId != message.recipientUserId) {
            return Error{ErrorCode::DuplicateRequest,
                         QStringLiteral("messageId '%1' was already used for another message")
                             .arg(message.messageId)};
        }
        return MessageAccepted{message.messageId, previous.value()->serverTime}.toJson();
    }

    auto recipient = m_identities.userById(message.recipientUserId);
    if (!recipient)
        return storageError();
    if (!recipient.value())
        return Error{ErrorCode::UnknownUser, QStringLiteral("no such recipient")};
    QStringList deviceIds;
    for (const Envelope &envelope : message.envelopes)
        deviceIds.append(envelope.deviceId);
    if (auto checked = checkEnvelopes(sender, message.recipientUserId, deviceIds); !checked)
        return checked.error();

    const StoredMessage stored{sender.userId, message.messageId, sender.deviceId,
                               message.recipientUserId, QDateTime::currentMSecsSinceEpoch()};
    sql::Transaction transaction(m_db);
    if (!transaction.ok() || !m_mailbox.insertMessage(stored))
        return storageError();
    for (const Envelope &envelope : message.envelopes) {
        const MessageReceive event{0,
                                   message.messageId,
                                   sender.userId,
                                   sender.deviceId,
                                   message.recipientUserId,
                                   stored.serverTime,
                                   envelope.nonce,
                                   envelope.ciphertext};
        if (!appendEvent(envelope.deviceId, FrameType::MessageReceive, withoutSeq(event.toJson()),
                         pushes, &stored))
            return storageError();
    }
    if (!transaction.commit()) {
        pushes.clear();
        return storageError();
    }
    return MessageAccepted{message.messageId, stored.serverTime}.toJson();
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

    const qint64 at = QDateTime::currentMSecsSinceEpoch();
    sql::Transaction transaction(m_db);
    if (!transaction.ok())
        return storageError();
    auto inserted = m_mailbox.insertReceipt(request.senderUserId, request.messageId,
                                            recipient.deviceId, frameTypeName(kind), at);
    if (!inserted)
        return storageError();
    if (inserted.value() && recipient.userId != request.senderUserId) {
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
    if (!transaction.commit()) {
        pushes.clear();
        return storageError();
    }
    return QJsonObject{};
}

MessageRelay::Reply MessageRelay::sync(ClientConnection &connection, const QJsonObject &data)
{
    auto parsed = SyncRequest::fromJson(data);
    if (!parsed)
        return parsed.error();
    auto events = m_mailbox.eventsAfter(connection.identity().deviceId, parsed.value().after,
                                        SyncPageSize + 1);
    if (!events)
        return storageError();
    SyncDone done{parsed.value().after, events.value().size() > SyncPageSize};
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
