#include "core/sync/MailboxSync.h"

#include "core/net/MessageTransport.h"
#include "core/protocol/ChatPayloads.h"
#include "core/protocol/MessagePayloads.h"
#include "core/protocol/Plaintext.h"
#include "core/store/LocalStore.h"
#include "core/store/StoreContext.h"
#include "core/sync/DeviceDirectory.h"
#include "core/sync/Envelopes.h"

#include <QDateTime>
#include <QSet>

namespace parley::sync {

using namespace protocol;

namespace {
// A page of the server's sync (docs/protocol.md 6.6) is stored in one transaction at most.
constexpr int MaxBatchEvents = 500;
// Pause before reading the mailbox again after a failure, so a failing server is not hammered.
constexpr int ResyncDelayMs = 1000;
// The cursor of an idle mailbox is written this long after its last batch; a busy one moves
// with the next batch's transaction. Losing it in a crash only replays events.
constexpr int CursorSaveDelayMs = 300;
} // namespace

struct MailboxSync::Batch
{
    qint64 lastSeq = 0;
    QList<MessageReceive> messages;
    QList<store::InboundReceipt> receipts;
    QList<QString> usersToFetch; // senders whose device is not kept yet
    QList<store::InboundMessage> inbound;
    QList<store::InboundDeletion> deletions;
    QList<store::InboundChatUpdate> chatUpdates;
    int outstanding = 0; // receipts sent and not answered yet
    bool failed = false;
};

MailboxSync::MailboxSync(Identity identity, net::MessageTransport &transport,
                         DeviceDirectory &devices, store::LocalStore &store, QObject *parent)
    : QObject(parent)
    , m_identity(std::move(identity))
    , m_transport(transport)
    , m_devices(devices)
    , m_store(store)
{
    connect(&m_transport, &net::MessageTransport::connected, this, &MailboxSync::onConnected);
    connect(&m_transport, &net::MessageTransport::disconnected, this, &MailboxSync::onDisconnected);
    connect(&m_transport, &net::MessageTransport::eventReceived, this, &MailboxSync::onEvent);
    connect(&m_transport, &net::MessageTransport::unknownEventReceived, this,
            [this](qint64 seq) { enqueue(seq, std::nullopt); });
    m_resyncTimer.setSingleShot(true);
    m_resyncTimer.setInterval(ResyncDelayMs);
    connect(&m_resyncTimer, &QTimer::timeout, this, [this] {
        if (m_transport.isConnected())
            requestSync(); // else the reconnect syncs
    });
    m_cursorTimer.setSingleShot(true);
    m_cursorTimer.setInterval(CursorSaveDelayMs);
    connect(&m_cursorTimer, &QTimer::timeout, this, &MailboxSync::saveCursor);
}

store::LocalRef MailboxSync::localRef(const QString &messageId, const QString &senderUserId) const
{
    // The store keeps this account's own messages with an empty sender.
    return {messageId, senderUserId == m_identity.userId ? QString() : senderUserId};
}

void MailboxSync::start()
{
    m_store.run(
        this, [](store::StoreContext &store) { return store.messages().cursor(); },
        [this](Result<qint64> cursor) {
            if (!cursor) {
                Q_EMIT storeFailed(cursor.error());
                return;
            }
            m_handled = m_savedCursor = m_queuedUpTo = cursor.value();
            m_started = true;
            if (m_transport.isConnected())
                requestSync();
        });
}

void MailboxSync::setSynced(bool synced)
{
    if (m_synced == synced)
        return;
    m_synced = synced;
    Q_EMIT syncedChanged(synced);
}

void MailboxSync::onConnected()
{
    if (!m_started)
        return; // start() syncs once the cursor is read
    if (!m_batchRunning) {
        m_queue.clear();
        m_queuedUpTo = m_handled;
    }
    // The first sync of a connection names what is handled for sure: the server may remove
    // events up to it once they are old (docs/protocol.md 6.6). Events the running batch holds
    // come again and are dropped by seq.
    requestSync(m_handled);
}

void MailboxSync::onDisconnected()
{
    setSynced(false);
}

void MailboxSync::scheduleResync()
{
    if (!m_resyncTimer.isActive())
        m_resyncTimer.start();
}

void MailboxSync::requestSync()
{
    requestSync(m_queuedUpTo);
}

void MailboxSync::requestSync(qint64 after)
{
    m_transport.request(FrameType::Sync, SyncRequest{after}.toJson(), this,
                        [this, after](Result<QJsonObject> answer) {
                            if (!answer && answer.error().code == ErrorCode::NetworkError)
                                return; // the reconnect syncs again
                            auto done = answer ? SyncDone::fromJson(answer.value())
                                               : Result<SyncDone>(answer.error());
                            if (!done) {
                                qWarning().noquote() << "sync failed:" << done.error().message;
                                scheduleResync();
                                return;
                            }
                            if (done->hasMore) {
                                // A page without a single event that still moves past
                                // `after`: the server removed those events (retention).
                                // Anything else is a page whose events went astray, and is
                                // read again.
                                if (done->lastSeq > after && m_newestSeen <= after
                                    && m_queuedUpTo == after)
                                    skipPruned(done->lastSeq);
                                requestSync(); // from the last event taken
                                return;
                            }
                            setSynced(true);
                            checkCaughtUp();
                        });
}

void MailboxSync::skipPruned(qint64 upTo)
{
    // The server no longer has these events: this device handled them before (retention
    // removes nothing else), in an earlier life of its store. They are passed in their place,
    // like events of an unknown type.
    m_queuedUpTo = upTo;
    m_queue.append({upTo, std::nullopt});
    if (m_queue.size() == 1 && !m_batchRunning)
        QMetaObject::invokeMethod(this, &MailboxSync::startBatch, Qt::QueuedConnection);
}

void MailboxSync::onEvent(const Frame &event)
{
    enqueue(eventSeq(event.data), event);
}

void MailboxSync::enqueue(qint64 seq, std::optional<Frame> event)
{
    m_newestSeen = qMax(m_newestSeen, seq);
    if (!m_started || seq <= m_queuedUpTo)
        return; // a replay after a reconnect, or before the cursor is known
    if (seq != m_queuedUpTo + 1) {
        // Mailbox seqs are gap-free, so something in between was missed: never skip past it.
        scheduleResync();
        return;
    }
    m_queuedUpTo = seq;
    m_queue.append({seq, std::move(event)});
    // Events that arrive together (a sync page) are stored together.
    if (m_queue.size() == 1 && !m_batchRunning)
        QMetaObject::invokeMethod(this, &MailboxSync::startBatch, Qt::QueuedConnection);
}

void MailboxSync::startBatch()
{
    if (m_batchRunning || m_queue.isEmpty())
        return;
    m_batchRunning = true;
    auto batch = std::make_shared<Batch>();
    QSet<QString> fetch;
    // A chat update applies to what came before it: it goes in a batch without the events
    // around it, so that the store keeps seq order between them.
    qsizetype count = qMin<qsizetype>(m_queue.size(), MaxBatchEvents);
    for (qsizetype i = 0; i < count; ++i) {
        const auto &event = m_queue.at(i).event;
        const bool update = event && event->type == FrameType::ChatUpdated;
        if (i > 0
            && update
                != (m_queue.at(0).event && m_queue.at(0).event->type == FrameType::ChatUpdated)) {
            count = i;
            break;
        }
    }
    for (const Queued &queued : m_queue.mid(0, count)) {
        batch->lastSeq = queued.seq;
        if (!queued.event)
            continue; // unknown type: handled by skipping it in its place (docs/protocol.md 1.6)
        const Frame &event = *queued.event;
        if (event.type == FrameType::MessageReceive) {
            auto message = MessageReceive::fromJson(event.data);
            if (!message) {
                qWarning().noquote() << "dropping a malformed message:" << message.error().message;
                continue;
            }
            if (!m_devices.keptKey(message->senderUserId, message->senderDeviceId))
                fetch.insert(message->senderUserId);
            batch->messages.append(std::move(message).value());
        } else if (event.type == FrameType::MessageDelivered
                   || event.type == FrameType::MessageRead) {
            auto receipt = ReceiptEvent::fromJson(event.data);
            if (!receipt || receipt->recipientUserId == m_identity.userId)
                continue; // our own devices' receipts say nothing about delivery
            const auto status = event.type == FrameType::MessageRead
                ? store::MessageStatus::Read
                : store::MessageStatus::Delivered;
            batch->receipts.append(
                {receipt->messageId, receipt->recipientUserId, status, receipt->at});
        } else if (event.type == FrameType::MessageDeleted) {
            if (auto deleted = MessageDeleted::fromJson(event.data))
                batch->deletions.append({localRef(deleted->messageId, deleted->senderUserId),
                                         deleted->deletedAt, deleted->chatId});
        } else if (event.type == FrameType::ChatUpdated) {
            if (auto updated = ChatUpdated::fromJson(event.data)) {
                const ChatInfo &chat = updated->chat;
                batch->chatUpdates.append({chat.chatId, chat.peerUserId, chat.pinned, chat.archived,
                                           chat.mutedUntil, updated->removed,
                                           chat.unreadCount == 0});
            }
        }
    }
    m_queue.remove(0, count);
    batch->usersToFetch = fetch.values();
    resolveKeys(batch, 0);
}

void MailboxSync::resolveKeys(std::shared_ptr<Batch> batch, int next)
{
    if (next == batch->usersToFetch.size()) {
        open(batch);
        return;
    }
    m_devices.devices(batch->usersToFetch.at(next), true, this,
                      [this, batch, next](Result<DeviceKeyList> devices) {
                          if (!devices && devices.error().code == ErrorCode::NetworkError) {
                              finishBatch(batch, false); // tried again after the reconnect
                              return;
                          }
                          resolveKeys(batch, next + 1); // an unknown sender is undecryptable
                      });
}

void MailboxSync::open(const std::shared_ptr<Batch> &batch)
{
    for (const MessageReceive &message : batch->messages) {
        const auto key = m_devices.keptKey(message.senderUserId, message.senderDeviceId);
        const auto content = key
            ? openMessage(message, *key, m_identity.keys.secretKey(), m_identity.userId)
            : std::nullopt;
        // A silent message changes another one (an edit, a reaction): one that cannot be read
        // is no message to show. It is still acknowledged, like every message:receive.
        if (!content && message.silent)
            continue;
        const bool ownCopy = message.senderUserId == m_identity.userId;
        store::InboundMessage in;
        in.messageId = message.messageId;
        in.senderUserId = message.senderUserId;
        in.senderDeviceId = message.senderDeviceId;
        in.peerUserId = ownCopy ? message.recipientUserId : message.senderUserId;
        in.serverChatId = message.chatId;
        in.outgoing = ownCopy;
        in.serverTime = message.serverTime;
        in.kind = content ? store::MessageKind::Text : store::MessageKind::Undecryptable;
        in.body = content ? content->text : QString();
        in.sentAt = content && content->sentAt > 0 ? content->sentAt : message.serverTime;
        if (content && content->type == MessageContent::Type::Text && content->replyTo)
            in.replyTo = localRef(content->replyTo->messageId, content->replyTo->senderUserId);
        if (content && content->type == MessageContent::Type::Edit) {
            // An edit names a message of its own sender.
            in.kind = store::MessageKind::Edit;
            in.target = {content->target.messageId, ownCopy ? QString() : message.senderUserId};
        } else if (content && content->type == MessageContent::Type::Reaction) {
            in.kind = store::MessageKind::Reaction;
            in.body = content->emoji;
            in.target = localRef(content->target.messageId, content->target.senderUserId);
        }
        batch->inbound.append(in);
    }
    store(batch);
}

void MailboxSync::store(const std::shared_ptr<Batch> &batch)
{
    // Receipt events are handled once stored; messages only once their receipt is acked.
    const qint64 cursor = batch->messages.isEmpty() ? batch->lastSeq : m_handled;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_store.run(
        this,
        [inbound = batch->inbound, receipts = batch->receipts, deletions = batch->deletions,
         updates = batch->chatUpdates, cursor, now](store::StoreContext &store) {
            return store.messages().storeInbox(inbound, receipts, deletions, updates, cursor, now);
        },
        [this, batch, cursor](Result<store::InboxChanges> changes) {
            if (!changes) {
                Q_EMIT storeFailed(changes.error());
                finishBatch(batch, false);
                return;
            }
            m_savedCursor = qMax(m_savedCursor, cursor);
            for (const store::StoredMessage &message : changes->added) {
                if (message.kind == store::MessageKind::Undecryptable)
                    Q_EMIT messageUndecryptable(message.messageId, message.senderUserId);
                else
                    Q_EMIT messageReceived(message);
            }
            for (const store::StatusChange &change : changes->statuses)
                Q_EMIT statusChanged(change);
            for (const store::StoredMessage &message : changes->changed)
                Q_EMIT messageChanged(message);
            for (const qint64 chatId : changes->chats)
                Q_EMIT chatChanged(chatId);
            for (const qint64 chatId : changes->clearedChats)
                Q_EMIT historyCleared(chatId);
            for (const store::InboundReceipt &receipt : batch->receipts) {
                if (receipt.status == store::MessageStatus::Read)
                    Q_EMIT messageRead(receipt.messageId, receipt.recipientUserId);
                else
                    Q_EMIT messageDelivered(receipt.messageId, receipt.recipientUserId);
            }
            acknowledge(batch);
        });
}

void MailboxSync::acknowledge(const std::shared_ptr<Batch> &batch)
{
    if (batch->messages.isEmpty()) {
        finishBatch(batch, true);
        return;
    }
    batch->outstanding = int(batch->messages.size());
    for (const MessageReceive &message : batch->messages) {
        m_transport.request(FrameType::MessageDelivered,
                            ReceiptRequest{message.messageId, message.senderUserId}.toJson(), this,
                            [this, batch](Result<QJsonObject> answer) {
                                // not_found: the server will never take this receipt (the message
                                // is not addressed to this device), so it is done. Anything else is
                                // tried again.
                                if (!answer && answer.error().code != ErrorCode::NotFound)
                                    batch->failed = true;
                                if (--batch->outstanding == 0)
                                    finishBatch(batch, !batch->failed);
                            });
    }
}

void MailboxSync::finishBatch(const std::shared_ptr<Batch> &batch, bool acknowledged)
{
    m_batchRunning = false;
    if (!acknowledged) {
        // Everything after the last handled event is read again from the mailbox; the store
        // keeps what it already has once.
        m_queue.clear();
        m_queuedUpTo = m_handled;
        scheduleResync();
        return;
    }
    m_handled = batch->lastSeq;
    if (m_handled > m_savedCursor && !m_cursorTimer.isActive())
        m_cursorTimer.start();
    startBatch();
    checkCaughtUp();
}

void MailboxSync::checkCaughtUp()
{
    if (m_synced && !m_batchRunning && m_queue.isEmpty())
        Q_EMIT caughtUp();
}

void MailboxSync::saveCursor()
{
    const qint64 cursor = m_handled;
    if (cursor <= m_savedCursor)
        return;
    m_store.run(
        this, [cursor](store::StoreContext &store) { return store.messages().setCursor(cursor); },
        [this, cursor](Result<void> saved) {
            if (saved)
                m_savedCursor = qMax(m_savedCursor, cursor);
            else
                Q_EMIT storeFailed(saved.error());
        });
}

} // namespace parley::sync
