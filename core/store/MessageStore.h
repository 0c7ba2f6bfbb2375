#pragma once

#include "core/protocol/Result.h"
#include "core/store/StoreTypes.h"

namespace parley::sql {
class Database;
}

namespace parley::store {

class ChatStore;

// The messages of one account's local store (core/store/ClientSchema.cpp): what comes from the
// mailbox, the outbox, receipts, edits, reactions, deletions and the full-text index. Plain SQL
// on the store thread; LocalStore runs it there. ChatStore keeps the chats they are in.
class MessageStore
{
public:
    MessageStore(sql::Database &db, ChatStore &chats);

    // New outgoing messages (texts, edits, reactions) and their outbox entries, all in one
    // transaction (messages written together are committed together: one fsync for a burst).
    // An edit or a reaction is applied here at once; `changed` is the message it changed.
    protocol::Result<QList<QueuedMessage>> addOutgoing(const QList<OutgoingDraft> &drafts,
                                                       qint64 now);
    // One new outgoing text message and its outbox entry.
    protocol::Result<StoredMessage> addOutgoing(const QString &peerUserId, const QString &messageId,
                                                const QString &text, qint64 sentAt,
                                                const QByteArray &plaintext, qint64 now);

    // One batch of mailbox events and the new mailbox cursor, in one transaction. A message
    // already stored (a replay after a crash or a lost receipt) is not stored again.
    protocol::Result<InboxChanges> storeInbox(const QList<InboundMessage> &messages,
                                              const QList<InboundReceipt> &receipts, qint64 cursor,
                                              qint64 now);
    // With the rest of a batch: edits and reactions (in `messages`) change the messages they
    // name, if those are the sender's (an edit) and in the same chat; deletions for everyone
    // empty theirs; chat updates set a chat's settings from another device.
    protocol::Result<InboxChanges> storeInbox(const QList<InboundMessage> &messages,
                                              const QList<InboundReceipt> &receipts,
                                              const QList<InboundDeletion> &deletions,
                                              const QList<InboundChatUpdate> &chatUpdates,
                                              qint64 cursor, qint64 now);
    // A line of this device's own in a chat, such as SecurityCodeChanged.
    protocol::Result<StoredMessage> addSystemLine(const QString &peerUserId, const QString &event,
                                                  qint64 now);

    // The mailbox cursor: every event up to it is stored and, where it needs one, its receipt
    // was acknowledged by the server (docs/protocol.md 6.6, "Handled").
    protocol::Result<qint64> cursor();
    protocol::Result<void> setCursor(qint64 seq);

    // The outbox, oldest first: what is waiting for the server's ack and not marked failed.
    protocol::Result<QList<OutboxItem>> pendingOutbox();
    // Acked messages leave the outbox, in one transaction; the changes of those still pending.
    protocol::Result<QList<StatusChange>> markSent(const QList<SentAck> &acks);
    protocol::Result<std::optional<StatusChange>> markSent(const QString &messageId,
                                                           qint64 serverTime);
    protocol::Result<std::optional<StatusChange>> markFailed(const QString &messageId);
    protocol::Result<std::optional<StatusChange>> retry(qint64 row);
    protocol::Result<void> countAttempt(const QString &messageId);

    // Newest first: up to `limit` messages of the chat older than `beforeRow` (0: the newest).
    protocol::Result<QList<StoredMessage>> messages(qint64 chatId, qint64 beforeRow, int limit);
    // Newest first too: up to `limit` messages of the chat right after `afterRow`.
    protocol::Result<QList<StoredMessage>> messagesAfter(qint64 chatId, qint64 afterRow, int limit);
    protocol::Result<std::optional<StoredMessage>> message(qint64 row);
    protocol::Result<std::optional<StoredMessage>> messageByRef(const LocalRef &ref);
    // A shown message of one chat by its id (this account's own first).
    protocol::Result<std::optional<StoredMessage>> messageInChat(qint64 chatId,
                                                                 const QString &messageId);
    // "Delete for me": the message leaves this device's store (its search entry, reactions and
    // receipts too). A message still waiting in the outbox stays: it is being sent. The chat
    // of the removed message, or nothing when there was nothing to remove.
    protocol::Result<std::optional<qint64>> removeLocally(qint64 row);
    // Newest first; empty for a query without words.
    protocol::Result<QList<SearchHit>> search(const QString &query, int limit);

private:
    protocol::Result<std::optional<StoredMessage>> insertInbound(const InboundMessage &message,
                                                                 qint64 chatId, qint64 now);
    protocol::Result<std::optional<StatusChange>> applyReceipt(const InboundReceipt &receipt);
    protocol::Result<void> index(qint64 row, const QString &body);
    protocol::Result<void> fillReplyPreview(StoredMessage &message);
    // A page (newest first) with its quotes' previews and its reactions.
    protocol::Result<QList<StoredMessage>> completePage(qint64 chatId, QList<StoredMessage> page);
    protocol::Result<QueuedMessage> insertOutgoing(const OutgoingDraft &draft, qint64 now);
    protocol::Result<std::optional<StoredMessage>> applyEdit(qint64 chatId, const LocalRef &target,
                                                             const QString &body, qint64 at);
    protocol::Result<std::optional<StoredMessage>> applyReaction(qint64 chatId,
                                                                 const LocalRef &target,
                                                                 const QString &userId,
                                                                 const QString &emoji, qint64 at);
    protocol::Result<std::optional<StoredMessage>> applyDeletion(const InboundDeletion &deletion);
    protocol::Result<std::optional<StoredMessage>>
    placeholderForDeleted(const InboundDeletion &deletion);
    protocol::Result<std::optional<StatusChange>> markOneSent(const SentAck &ack);
    protocol::Result<std::optional<StatusChange>>
    setStatus(const QString &where, std::initializer_list<QVariant> values, MessageStatus status);

    sql::Database &m_db;
    ChatStore &m_chats;
};

} // namespace parley::store
