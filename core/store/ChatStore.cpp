#include "core/store/ChatStore.h"

#include "core/sql/Database.h"
#include "core/store/MessageRows.h"

#include <QSqlQuery>
#include <QVariant>

namespace parley::store {

using protocol::Error;
using protocol::Result;
using rows::inTransaction;
using rows::text;

namespace {

const QString DirectKind = QStringLiteral("direct");

const QString ChatColumns
    = QStringLiteral("c.id, c.peer_user_id, c.peer_phone, c.title, c.last_activity, "
                     "c.unread_count, c.pinned, c.archived, c.muted_until, c.server_id, "
                     "c.peer_about, c.card_fetched_at");
constexpr int ChatColumnCount = 12;

ChatSummary readChat(const QSqlQuery &q)
{
    ChatSummary c;
    c.id = q.value(0).toLongLong();
    c.peerUserId = q.value(1).toString();
    c.peerPhone = q.value(2).toString();
    c.title = q.value(3).toString();
    c.lastActivity = q.value(4).toLongLong();
    c.unreadCount = q.value(5).toInt();
    c.pinned = q.value(6).toInt() != 0;
    c.archived = q.value(7).toInt() != 0;
    c.mutedUntil = q.value(8).toLongLong();
    c.serverChatId = q.value(9).toString();
    c.peerAbout = q.value(10).toString();
    c.cardFetchedAt = q.value(11).toLongLong();
    if (!q.value(ChatColumnCount).isNull())
        c.lastMessage = rows::readMessage(q, ChatColumnCount);
    return c;
}

// The newest message of each chat comes with it (for the preview and the ticks).
QString chatQuery(const QString &where)
{
    return QStringLiteral("SELECT ") + ChatColumns + QStringLiteral(", ") + rows::MessageColumns
        + QStringLiteral(" FROM chats c LEFT JOIN messages m ON m.id = "
                         "(SELECT MAX(id) FROM messages WHERE chat_id = c.id AND ")
        + rows::Visible + QStringLiteral(") ") + where
        + QStringLiteral(" ORDER BY c.pinned DESC, c.last_activity DESC, c.id DESC");
}
} // namespace

ChatStore::ChatStore(sql::Database &db)
    : m_db(db)
{ }

Result<qint64> ChatStore::directChat(const QString &peerUserId, qint64 now)
{
    auto inserted = m_db.run(QStringLiteral("INSERT INTO chats (kind, peer_user_id, created_at, "
                                            "last_activity) VALUES (?, ?, ?, ?) "
                                            "ON CONFLICT (peer_user_id) DO NOTHING"),
                             {DirectKind, peerUserId, now, now});
    if (!inserted)
        return inserted.error();
    auto id = chatByPeer(peerUserId);
    if (!id)
        return id.error();
    return id.value().value_or(0);
}

Result<std::optional<qint64>> ChatStore::chatByPeer(const QString &peerUserId)
{
    return chatWhere(QStringLiteral("peer_user_id = ?"), peerUserId);
}

Result<std::optional<qint64>> ChatStore::chatByPhone(const QString &phone)
{
    return chatWhere(QStringLiteral("peer_phone = ?"), phone);
}

Result<std::optional<qint64>> ChatStore::chatWhere(const QString &condition, const QString &value)
{
    auto q = m_db.exec(QStringLiteral("SELECT id FROM chats WHERE ") + condition, {value});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<qint64>();
    return std::optional<qint64>(q->value(0).toLongLong());
}

Result<std::optional<qint64>> ChatStore::chatByServerId(const QString &serverChatId)
{
    return chatWhere(QStringLiteral("server_id = ?"), serverChatId);
}

Result<void> ChatStore::nameIfUnnamed(qint64 chatId, const QString &serverChatId)
{
    return m_db.runCached(QStringLiteral("UPDATE chats SET server_id = ? WHERE id = ? AND "
                                         "server_id IS NULL"),
                          {serverChatId, chatId});
}

Result<std::optional<qint64>> ChatStore::setPeerCard(const PeerCard &card, qint64 now)
{
    // Only for a chat that exists: a card read for a search result makes no chat.
    auto chatId = chatByPeer(card.userId);
    if (!chatId || !chatId.value())
        return chatId;
    // A number once known stays known: a card read before the chat existed has none.
    if (auto saved = m_db.run(QStringLiteral("UPDATE chats SET title = ?, peer_about = ?, "
                                             "peer_phone = COALESCE(?, peer_phone), "
                                             "card_fetched_at = ? WHERE id = ?"),
                              {text(card.displayName), text(card.about),
                               card.phoneNumber.isEmpty() ? QVariant() : QVariant(card.phoneNumber),
                               now, *chatId.value()});
        !saved)
        return saved.error();
    return chatId;
}

Result<qint64> ChatStore::openWith(const PeerCard &card, qint64 now)
{
    return inTransaction(m_db, [&]() -> Result<qint64> {
        auto chatId = directChat(card.userId, now);
        if (!chatId)
            return chatId;
        if (auto saved = setPeerCard(card, now); !saved)
            return saved.error();
        return chatId;
    });
}

Result<QStringList> ChatStore::peersWithOldCards(qint64 before, int limit)
{
    auto q = m_db.exec(QStringLiteral("SELECT peer_user_id FROM chats WHERE peer_user_id IS NOT "
                                      "NULL AND card_fetched_at < ? ORDER BY last_activity DESC "
                                      "LIMIT ?"),
                       {before, limit});
    if (!q)
        return q.error();
    QStringList peers;
    while (q->next())
        peers.append(q->value(0).toString());
    return peers;
}

Result<void> ChatStore::setPeerPhone(const QString &peerUserId, const QString &phone)
{
    return m_db.run(QStringLiteral("UPDATE chats SET peer_phone = ? WHERE peer_user_id = ?"),
                    {phone, peerUserId});
}

Result<qint64> ChatStore::rememberPeer(const QString &peerUserId, const QString &phone, qint64 now)
{
    return inTransaction(m_db, [&]() -> Result<qint64> {
        auto chatId = directChat(peerUserId, now);
        if (!chatId)
            return chatId;
        if (auto saved = setPeerPhone(peerUserId, phone); !saved)
            return saved.error();
        return chatId;
    });
}

Result<QString> ChatStore::peerByPhone(const QString &phone)
{
    auto q
        = m_db.exec(QStringLiteral("SELECT peer_user_id FROM chats WHERE peer_phone = ?"), {phone});
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toString() : QString();
}

Result<QString> ChatStore::serverChatId(const QString &peerUserId)
{
    auto q = m_db.exec(QStringLiteral("SELECT server_id FROM chats WHERE peer_user_id = ?"),
                       {peerUserId});
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toString() : QString();
}

Result<qint64> ChatStore::setServerChatId(const QString &peerUserId, const QString &serverChatId,
                                          qint64 now)
{
    return inTransaction(m_db, [&]() -> Result<qint64> {
        auto chatId = directChat(peerUserId, now);
        if (!chatId)
            return chatId;
        if (auto saved = m_db.run(QStringLiteral("UPDATE chats SET server_id = ? WHERE id = ?"),
                                  {serverChatId, chatId.value()});
            !saved)
            return saved.error();
        return chatId;
    });
}

Result<QString> ChatStore::peerOfChat(qint64 chatId)
{
    auto q = m_db.exec(QStringLiteral("SELECT peer_user_id FROM chats WHERE id = ?"), {chatId});
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toString() : QString();
}

Result<QList<ChatSummary>> ChatStore::chats()
{
    auto q = m_db.exec(chatQuery({}));
    if (!q)
        return q.error();
    QList<ChatSummary> chats;
    while (q->next())
        chats.append(readChat(q.value()));
    return chats;
}

Result<std::optional<ChatSummary>> ChatStore::chat(qint64 chatId)
{
    auto q = m_db.exec(chatQuery(QStringLiteral("WHERE c.id = ?")), {chatId});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<ChatSummary>();
    return std::optional<ChatSummary>(readChat(q.value()));
}

Result<void> ChatStore::touch(qint64 chatId, qint64 at, int unread)
{
    return m_db.runCached(QStringLiteral("UPDATE chats SET last_activity = MAX(last_activity, ?), "
                                         "unread_count = unread_count + ? WHERE id = ?"),
                          {at, unread, chatId});
}

Result<void> ChatStore::markRead(qint64 chatId)
{
    return m_db.run(QStringLiteral("UPDATE chats SET unread_count = 0 WHERE id = ?"), {chatId});
}

Result<void> ChatStore::markMessagesRead(qint64 chatId)
{
    return inTransaction(m_db, [&]() -> Result<void> {
        if (auto marked = m_db.run(QStringLiteral("UPDATE messages SET read_at = -1 WHERE "
                                                  "chat_id = ? AND outgoing = 0 AND read_at = 0 "
                                                  "AND kind IN ('text', 'undecryptable')"),
                                   {chatId});
            !marked)
            return marked;
        return markRead(chatId);
    });
}

Result<QList<PendingRead>> ChatStore::pendingReads(int limit)
{
    auto q = m_db.exec(QStringLiteral("SELECT id, message_id, sender_user_id FROM messages "
                                      "WHERE read_at = -1 ORDER BY id LIMIT ?"),
                       {limit});
    if (!q)
        return q.error();
    QList<PendingRead> pending;
    while (q->next())
        pending.append(
            {q->value(0).toLongLong(), {q->value(1).toString(), q->value(2).toString()}});
    return pending;
}

Result<void> ChatStore::confirmReads(const QList<qint64> &rows, qint64 now)
{
    return inTransaction(m_db, [&]() -> Result<void> {
        for (const qint64 row : rows) {
            if (auto confirmed = m_db.runCached(
                    QStringLiteral("UPDATE messages SET read_at = ? WHERE id = ? AND read_at = -1"),
                    {now, row});
                !confirmed)
                return confirmed;
        }
        return {};
    });
}

Result<void> ChatStore::setSettings(qint64 chatId, bool pinned, bool archived, qint64 mutedUntil)
{
    return m_db.run(QStringLiteral("UPDATE chats SET pinned = ?, archived = ?, muted_until = ? "
                                   "WHERE id = ?"),
                    {pinned, archived, mutedUntil, chatId});
}

Result<std::optional<qint64>> ChatStore::applyUpdate(const InboundChatUpdate &update, qint64 now)
{
    auto chatId = directChat(update.peerUserId, now);
    if (!chatId)
        return chatId.error();
    if (auto named = nameIfUnnamed(chatId.value(), update.serverChatId); !named)
        return named.error();
    if (auto set = m_db.run(QStringLiteral("UPDATE chats SET pinned = ?, archived = ?, "
                                           "muted_until = ? WHERE id = ?"),
                            {update.pinned, update.archived, update.mutedUntil, chatId.value()});
        !set)
        return set.error();
    if (update.readAll || update.removed) {
        if (auto read = markRead(chatId.value()); !read)
            return read.error();
    }
    if (update.removed) {
        if (auto cleared = clearHistory(chatId.value()); !cleared)
            return cleared.error();
    }
    return std::optional<qint64>(chatId.value());
}

Result<void> ChatStore::deleteHistory(qint64 chatId)
{
    return inTransaction(m_db, [&]() -> Result<void> {
        if (auto cleared = clearHistory(chatId); !cleared)
            return cleared;
        return markRead(chatId);
    });
}

Result<void> ChatStore::clearHistory(qint64 chatId)
{
    // What still waits in the outbox stays: it is sent, and shows again.
    const QString gone = QStringLiteral("SELECT id FROM messages WHERE chat_id = ? AND id NOT IN "
                                        "(SELECT message_row FROM outbox)");
    for (const QString &sql :
         {QStringLiteral("DELETE FROM messages_fts WHERE rowid IN (%1)").arg(gone),
          QStringLiteral("DELETE FROM reactions WHERE message_row IN (%1)").arg(gone),
          QStringLiteral("DELETE FROM receipts WHERE message_row IN (%1)").arg(gone),
          QStringLiteral("DELETE FROM messages WHERE id IN (%1)").arg(gone)}) {
        if (auto done = m_db.run(sql, {chatId}); !done)
            return done;
    }
    return {};
}

} // namespace parley::store
