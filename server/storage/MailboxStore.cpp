#include "server/storage/MailboxStore.h"

#include "core/sql/Database.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlError>

#include <limits>

namespace parley::server {

using protocol::Error;
using protocol::ErrorCode;
using protocol::Result;

MailboxStore::MailboxStore(sql::Database &db)
    : m_db(db)
{ }

Result<std::optional<StoredMessage>> MailboxStore::message(const QString &senderUserId,
                                                           const QString &messageId)
{
    auto query = m_db.execCached(
        QStringLiteral("SELECT sender_device_id, recipient_user_id, server_time, chat_id, silent,"
                       " deleted_at FROM messages WHERE sender_user_id = ? AND message_id = ?"),
        {senderUserId, messageId});
    if (!query)
        return query.error();
    QSqlQuery &row = *query.value();
    if (!row.next()) {
        if (row.lastError().isValid())
            return Error{ErrorCode::InternalError, QStringLiteral("storage error")};
        return std::optional<StoredMessage>();
    }
    StoredMessage message{senderUserId,
                          messageId,
                          row.value(0).toString(),
                          row.value(1).toString(),
                          row.value(2).toLongLong(),
                          row.value(3).toString(),
                          row.value(4).toInt() != 0,
                          row.value(5).toLongLong()};
    row.finish();
    return std::optional<StoredMessage>(std::move(message));
}

Result<void> MailboxStore::insertMessage(const StoredMessage &message)
{
    return m_db.runCached(QStringLiteral("INSERT INTO messages (sender_user_id, message_id, "
                                         "sender_device_id, recipient_user_id, server_time, "
                                         "chat_id, silent) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                          {message.senderUserId, message.messageId, message.senderDeviceId,
                           message.recipientUserId, message.serverTime, message.chatId,
                           message.silent});
}

Result<qint64> MailboxStore::append(const QString &deviceId, const QString &type,
                                    const QJsonObject &data, const StoredMessage *message)
{
    // One statement takes the seq and moves the counter, so two server instances writing to
    // the same PostgreSQL can never hand out the same seq (the row lock orders them).
    auto counter = m_db.exec(QStringLiteral("UPDATE devices SET next_seq = next_seq + 1 "
                                            "WHERE id = ? RETURNING next_seq - 1"),
                             {deviceId});
    if (!counter)
        return counter.error();
    QSqlQuery row = std::move(counter).value();
    if (!row.next())
        return Error{ErrorCode::UnknownDevice, QStringLiteral("no device %1").arg(deviceId)};
    const qint64 seq = row.value(0).toLongLong();
    row.finish();
    const QString payload = QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact));
    auto inserted = m_db.exec(
        QStringLiteral("INSERT INTO mailbox (device_id, seq, type, payload, "
                       "message_sender, message_id, chat_id, created_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        {deviceId, seq, type, payload, message ? QVariant(message->senderUserId) : QVariant(),
         message ? QVariant(message->messageId) : QVariant(),
         message ? QVariant(message->chatId) : QVariant(), QDateTime::currentMSecsSinceEpoch()});
    if (!inserted)
        return inserted.error();
    return seq;
}

Result<bool> MailboxStore::isAddressedTo(const QString &deviceId, const QString &senderUserId,
                                         const QString &messageId)
{
    auto query = m_db.exec(QStringLiteral("SELECT 1 FROM mailbox WHERE device_id = ? AND "
                                          "message_sender = ? AND message_id = ?"),
                           {deviceId, senderUserId, messageId});
    if (!query)
        return query.error();
    QSqlQuery rows = std::move(query).value();
    return rows.next();
}

Result<QList<MailboxEvent>> MailboxStore::eventsAfter(const QString &deviceId, qint64 after,
                                                      int limit)
{
    auto query = m_db.exec(QStringLiteral("SELECT seq, type, payload FROM mailbox "
                                          "WHERE device_id = ? AND seq > ? ORDER BY seq LIMIT ?"),
                           {deviceId, after, limit});
    if (!query)
        return query.error();
    QSqlQuery rows = std::move(query).value();
    QList<MailboxEvent> events;
    while (rows.next()) {
        events.append({rows.value(0).toLongLong(), rows.value(1).toString(),
                       QJsonDocument::fromJson(rows.value(2).toString().toUtf8()).object()});
    }
    // A read that stopped on an error must not look like the end of the mailbox.
    if (rows.lastError().isValid())
        return Error{ErrorCode::InternalError, QStringLiteral("storage error")};
    return events;
}

Result<QList<MailboxEvent>> MailboxStore::chatHistory(const QString &deviceId,
                                                      const QString &chatId, qint64 beforeSeq,
                                                      qint64 since, int limit)
{
    auto query
        = m_db.exec(QStringLiteral("SELECT seq, type, payload FROM mailbox "
                                   "WHERE device_id = ? AND chat_id = ? AND seq < ? "
                                   "AND created_at > ? ORDER BY seq DESC LIMIT ?"),
                    {deviceId, chatId,
                     beforeSeq > 0 ? beforeSeq : std::numeric_limits<qint64>::max(), since, limit});
    if (!query)
        return query.error();
    QList<MailboxEvent> events;
    while (query->next()) {
        events.append({query->value(0).toLongLong(), query->value(1).toString(),
                       QJsonDocument::fromJson(query->value(2).toString().toUtf8()).object()});
    }
    if (query->lastError().isValid())
        return Error{ErrorCode::InternalError, QStringLiteral("storage error")};
    return events;
}

Result<void> MailboxStore::eraseMessage(const StoredMessage &message, const QStringList &userIds,
                                        const QString &tombstoneType, const QJsonObject &tombstone,
                                        qint64 at)
{
    if (auto marked = m_db.run(QStringLiteral("UPDATE messages SET deleted_at = ? "
                                              "WHERE sender_user_id = ? AND message_id = ?"),
                               {at, message.senderUserId, message.messageId});
        !marked)
        return marked;
    const QString payload
        = QString::fromUtf8(QJsonDocument(tombstone).toJson(QJsonDocument::Compact));
    for (const QString &userId : userIds) {
        // Every device the user ever had: a copy may wait for a device signed out since.
        if (auto erased
            = m_db.run(QStringLiteral("UPDATE mailbox SET type = ?, payload = ? "
                                      "WHERE device_id IN (SELECT id FROM devices "
                                      "WHERE user_id = ?) AND message_sender = ? "
                                      "AND message_id = ?"),
                       {tombstoneType, payload, userId, message.senderUserId, message.messageId});
            !erased)
            return erased;
    }
    return {};
}

Result<bool> MailboxStore::insertReceipt(const QString &senderUserId, const QString &messageId,
                                         const QString &deviceId, const QString &kind, qint64 at)
{
    auto query = m_db.exec(QStringLiteral("INSERT INTO receipts (sender_user_id, message_id, "
                                          "device_id, kind, at) VALUES (?, ?, ?, ?, ?) "
                                          "ON CONFLICT DO NOTHING"),
                           {senderUserId, messageId, deviceId, kind, at});
    if (!query)
        return query.error();
    return query.value().numRowsAffected() > 0;
}

Result<void> MailboxStore::noteHandled(const QString &deviceId, qint64 seq)
{
    return m_db.runCached(QStringLiteral("UPDATE devices SET synced_through = ? "
                                         "WHERE id = ? AND synced_through < ?"),
                          {seq, deviceId, seq});
}

Result<qint64> MailboxStore::prunedThrough(const QString &deviceId)
{
    auto query = m_db.execCached(QStringLiteral("SELECT pruned_through FROM devices WHERE id = ?"),
                                 {deviceId});
    if (!query)
        return query.error();
    QSqlQuery &row = *query.value();
    if (!row.next())
        return row.lastError().isValid()
            ? Result<qint64>(Error{ErrorCode::InternalError, QStringLiteral("storage error")})
            : Result<qint64>(qint64(0));
    const qint64 pruned = row.value(0).toLongLong();
    row.finish();
    return pruned;
}

namespace {

struct PruneTarget
{
    QString deviceId;
    qint64 upTo = 0; // events up to this seq may go
    qint64 prunedThrough = 0;
};

} // namespace

Result<int> MailboxStore::removeUpTo(const QString &deviceId, qint64 upTo)
{
    // The events and the device's mark go together: a sync never sees one without the other.
    sql::Transaction transaction(m_db);
    if (!transaction.ok())
        return Error{ErrorCode::InternalError, QStringLiteral("storage error")};
    auto deleted = m_db.exec(QStringLiteral("DELETE FROM mailbox WHERE device_id = ? AND seq <= ?"),
                             {deviceId, upTo});
    if (!deleted
        || !m_db.run(QStringLiteral("UPDATE devices SET pruned_through = ? WHERE id = ?"),
                     {upTo, deviceId})
        || !transaction.commit())
        return Error{ErrorCode::InternalError, QStringLiteral("storage error")};
    return deleted->numRowsAffected();
}

Result<int> MailboxStore::pruneRemovedDevices()
{
    auto rows = m_db.exec(QStringLiteral("SELECT id, next_seq - 1, pruned_through FROM devices "
                                         "WHERE revoked_at IS NOT NULL "
                                         "AND next_seq - 1 > pruned_through"));
    if (!rows)
        return rows.error();
    QList<PruneTarget> targets;
    while (rows->next())
        targets.append(
            {rows->value(0).toString(), rows->value(1).toLongLong(), rows->value(2).toLongLong()});
    if (rows->lastError().isValid())
        return Error{ErrorCode::InternalError, QStringLiteral("storage error")};
    int removed = 0;
    for (const PruneTarget &target : targets) {
        auto deleted = removeUpTo(target.deviceId, target.upTo);
        if (!deleted)
            return deleted.error();
        removed += deleted.value();
    }
    return removed;
}

Result<MailboxStore::Pruned> MailboxStore::prune(qint64 cutoff)
{
    Pruned pruned;
    auto removed = pruneRemovedDevices();
    if (!removed)
        return removed.error();
    pruned.events = removed.value();
    // Per device, the handled events older than the cutoff are a prefix of its mailbox: seqs
    // grow with time.
    auto rows = m_db.exec(QStringLiteral("SELECT d.id, (SELECT MAX(m.seq) FROM mailbox m "
                                         "WHERE m.device_id = d.id AND m.seq <= d.synced_through "
                                         "AND m.created_at < ?), d.pruned_through FROM devices d "
                                         "WHERE d.revoked_at IS NULL "
                                         "AND d.synced_through > d.pruned_through"),
                          {cutoff});
    if (!rows)
        return rows.error();
    QList<PruneTarget> targets;
    while (rows->next()) {
        const qint64 upTo = rows->value(1).toLongLong();
        if (upTo > rows->value(2).toLongLong())
            targets.append({rows->value(0).toString(), upTo, rows->value(2).toLongLong()});
    }
    if (rows->lastError().isValid())
        return Error{ErrorCode::InternalError, QStringLiteral("storage error")};
    for (const PruneTarget &target : targets) {
        auto deleted = removeUpTo(target.deviceId, target.upTo);
        if (!deleted)
            return deleted.error();
        pruned.events += deleted.value();
    }
    auto messages
        = m_db.exec(QStringLiteral("DELETE FROM messages WHERE server_time < ?"), {cutoff});
    auto receipts = m_db.exec(QStringLiteral("DELETE FROM receipts WHERE at < ?"), {cutoff});
    if (!messages || !receipts)
        return Error{ErrorCode::InternalError, QStringLiteral("storage error")};
    pruned.messages = messages->numRowsAffected();
    pruned.receipts = receipts->numRowsAffected();
    return pruned;
}

} // namespace parley::server
