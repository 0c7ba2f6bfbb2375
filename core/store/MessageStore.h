#pragma once

#include "core/protocol/Result.h"
#include "core/store/StoreTypes.h"

namespace parley::sql {
class Database;
}

namespace parley::store {

// Chats, messages, receipts, the full-text index and the outbox of one account's local store
// (core/store/ClientSchema.cpp). Plain SQL on the store thread; LocalStore runs it there.
class MessageStore
{
public:
    explicit MessageStore(sql::Database &db);

    // The direct chat with a user, created on first use.
    protocol::Result<qint64> directChat(const QString &peerUserId, qint64 now);
    protocol::Result<void> setPeerPhone(const QString &peerUserId, const QString &phone);
    // The direct chat with a user found by number, created if needed, remembering the number.
    protocol::Result<qint64> rememberPeer(const QString &peerUserId, const QString &phone,
                                          qint64 now);
    // The chat with the user of this phone number, if one exists (numbers known from searches).
    protocol::Result<std::optional<qint64>> chatByPhone(const QString &phone);
    protocol::Result<std::optional<qint64>> chatByPeer(const QString &peerUserId);
    // The user of a number known from an earlier search; empty when unknown.
    protocol::Result<QString> peerByPhone(const QString &phone);
    // The server's id of the direct chat with a user; empty until known.
    protocol::Result<QString> serverChatId(const QString &peerUserId);
    // Remembers the server's id of the direct chat with a user, creating the local chat.
    protocol::Result<qint64> setServerChatId(const QString &peerUserId, const QString &serverChatId,
                                             qint64 now);

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

    protocol::Result<QList<ChatSummary>> chats();
    protocol::Result<std::optional<ChatSummary>> chat(qint64 chatId);
    // Newest first: up to `limit` messages of the chat older than `beforeRow` (0: the newest).
    protocol::Result<QList<StoredMessage>> messages(qint64 chatId, qint64 beforeRow, int limit);
    protocol::Result<std::optional<StoredMessage>> message(qint64 row);
    protocol::Result<std::optional<StoredMessage>> messageByRef(const LocalRef &ref);
    // A shown message of one chat by its id (this account's own first).
    protocol::Result<std::optional<StoredMessage>> messageInChat(qint64 chatId,
                                                                 const QString &messageId);
    // The other person of a chat; empty when there is no such chat.
    protocol::Result<QString> peerOfChat(qint64 chatId);
    protocol::Result<void> markChatRead(qint64 chatId);
    // The user read the chat: its incoming messages not read yet are marked read, with their
    // receipt pending (read_at -1), and the chat's unread count is cleared.
    protocol::Result<void> markMessagesRead(qint64 chatId);
    // Read messages whose message:read the server has not acknowledged yet, oldest first.
    protocol::Result<QList<PendingRead>> pendingReads(int limit);
    // The server has these receipts.
    protocol::Result<void> confirmReads(const QList<qint64> &rows, qint64 now);
    // This account's own settings of a chat, as the user set them here.
    protocol::Result<void> setChatSettings(qint64 chatId, bool pinned, bool archived,
                                           qint64 mutedUntil);
    // "Delete chat" on this device: its history goes, except what waits in the outbox.
    protocol::Result<void> deleteChatHistory(qint64 chatId);
    // Newest first; empty for a query without words.
    protocol::Result<QList<SearchHit>> search(const QString &query, int limit);

private:
    // The chat matching `condition` (a fixed SQL condition with one '?' for `value`).
    protocol::Result<std::optional<qint64>> chatWhere(const QString &condition,
                                                      const QString &value);
    protocol::Result<std::optional<StoredMessage>> insertInbound(const InboundMessage &message,
                                                                 qint64 chatId, qint64 now);
    protocol::Result<std::optional<StatusChange>> applyReceipt(const InboundReceipt &receipt);
    protocol::Result<void> index(qint64 row, const QString &body);
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
    protocol::Result<std::optional<qint64>> applyChatUpdate(const InboundChatUpdate &update,
                                                            qint64 now);
    protocol::Result<void> clearChat(qint64 chatId);
    protocol::Result<std::optional<StatusChange>> markOneSent(const SentAck &ack);
    protocol::Result<void> touchChat(qint64 chatId, qint64 at, int unread);
    protocol::Result<std::optional<StatusChange>>
    setStatus(const QString &where, std::initializer_list<QVariant> values, MessageStatus status);

    sql::Database &m_db;
};

} // namespace parley::store
