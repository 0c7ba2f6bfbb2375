#pragma once

#include "core/protocol/Result.h"
#include "core/store/StoreTypes.h"

namespace parley::sql {
class Database;
}

namespace parley::store {

// The chats of one account's local store (core/store/ClientSchema.cpp): who each is with, the
// server's id for it, this account's settings, unread counts and the read receipts still to
// send. Plain SQL on the store thread; LocalStore runs it there. MessageStore keeps what is in
// the chats.
class ChatStore
{
public:
    explicit ChatStore(sql::Database &db);

    // The direct chat with a user, created on first use.
    protocol::Result<qint64> directChat(const QString &peerUserId, qint64 now);
    protocol::Result<std::optional<qint64>> chatByPeer(const QString &peerUserId);
    // The chat with the user of this phone number, if one exists (numbers known from searches).
    protocol::Result<std::optional<qint64>> chatByPhone(const QString &phone);
    protocol::Result<std::optional<qint64>> chatByServerId(const QString &serverChatId);
    protocol::Result<void> setPeerPhone(const QString &peerUserId, const QString &phone);
    // The direct chat with a user found by number, created if needed, remembering the number.
    protocol::Result<qint64> rememberPeer(const QString &peerUserId, const QString &phone,
                                          qint64 now);
    // The user of a number known from an earlier search; empty when unknown.
    protocol::Result<QString> peerByPhone(const QString &phone);
    // The server's id of the direct chat with a user; empty until known.
    protocol::Result<QString> serverChatId(const QString &peerUserId);
    // Remembers the server's id of the direct chat with a user, creating the local chat.
    protocol::Result<qint64> setServerChatId(const QString &peerUserId, const QString &serverChatId,
                                             qint64 now);
    // The first message or update of a chat this device did not open itself names it.
    protocol::Result<void> nameIfUnnamed(qint64 chatId, const QString &serverChatId);
    // What the server's card says about the other person of a direct chat (their name, about
    // text and, once shown, number); the chat, or nothing when there is no chat with them.
    protocol::Result<std::optional<qint64>> setPeerCard(const PeerCard &card, qint64 now);
    // The direct chat with the person of this card, created if needed, with what the card says.
    protocol::Result<qint64> openWith(const PeerCard &card, qint64 now);
    // The other people of chats whose card was last read before `before`, most recent first.
    protocol::Result<QStringList> peersWithOldCards(qint64 before, int limit);
    // The other person of a chat; empty when there is no such chat.
    protocol::Result<QString> peerOfChat(qint64 chatId);

    // Pinned first, then the most recent; each with its newest shown message.
    protocol::Result<QList<ChatSummary>> chats();
    protocol::Result<std::optional<ChatSummary>> chat(qint64 chatId);
    // New messages at `at`, `unread` of them from others.
    protocol::Result<void> touch(qint64 chatId, qint64 at, int unread);

    // The chat's unread count is cleared.
    protocol::Result<void> markRead(qint64 chatId);
    // The user read the chat: its incoming messages not read yet are marked read, with their
    // receipt pending (read_at -1), and the chat's unread count is cleared.
    protocol::Result<void> markMessagesRead(qint64 chatId);
    // Read messages whose message:read the server has not acknowledged yet, oldest first.
    protocol::Result<QList<PendingRead>> pendingReads(int limit);
    // The server has these receipts.
    protocol::Result<void> confirmReads(const QList<qint64> &rows, qint64 now);

    // This account's own settings of a chat, as the user set them here.
    protocol::Result<void> setSettings(qint64 chatId, bool pinned, bool archived,
                                       qint64 mutedUntil);
    // The settings another device of this account set (a chat:updated event); the chat.
    protocol::Result<std::optional<qint64>> applyUpdate(const InboundChatUpdate &update,
                                                        qint64 now);
    // "Delete chat" on this device: its history goes, except what waits in the outbox.
    protocol::Result<void> deleteHistory(qint64 chatId);

private:
    // The chat matching `condition` (a fixed SQL condition with one '?' for `value`).
    protocol::Result<std::optional<qint64>> chatWhere(const QString &condition,
                                                      const QString &value);
    protocol::Result<void> clearHistory(qint64 chatId);

    sql::Database &m_db;
};

} // namespace parley::store
