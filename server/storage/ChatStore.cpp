#include "server/storage/ChatStore.h"

#include "core/sql/Database.h"

#include <QSet>
#include <QSqlError>
#include <QUuid>

namespace parley::server {

using namespace protocol;

namespace {

Error storageError()
{
    return Error{ErrorCode::InternalError, QStringLiteral("storage error")};
}

// A result loop that ended on an error is a storage error, never a short answer.
bool endedCleanly(const QSqlQuery &rows)
{
    return !rows.lastError().isValid();
}

// The columns view() and chatsOf() read, in this order, for member m of chat c.
const char ChatColumns[]
    = "c.id, c.type, c.created_at, c.last_message_at, m.read_up_to, m.muted_until, m.archived,"
      " m.pinned,"
      " COALESCE((SELECT o.user_id FROM chat_members o WHERE o.chat_id = c.id"
      " AND o.user_id <> m.user_id), m.user_id),"
      " (SELECT COUNT(*) FROM messages x WHERE x.chat_id = c.id AND x.sender_user_id <> m.user_id"
      " AND x.silent = 0 AND x.deleted_at IS NULL AND x.server_time > m.read_up_to"
      " AND x.server_time > m.cleared_at)";

ChatInfo chatFromRow(const QSqlQuery &row)
{
    ChatInfo chat;
    chat.chatId = row.value(0).toString();
    chat.type = row.value(1).toString();
    chat.createdAt = row.value(2).toLongLong();
    chat.lastActivity = row.value(3).toLongLong();
    chat.readUpTo = row.value(4).toLongLong();
    chat.mutedUntil = row.value(5).toLongLong();
    chat.archived = row.value(6).toInt() != 0;
    chat.pinned = row.value(7).toInt() != 0;
    chat.peerUserId = row.value(8).toString();
    chat.unreadCount = int(qMin(row.value(9).toLongLong(), qint64(ChatInfo::MaxUnreadCount)));
    return chat;
}

} // namespace

ChatStore::ChatStore(sql::Database &db)
    : m_db(db)
{ }

Result<ChatRecord> ChatStore::openDirect(const QString &userId, const QString &otherUserId,
                                         qint64 now)
{
    const QString first = qMin(userId, otherUserId);
    const QString second = qMax(userId, otherUserId);
    const QString key = first + u' ' + second;
    sql::Transaction transaction(m_db);
    if (!transaction.ok())
        return storageError();
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto created = m_db.exec(QStringLiteral("INSERT INTO chats (id, type, direct_key, created_at,"
                                            " last_message_at) VALUES (?, ?, ?, ?, ?)"
                                            " ON CONFLICT (direct_key) DO NOTHING"),
                             {id, QLatin1String(DirectChat), key, now, now});
    if (!created)
        return storageError();
    if (created->numRowsAffected() > 0) {
        for (const QString &member : QSet<QString>{first, second}) {
            if (!m_db.run(QStringLiteral("INSERT INTO chat_members (chat_id, user_id, joined_at)"
                                         " VALUES (?, ?, ?)"),
                          {id, member, now}))
                return storageError();
        }
    }
    auto found
        = m_db.exec(QStringLiteral("SELECT id, created_at FROM chats WHERE direct_key = ?"), {key});
    if (!found || !found->next())
        return storageError();
    ChatRecord chat{found->value(0).toString(),
                    QLatin1String(DirectChat),
                    found->value(1).toLongLong(),
                    {first}};
    if (second != first)
        chat.memberIds.append(second);
    found->finish();
    if (!transaction.commit())
        return storageError();
    return chat;
}

Result<std::optional<ChatRecord>> ChatStore::chat(const QString &chatId)
{
    auto rows = m_db.execCached(
        QStringLiteral(
            "SELECT c.type, c.created_at, m.user_id FROM chats c"
            " JOIN chat_members m ON m.chat_id = c.id WHERE c.id = ? ORDER BY m.user_id"),
        {chatId});
    if (!rows)
        return rows.error();
    QSqlQuery &query = *rows.value();
    std::optional<ChatRecord> chat;
    while (query.next()) {
        if (!chat)
            chat = ChatRecord{chatId, query.value(0).toString(), query.value(1).toLongLong(), {}};
        chat->memberIds.append(query.value(2).toString());
    }
    if (!endedCleanly(query))
        return storageError();
    return chat;
}

Result<std::optional<ChatInfo>> ChatStore::view(const QString &chatId, const QString &userId)
{
    auto rows = m_db.exec(QStringLiteral("SELECT %1 FROM chats c JOIN chat_members m"
                                         " ON m.chat_id = c.id WHERE c.id = ? AND m.user_id = ?")
                              .arg(QLatin1String(ChatColumns)),
                          {chatId, userId});
    if (!rows)
        return rows.error();
    if (!rows->next())
        return endedCleanly(rows.value()) ? Result<std::optional<ChatInfo>>(std::nullopt)
                                          : Result<std::optional<ChatInfo>>(storageError());
    return std::optional<ChatInfo>(chatFromRow(rows.value()));
}

Result<QList<ChatInfo>> ChatStore::chatsOf(const QString &userId,
                                           const std::optional<ChatPosition> &after, int limit)
{
    QString sql = QStringLiteral("SELECT %1 FROM chat_members m JOIN chats c ON c.id = m.chat_id"
                                 " WHERE m.user_id = ? AND m.hidden = 0")
                      .arg(QLatin1String(ChatColumns));
    QVariantList values{userId};
    if (after) {
        sql += QLatin1String(
            " AND (c.last_message_at < ? OR (c.last_message_at = ? AND c.id < ?))");
        values << after->lastActivity << after->lastActivity << after->chatId;
    }
    sql += QLatin1String(" ORDER BY c.last_message_at DESC, c.id DESC LIMIT ?");
    values << limit;
    auto rows = m_db.exec(sql, values);
    if (!rows)
        return rows.error();
    QList<ChatInfo> chats;
    while (rows->next())
        chats.append(chatFromRow(rows.value()));
    if (!endedCleanly(rows.value()))
        return storageError();
    return chats;
}

Result<void> ChatStore::updateSettings(const QString &chatId, const QString &userId,
                                       const ChatSettingsUpdate &update)
{
    // Absent fields keep their value: COALESCE with a NULL binding.
    const auto optional
        = [](const auto &value) { return value ? QVariant(qint64(*value)) : QVariant(); };
    return m_db.run(QStringLiteral("UPDATE chat_members SET"
                                   " muted_until = COALESCE(?, muted_until),"
                                   " archived = COALESCE(?, archived),"
                                   " pinned = COALESCE(?, pinned)"
                                   " WHERE chat_id = ? AND user_id = ?"),
                    {optional(update.mutedUntil), optional(update.archived),
                     optional(update.pinned), chatId, userId});
}

Result<void> ChatStore::clearFor(const QString &chatId, const QString &userId, qint64 now)
{
    return m_db.run(QStringLiteral("UPDATE chat_members SET hidden = 1, cleared_at = ?,"
                                   " pinned = 0, archived = 0 WHERE chat_id = ? AND user_id = ?"),
                    {now, chatId, userId});
}

Result<qint64> ChatStore::memberValue(const QString &chatId, const QString &userId,
                                      const char *column)
{
    auto rows = m_db.exec(QStringLiteral("SELECT %1 FROM chat_members"
                                         " WHERE chat_id = ? AND user_id = ?")
                              .arg(QLatin1String(column)),
                          {chatId, userId});
    if (!rows)
        return rows.error();
    if (!rows->next())
        return storageError();
    return rows->value(0).toLongLong();
}

Result<qint64> ChatStore::clearedAt(const QString &chatId, const QString &userId)
{
    return memberValue(chatId, userId, "cleared_at");
}

Result<bool> ChatStore::isHidden(const QString &chatId, const QString &userId)
{
    auto hidden = memberValue(chatId, userId, "hidden");
    if (!hidden)
        return hidden.error();
    return hidden.value() != 0;
}

Result<void> ChatStore::show(const QString &chatId, const QString &userId)
{
    return m_db.run(
        QStringLiteral("UPDATE chat_members SET hidden = 0 WHERE chat_id = ? AND user_id = ?"),
        {chatId, userId});
}

Result<void> ChatStore::messageAdded(const QString &chatId, qint64 serverTime)
{
    if (auto moved
        = m_db.runCached(QStringLiteral("UPDATE chats SET last_message_at = ? WHERE id = ?"
                                        " AND last_message_at < ?"),
                         {serverTime, chatId, serverTime});
        !moved)
        return moved;
    return m_db.runCached(
        QStringLiteral("UPDATE chat_members SET hidden = 0 WHERE chat_id = ? AND hidden = 1"),
        {chatId});
}

Result<bool> ChatStore::markRead(const QString &chatId, const QString &userId, qint64 serverTime)
{
    auto moved = m_db.execCached(QStringLiteral("UPDATE chat_members SET read_up_to = ?"
                                                " WHERE chat_id = ? AND user_id = ?"
                                                " AND read_up_to < ?"),
                                 {serverTime, chatId, userId, serverTime});
    if (!moved)
        return moved.error();
    return moved.value()->numRowsAffected() > 0;
}

Result<QStringList> ChatStore::partners(const QString &userId)
{
    auto rows = m_db.exec(QStringLiteral("SELECT DISTINCT o.user_id FROM chat_members m"
                                         " JOIN chat_members o ON o.chat_id = m.chat_id"
                                         " WHERE m.user_id = ? AND o.user_id <> ?"),
                          {userId, userId});
    if (!rows)
        return rows.error();
    QStringList users;
    while (rows->next())
        users.append(rows->value(0).toString());
    if (!endedCleanly(rows.value()))
        return storageError();
    return users;
}

Result<bool> ChatStore::shareChat(const QString &userId, const QString &otherUserId)
{
    if (userId == otherUserId)
        return true;
    auto rows = m_db.exec(QStringLiteral("SELECT 1 FROM chat_members m"
                                         " JOIN chat_members o ON o.chat_id = m.chat_id"
                                         " WHERE m.user_id = ? AND o.user_id = ? LIMIT 1"),
                          {userId, otherUserId});
    if (!rows)
        return rows.error();
    const bool shared = rows->next();
    if (!shared && !endedCleanly(rows.value()))
        return storageError();
    return shared;
}

} // namespace parley::server
