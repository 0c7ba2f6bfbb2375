#include "core/sync/Outbox.h"

#include "core/net/MessageTransport.h"
#include "core/protocol/ChatPayloads.h"
#include "core/protocol/Limits.h"
#include "core/protocol/MessagePayloads.h"
#include "core/protocol/Plaintext.h"
#include "core/store/LocalStore.h"
#include "core/store/StoreContext.h"
#include "core/sync/ChatDirectory.h"
#include "core/sync/DeviceDirectory.h"
#include "core/sync/Envelopes.h"

#include <QDateTime>
#include <QTimer>
#include <QUuid>

namespace parley::sync {

using namespace protocol;

namespace {
// A device list that changed under us twice in a row is not a race any more.
constexpr int MaxStaleDeviceLists = 3;
// Read receipts sent when a chat is opened, at most: the read marker needs only the newest.
constexpr int MaxReadReceipts = 500;
// How long a message the server refused as over its frame budget waits before it goes again.
constexpr int RateLimitedRetryMs = 1000;

std::optional<Error> textProblem(const QString &text, const QByteArray &plaintext)
{
    if (text.trimmed().isEmpty())
        return Error{ErrorCode::InvalidField, Outbox::tr("An empty message cannot be sent.")};
    if (text.size() > MessageContent::MaxTextLength
        || plaintext.size() > limits::MaxPlaintextBytes) {
        return Error{ErrorCode::PayloadTooLarge,
                     Outbox::tr("The message is too long (at most %1 characters).")
                         .arg(MessageContent::MaxTextLength)};
    }
    return std::nullopt;
}
} // namespace

Outbox::Outbox(Identity identity, net::MessageTransport &transport, DeviceDirectory &devices,
               ChatDirectory &chats, store::LocalStore &store, QObject *parent)
    : QObject(parent)
    , m_identity(std::move(identity))
    , m_transport(transport)
    , m_devices(devices)
    , m_chats(chats)
    , m_store(store)
{
    // Whatever was in flight gets its NetworkError; it is sent again once online again.
    connect(&m_transport, &net::MessageTransport::disconnected, this, [this] { setOnline(false); });
}

void Outbox::start()
{
    m_store.run(
        this, [](store::StoreContext &store) { return store.messages().pendingOutbox(); },
        [this](Result<QList<store::OutboxItem>> items) {
            if (!items) {
                Q_EMIT storeFailed(items.error());
                return;
            }
            // Messages queued while this was loading were stored after it ran: they come last.
            QList<Pending> queued = std::exchange(m_queue, {});
            for (const store::OutboxItem &item : items.value())
                m_queue.append({item, false, 0});
            m_queue.append(queued);
            m_loaded = true;
            pump();
        });
}

void Outbox::setOnline(bool online)
{
    m_online = online;
    pump();
    sendReads(); // read receipts a lost connection left unsent
}

MessageContent Outbox::written(const QString &messageId, const QString &peerUserId,
                               MessageContent::Type type)
{
    MessageContent content;
    content.messageId = messageId;
    content.recipientUserId = peerUserId;
    content.type = type;
    content.sentAt = QDateTime::currentMSecsSinceEpoch();
    return content;
}

QString Outbox::sendText(const QString &peerUserId, const QString &text)
{
    MessageContent content = written(QUuid::createUuid().toString(QUuid::WithoutBraces), peerUserId,
                                     MessageContent::Type::Text);
    content.text = text;
    queue(content, {});
    return content.messageId;
}

void Outbox::queue(const MessageContent &content, const store::LocalRef &target)
{
    const QByteArray plaintext = content.encode();
    if (content.type != MessageContent::Type::Reaction) {
        if (const auto problem = textProblem(content.text, plaintext)) {
            failLater(content.messageId, *problem);
            return;
        }
    }
    store::OutgoingDraft draft;
    draft.peerUserId = content.recipientUserId;
    draft.messageId = content.messageId;
    draft.sentAt = content.sentAt;
    draft.plaintext = plaintext;
    draft.target = target;
    switch (content.type) {
    case MessageContent::Type::Text:
        draft.kind = store::MessageKind::Text;
        draft.body = content.text;
        if (content.replyTo)
            draft.replyTo = localRef(*content.replyTo);
        break;
    case MessageContent::Type::Edit:
        draft.kind = store::MessageKind::Edit;
        draft.body = content.text;
        break;
    case MessageContent::Type::Reaction:
        draft.kind = store::MessageKind::Reaction;
        draft.body = content.emoji;
        break;
    }
    m_drafts.append(draft);
    storeDrafts();
}

store::LocalRef Outbox::localRef(const MessageRef &ref) const
{
    return {ref.messageId, ref.senderUserId == m_identity.userId ? QString() : ref.senderUserId};
}

MessageRef Outbox::wireRef(const store::StoredMessage &message) const
{
    return {message.messageId,
            message.senderUserId.isEmpty() ? m_identity.userId : message.senderUserId};
}

QString Outbox::reply(qint64 row, const QString &text)
{
    const QString messageId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    withTarget(row, messageId,
               [this, messageId, text](const store::StoredMessage &target, const QString &peer) {
                   if (target.deletedAt > 0 || target.kind == store::MessageKind::System)
                       return fail(messageId,
                                   noTarget(tr("There is no such message to reply to.")));
                   MessageContent content = written(messageId, peer, MessageContent::Type::Text);
                   content.text = text;
                   content.replyTo = wireRef(target);
                   queue(content, {});
               });
    return messageId;
}

QString Outbox::edit(qint64 row, const QString &text)
{
    const QString messageId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    withTarget(row, messageId,
               [this, messageId, text](const store::StoredMessage &target, const QString &peer) {
                   if (!target.outgoing || target.kind != store::MessageKind::Text) {
                       return fail(messageId,
                                   Error{ErrorCode::Forbidden,
                                         tr("Only your own messages can be edited.")});
                   }
                   if (target.deletedAt > 0)
                       return fail(messageId,
                                   Error{ErrorCode::AlreadyDeleted,
                                         tr("The message was deleted for everyone.")});
                   MessageContent content = written(messageId, peer, MessageContent::Type::Edit);
                   content.text = text;
                   content.target = wireRef(target);
                   queue(content, {target.messageId, target.senderUserId});
               });
    return messageId;
}

QString Outbox::react(qint64 row, const QString &emoji)
{
    const QString messageId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (!emoji.isEmpty() && !isSingleEmoji(emoji)) {
        failLater(messageId, Error{ErrorCode::InvalidField, tr("A reaction is one emoji.")});
        return messageId;
    }
    withTarget(
        row, messageId,
        [this, messageId, emoji](const store::StoredMessage &target, const QString &peer) {
            if (target.deletedAt > 0 || target.kind == store::MessageKind::System)
                return fail(messageId, noTarget(tr("There is no such message to react to.")));
            MessageContent content = written(messageId, peer, MessageContent::Type::Reaction);
            content.emoji = emoji;
            content.target = wireRef(target);
            queue(content, {target.messageId, target.senderUserId});
        });
    return messageId;
}

void Outbox::withTarget(qint64 row, const QString &messageId,
                        std::function<void(const store::StoredMessage &, const QString &)> then)
{
    using Found = std::optional<std::pair<store::StoredMessage, QString>>;
    m_store.run(
        this,
        [row](store::StoreContext &store) -> Result<Found> {
            auto message = store.messages().message(row);
            if (!message)
                return message.error();
            if (!message.value() || message.value()->kind == store::MessageKind::Edit
                || message.value()->kind == store::MessageKind::Reaction)
                return Found();
            auto peer = store.chats().peerOfChat(message.value()->chatId);
            if (!peer)
                return peer.error();
            return Found(std::pair{*message.value(), peer.value()});
        },
        [this, messageId, then = std::move(then)](Result<Found> found) {
            if (!found)
                return fail(messageId, found.error());
            if (!found.value())
                return fail(messageId, noTarget(tr("There is no such message.")));
            then(found.value()->first, found.value()->second);
        });
}

Error Outbox::noTarget(const QString &message)
{
    return Error{ErrorCode::NotFound, message};
}

void Outbox::deleteForMe(qint64 row)
{
    m_store.run(
        this, [row](store::StoreContext &store) { return store.messages().removeLocally(row); },
        [this, row](Result<std::optional<qint64>> chatId) {
            if (!chatId) {
                Q_EMIT storeFailed(chatId.error());
                return;
            }
            if (!chatId.value()) {
                Q_EMIT deleteFailed(row, noTarget(tr("The message is still being sent.")));
                return;
            }
            Q_EMIT messageRemoved(*chatId.value(), row);
        });
}

void Outbox::deleteForEveryone(qint64 row)
{
    using Found = std::optional<std::pair<store::StoredMessage, QString>>;
    m_store.run(
        this,
        [row](store::StoreContext &store) -> Result<Found> {
            auto message = store.messages().message(row);
            if (!message)
                return message.error();
            if (!message.value())
                return Found();
            auto peer = store.chats().peerOfChat(message.value()->chatId);
            if (!peer)
                return peer.error();
            return Found(std::pair{*message.value(), peer.value()});
        },
        [this, row](Result<Found> found) {
            if (!found || !found.value()) {
                Q_EMIT deleteFailed(
                    row, found ? noTarget(tr("There is no such message.")) : found.error());
                return;
            }
            const store::StoredMessage &message = found.value()->first;
            if (!message.outgoing || message.kind != store::MessageKind::Text) {
                Q_EMIT deleteFailed(row,
                                    Error{ErrorCode::Forbidden,
                                          tr("Only your own messages can be deleted for "
                                             "everyone.")});
                return;
            }
            if (message.deletedAt > 0) {
                Q_EMIT deleteFailed(
                    row, Error{ErrorCode::AlreadyDeleted, tr("The message was already deleted.")});
                return;
            }
            if (message.serverTime == 0) {
                Q_EMIT deleteFailed(row,
                                    Error{ErrorCode::InvalidField,
                                          tr("The message has not reached the server yet.")});
                return;
            }
            m_chats.deleteForEveryone(
                found.value()->second, message.messageId, this,
                [this, row,
                 ref = store::LocalRef{message.messageId, QString()}](Result<qint64> deletedAt) {
                    if (!deletedAt) {
                        Q_EMIT deleteFailed(row, deletedAt.error());
                        return;
                    }
                    // The tombstone also comes through the mailbox; this shows it at once.
                    applyDeletionNow(row, ref, deletedAt.value());
                });
        });
}

void Outbox::markRead(qint64 chatId)
{
    m_store.run(
        this,
        [chatId](store::StoreContext &store) { return store.chats().markMessagesRead(chatId); },
        [this, chatId](Result<void> marked) {
            if (!marked) {
                Q_EMIT storeFailed(marked.error());
                return;
            }
            Q_EMIT chatChanged(chatId);
            sendReads();
        });
}

void Outbox::sendReads()
{
    if (!m_online)
        return;
    if (m_sendingReads) {
        m_readsWanted = true; // once the round in flight is done
        return;
    }
    m_sendingReads = true;
    m_readsWanted = false;
    m_store.run(
        this,
        [](store::StoreContext &store) { return store.chats().pendingReads(MaxReadReceipts); },
        [this](Result<QList<store::PendingRead>> pending) {
            if (!pending || pending->isEmpty()) {
                m_sendingReads = false;
                if (!pending)
                    Q_EMIT storeFailed(pending.error());
                else if (m_readsWanted)
                    sendReads();
                return;
            }
            // Each receipt the server took (or will never take: not_found) is done; the others
            // go again after the next reconnect.
            auto done = std::make_shared<QList<qint64>>();
            auto outstanding = std::make_shared<qsizetype>(pending->size());
            for (const store::PendingRead &read : pending.value()) {
                const QString sender = read.message.senderUserId.isEmpty()
                    ? m_identity.userId
                    : read.message.senderUserId;
                m_transport.request(
                    FrameType::MessageRead, ReceiptRequest{read.message.messageId, sender}.toJson(),
                    this, [this, row = read.row, done, outstanding](Result<QJsonObject> answer) {
                        if (answer || answer.error().code == ErrorCode::NotFound)
                            done->append(row);
                        if (--*outstanding == 0)
                            confirmReads(*done);
                    });
            }
        });
}

void Outbox::confirmReads(const QList<qint64> &rows)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_store.run(
        this,
        [rows, now](store::StoreContext &store) { return store.chats().confirmReads(rows, now); },
        [this, count = rows.size()](Result<void> confirmed) {
            m_sendingReads = false;
            if (!confirmed)
                Q_EMIT storeFailed(confirmed.error());
            else if (count == MaxReadReceipts || m_readsWanted)
                sendReads(); // there may be more, or some were read meanwhile
        });
}

void Outbox::setChatSettings(qint64 chatId, bool pinned, bool archived, qint64 mutedUntil)
{
    m_store.run(
        this,
        [chatId, pinned, archived, mutedUntil](store::StoreContext &store) -> Result<QString> {
            if (auto set = store.chats().setSettings(chatId, pinned, archived, mutedUntil); !set)
                return set.error();
            return store.chats().peerOfChat(chatId);
        },
        [this, chatId, pinned, archived, mutedUntil](Result<QString> peer) {
            if (!peer || peer->isEmpty()) {
                Q_EMIT settingsFailed(chatId,
                                      peer ? noTarget(tr("There is no such chat.")) : peer.error());
                return;
            }
            Q_EMIT chatChanged(chatId);
            ChatSettingsUpdate update;
            update.pinned = pinned;
            update.archived = archived;
            update.mutedUntil = mutedUntil;
            m_chats.updateSettings(peer.value(), update, this,
                                   [this, chatId](Result<ChatInfo> answered) {
                                       if (!answered)
                                           Q_EMIT settingsFailed(chatId, answered.error());
                                   });
        });
}

void Outbox::deleteChat(qint64 chatId)
{
    m_store.run(
        this, [chatId](store::StoreContext &store) { return store.chats().peerOfChat(chatId); },
        [this, chatId](Result<QString> peer) {
            if (!peer || peer->isEmpty()) {
                Q_EMIT settingsFailed(chatId,
                                      peer ? noTarget(tr("There is no such chat.")) : peer.error());
                return;
            }
            m_chats.deleteChat(peer.value(), this, [this, chatId](Result<void> deleted) {
                if (!deleted) {
                    Q_EMIT settingsFailed(chatId, deleted.error());
                    return;
                }
                m_store.run(
                    this,
                    [chatId](store::StoreContext &store) {
                        return store.chats().deleteHistory(chatId);
                    },
                    [this, chatId](Result<void> cleared) {
                        if (!cleared)
                            Q_EMIT storeFailed(cleared.error());
                        else {
                            Q_EMIT chatChanged(chatId);
                            Q_EMIT historyCleared(chatId);
                        }
                    });
            });
        });
}

void Outbox::applyDeletionNow(qint64 row, const store::LocalRef &ref, qint64 at)
{
    m_store.run(
        this,
        [row, ref, at](store::StoreContext &store) -> Result<std::optional<store::StoredMessage>> {
            auto changes = store.messages().storeInbox({}, {}, {{ref, at, QString()}}, {}, -1, 0);
            if (!changes)
                return changes.error();
            // The tombstone may have come through the mailbox first: the message as it is now.
            return store.messages().message(row);
        },
        [this, row](Result<std::optional<store::StoredMessage>> message) {
            if (!message) {
                Q_EMIT storeFailed(message.error());
                return;
            }
            if (message.value())
                Q_EMIT messageChanged(*message.value());
            else
                Q_EMIT deleteFailed(row, noTarget(tr("There is no such message.")));
        });
}

void Outbox::storeDrafts()
{
    if (m_storingDrafts || m_drafts.isEmpty())
        return;
    m_storingDrafts = true;
    const QList<store::OutgoingDraft> drafts = std::exchange(m_drafts, {});
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_store.run(
        this,
        [drafts, now](store::StoreContext &store) {
            return store.messages().addOutgoing(drafts, now);
        },
        [this, drafts](Result<QList<store::QueuedMessage>> stored) {
            m_storingDrafts = false;
            if (!stored) {
                // Nothing of the batch was stored: each message is reported failed.
                Q_EMIT storeFailed(stored.error());
                for (const store::OutgoingDraft &draft : drafts)
                    Q_EMIT sendFailed(draft.messageId, stored.error());
            } else {
                for (qsizetype i = 0; i < stored->size(); ++i) {
                    const store::QueuedMessage &queued = stored->at(i);
                    const store::StoredMessage &message = queued.message;
                    const bool silent = message.kind != store::MessageKind::Text;
                    if (!silent)
                        Q_EMIT messageQueued(message);
                    else if (queued.changed)
                        Q_EMIT messageChanged(*queued.changed);
                    m_queue.append({{message.row, message.chatId, message.messageId,
                                     drafts.at(i).peerUserId, drafts.at(i).plaintext, 0, silent},
                                    false,
                                    0});
                }
                pump();
            }
            storeDrafts();
        });
}

void Outbox::failLater(const QString &messageId, const Error &error)
{
    // Reported after returning, like every other outcome, so callers handle one path.
    QMetaObject::invokeMethod(
        this, [this, messageId, error] { Q_EMIT sendFailed(messageId, error); },
        Qt::QueuedConnection);
}

void Outbox::retry(qint64 row)
{
    m_store.run(
        this,
        [row](store::StoreContext &store) -> Result<std::optional<store::OutboxItem>> {
            auto changed = store.messages().retry(row);
            if (!changed)
                return changed.error();
            if (!changed.value())
                return std::optional<store::OutboxItem>();
            auto items = store.messages().pendingOutbox();
            if (!items)
                return items.error();
            for (const store::OutboxItem &item : items.value()) {
                if (item.row == row)
                    return std::optional<store::OutboxItem>(item);
            }
            return std::optional<store::OutboxItem>();
        },
        [this](Result<std::optional<store::OutboxItem>> item) {
            if (!item) {
                Q_EMIT storeFailed(item.error());
                return;
            }
            if (!item.value())
                return; // not failed (any more)
            Q_EMIT statusChanged({item.value()->chatId, item.value()->row, item.value()->messageId,
                                  store::MessageStatus::Pending});
            enqueue(*item.value());
        });
}

void Outbox::enqueue(const store::OutboxItem &item)
{
    m_queue.append({item, false, 0});
    pump();
}

Outbox::Pending *Outbox::find(const QString &messageId)
{
    for (Pending &pending : m_queue) {
        if (pending.item.messageId == messageId)
            return &pending;
    }
    return nullptr;
}

void Outbox::pump()
{
    if (!m_online || !m_loaded)
        return;
    for (Pending &pending : m_queue) {
        if (m_inFlight >= Window)
            return;
        if (pending.inFlight)
            continue;
        pending.inFlight = true;
        ++m_inFlight;
        send(pending.item.messageId);
    }
}

void Outbox::send(const QString &messageId)
{
    const Pending *pending = find(messageId);
    const QString recipient = pending->item.recipientUserId;
    const bool fresh = pending->staleDeviceLists > 0;
    // The chat id and both device lists come from caches unless the last attempt found the
    // lists stale; every callback runs in the order asked, so messages leave in the order they
    // were written.
    m_chats.chatWith(recipient, this, [=, this](Result<QString> chatId) {
        if (!chatId)
            return onAnswer(messageId, chatId.error());
        m_devices.devices(recipient, fresh, this, [=, this](Result<DeviceKeyList> theirs) {
            if (!theirs)
                return onAnswer(messageId, theirs.error());
            m_devices.devices(m_identity.userId, fresh, this,
                              [=, this](Result<DeviceKeyList> ours) {
                                  if (!ours)
                                      return onAnswer(messageId, ours.error());
                                  seal(messageId, chatId.value(), theirs.value(), ours.value());
                              });
        });
    });
}

void Outbox::seal(const QString &messageId, const QString &chatId, const DeviceKeyList &theirs,
                  const DeviceKeyList &ours)
{
    const Pending *now = find(messageId);
    if (!now)
        return;
    const QList<Envelope> envelopes = sealForDevices(
        now->item.plaintext, theirs, ours, m_identity.deviceId, m_identity.keys.secretKey());
    if (envelopes.isEmpty() || theirs.devices.isEmpty()) {
        return onAnswer(
            messageId,
            Error{ErrorCode::UnknownDevice, tr("The recipient has no device to send to.")});
    }
    m_transport.request(
        FrameType::MessageSend,
        MessageSend{messageId, chatId, envelopes, now->item.silent}.toJson(), this,
        [this, messageId](Result<QJsonObject> answer) { onAnswer(messageId, answer); });
}

void Outbox::onAnswer(const QString &messageId, const Result<QJsonObject> &answer)
{
    Pending *pending = find(messageId);
    if (!pending || !pending->inFlight)
        return;
    pending->inFlight = false;
    --m_inFlight;
    if (!answer) {
        const Error &error = answer.error();
        if (error.code == ErrorCode::NetworkError) {
            m_online = m_online && m_transport.isConnected();
            return; // stays; sent again once online
        }
        if (error.code == ErrorCode::RateLimited) {
            // The server took none of it: the same message again, a little later.
            QTimer::singleShot(RateLimitedRetryMs, this, &Outbox::pump);
            return;
        }
        const bool stale
            = error.code == ErrorCode::DeviceMismatch || error.code == ErrorCode::UnknownDevice;
        if (stale && ++pending->staleDeviceLists < MaxStaleDeviceLists) {
            pump(); // fetches the device lists again
            return;
        }
        fail(messageId, error);
        return;
    }
    const auto accepted = MessageAccepted::fromJson(answer.value());
    m_queue.removeIf([&](const Pending &p) { return p.item.messageId == messageId; });
    m_acks.append({messageId, accepted ? accepted->serverTime : 0});
    storeAcks();
    pump();
}

void Outbox::storeAcks()
{
    if (m_storingAcks || m_acks.isEmpty())
        return;
    m_storingAcks = true;
    const QList<store::SentAck> acks = std::exchange(m_acks, {});
    m_store.run(
        this, [acks](store::StoreContext &store) { return store.messages().markSent(acks); },
        [this, acks](Result<QList<store::StatusChange>> changes) {
            m_storingAcks = false;
            if (!changes)
                Q_EMIT storeFailed(changes.error()); // sent again at the next start: harmless
            else
                for (const store::StatusChange &change : changes.value())
                    Q_EMIT statusChanged(change);
            for (const store::SentAck &ack : acks)
                Q_EMIT messageSent(ack.messageId, ack.serverTime);
            storeAcks();
        });
}

void Outbox::fail(const QString &messageId, const Error &error)
{
    m_queue.removeIf([&](const Pending &p) { return p.item.messageId == messageId; });
    m_store.run(
        this,
        [messageId](store::StoreContext &store) { return store.messages().markFailed(messageId); },
        [this, messageId, error](Result<std::optional<store::StatusChange>> changed) {
            if (changed && changed.value())
                Q_EMIT statusChanged(*changed.value());
            Q_EMIT sendFailed(messageId, error);
        });
    pump();
}

} // namespace parley::sync
