#pragma once

#include "core/protocol/ChatPayloads.h"
#include "core/protocol/Result.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace parley::sql {
class Database;
}

namespace parley::server {

struct ChatRecord
{
    QString id;
    QString type;
    qint64 createdAt = 0;
    QStringList memberIds; // sorted
};

// Where a page of GET /chats ends: the last (lastActivity, chatId) it showed.
struct ChatPosition
{
    qint64 lastActivity = 0;
    QString chatId;
};

// Chats and their members (docs/protocol.md 4.19-4.25): shared facts in `chats`, each member's
// own settings, read marker and "deleted for me" in `chat_members`. Unread counts are computed
// from the messages table, so they never drift from what was sent.
class ChatStore
{
public:
    explicit ChatStore(sql::Database &db);

    // The direct chat of two users (or of one user with themself), created on first use. One
    // per pair, also when two requests race: the unique direct_key decides.
    protocol::Result<ChatRecord> openDirect(const QString &userId, const QString &otherUserId,
                                            qint64 now);
    protocol::Result<std::optional<ChatRecord>> chat(const QString &chatId);
    // The chat as this user sees it; nothing when it does not exist or the user is no member.
    protocol::Result<std::optional<protocol::ChatInfo>> view(const QString &chatId,
                                                             const QString &userId);
    // The user's chats that are not deleted for them, newest activity first.
    protocol::Result<QList<protocol::ChatInfo>>
    chatsOf(const QString &userId, const std::optional<ChatPosition> &after, int limit);
    protocol::Result<void> updateSettings(const QString &chatId, const QString &userId,
                                          const protocol::ChatSettingsUpdate &update);
    // "Delete chat" for one member: hidden from their list, history before `now` hidden from
    // GET .../messages; the chat comes back, empty, with the next message.
    protocol::Result<void> clearFor(const QString &chatId, const QString &userId, qint64 now);
    // When the user last deleted the chat for themself (0: never).
    protocol::Result<qint64> clearedAt(const QString &chatId, const QString &userId);
    // Whether the chat is deleted for the user (hidden until the next message).
    protocol::Result<bool> isHidden(const QString &chatId, const QString &userId);
    protocol::Result<void> show(const QString &chatId, const QString &userId);
    // A message that counts arrived: the chat's activity moves and it shows again for everyone.
    protocol::Result<void> messageAdded(const QString &chatId, qint64 serverTime);
    // Moves the user's read marker forward; false when it was already there or later.
    protocol::Result<bool> markRead(const QString &chatId, const QString &userId,
                                    qint64 serverTime);
    // Everyone the user shares a chat with (presence goes to them).
    protocol::Result<QStringList> partners(const QString &userId);
    // Whether the two users are members of one chat (or are one user).
    protocol::Result<bool> shareChat(const QString &userId, const QString &otherUserId);

private:
    // One column of the user's membership row (a fixed column name, never input).
    protocol::Result<qint64> memberValue(const QString &chatId, const QString &userId,
                                         const char *column);

    sql::Database &m_db;
};

} // namespace parley::server
