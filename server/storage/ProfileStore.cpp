#include "server/storage/ProfileStore.h"

#include "core/protocol/UserPayloads.h"
#include "core/sql/Database.h"

#include <QDebug>
#include <QSqlRecord>

namespace parley::server {

using protocol::Error;
using protocol::ErrorCode;
using protocol::Result;

namespace {

const QString ProfileColumns = QStringLiteral(
    "SELECT id, phone_number, display_name, about, avatar_media_id, email, share_last_seen, "
    "send_read_receipts, last_seen_at FROM users ");

std::optional<QString> optionalText(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<QString>(value.toString());
}

ProfileRecord readProfile(const QSqlQuery &row)
{
    ProfileRecord profile;
    profile.id = row.value(0).toString();
    profile.phoneNumber = row.value(1).toString();
    profile.displayName = row.value(2).toString();
    profile.about = row.value(3).toString();
    profile.avatarMediaId = optionalText(row.value(4));
    profile.email = optionalText(row.value(5));
    profile.shareLastSeen = row.value(6).toInt() != 0;
    profile.sendReadReceipts = row.value(7).toInt() != 0;
    if (!row.value(8).isNull())
        profile.lastSeenAt = row.value(8).toLongLong();
    return profile;
}

Result<std::optional<ProfileRecord>> firstProfile(Result<QSqlQuery> query)
{
    if (!query)
        return query.error();
    QSqlQuery rows = std::move(query).value();
    if (!rows.next())
        return std::optional<ProfileRecord>();
    return std::optional<ProfileRecord>(readProfile(rows));
}

// '!' rather than '\' as the escape character: it needs no escaping in SQL string literals on
// either backend.
QString likePrefixPattern(const QString &prefix)
{
    QString pattern;
    pattern.reserve(prefix.size() + 8);
    for (const QChar c : prefix) {
        if (c == u'!' || c == u'%' || c == u'_')
            pattern += u'!';
        pattern += c;
    }
    return pattern + u'%';
}

const Error StorageError{ErrorCode::InternalError, QStringLiteral("storage error")};

} // namespace

ProfileStore::ProfileStore(sql::Database &db)
    : m_db(db)
{ }

Result<void> ProfileStore::prepare()
{
    auto filled = fillPhoneHashes();
    if (!filled)
        return filled.error();
    return {};
}

Result<std::optional<ProfileRecord>> ProfileStore::profile(const QString &userId)
{
    return firstProfile(m_db.exec(ProfileColumns + QStringLiteral("WHERE id = ?"), {userId}));
}

Result<std::optional<ProfileRecord>> ProfileStore::profileByPhone(const QString &phoneNumber)
{
    return firstProfile(
        m_db.exec(ProfileColumns + QStringLiteral("WHERE phone_number = ?"), {phoneNumber}));
}

Result<void> ProfileStore::update(const QString &userId, const ProfileChanges &changes)
{
    sql::Transaction transaction(m_db);
    if (!transaction.ok())
        return StorageError;
    auto set = [&](const char *column, const QVariant &value) -> bool {
        return bool(m_db.exec(
            QStringLiteral("UPDATE users SET %1 = ? WHERE id = ?").arg(QLatin1String(column)),
            {value, userId}));
    };
    const QVariant noText(QMetaType::fromType<QString>());
    bool ok = true;
    if (changes.displayName)
        ok = ok && set("display_name", *changes.displayName);
    if (changes.about)
        ok = ok && set("about", *changes.about);
    if (changes.avatarMediaId) {
        ok = ok
            && set("avatar_media_id",
                   changes.avatarMediaId->isEmpty() ? noText : QVariant(*changes.avatarMediaId));
    }
    if (changes.shareLastSeen)
        ok = ok && set("share_last_seen", int(*changes.shareLastSeen));
    if (changes.sendReadReceipts)
        ok = ok && set("send_read_receipts", int(*changes.sendReadReceipts));
    if (!ok || !transaction.commit())
        return StorageError;
    return {};
}

Result<QList<NameMatch>> ProfileStore::searchByNamePrefix(const QString &prefix,
                                                          const QString &excludedUserId,
                                                          const NamePosition &after, int limit)
{
    // Keyset paging on (lower(display_name), id): stable under inserts, and each page costs
    // the same. Both sides go through the same lower(), so they fold alike on each backend
    // (SQLite folds ASCII only; PostgreSQL all letters).
    auto query = m_db.exec(
        QStringLiteral("SELECT id, display_name, avatar_media_id, lower(display_name) FROM users "
                       "WHERE lower(display_name) LIKE lower(CAST(? AS TEXT)) ESCAPE '!' "
                       "AND id <> ? "
                       "AND (? = 0 OR lower(display_name) > ? "
                       "OR (lower(display_name) = ? AND id > ?)) "
                       "ORDER BY lower(display_name), id LIMIT ?"),
        {likePrefixPattern(prefix), excludedUserId, int(!after.userId.isEmpty()), after.nameKey,
         after.nameKey, after.userId, limit});
    if (!query)
        return query.error();
    QSqlQuery rows = std::move(query).value();
    QList<NameMatch> matches;
    while (rows.next()) {
        matches.append({rows.value(0).toString(), rows.value(1).toString(),
                        optionalText(rows.value(2)),
                        NamePosition{rows.value(3).toString(), rows.value(0).toString()}});
    }
    return matches;
}

Result<QList<PhoneHashMatch>> ProfileStore::usersByPhoneHash(const QStringList &hashes)
{
    // One indexed lookup per hash: Database::exec binds a fixed list, and a batch is at most
    // limits::MaxContactHashes.
    QList<PhoneHashMatch> matches;
    for (const QString &hash : hashes) {
        auto query = m_db.exec(
            QStringLiteral("SELECT id, display_name FROM users WHERE phone_hash = ?"), {hash});
        if (!query)
            return query.error();
        QSqlQuery rows = std::move(query).value();
        if (rows.next())
            matches.append({hash, rows.value(0).toString(), rows.value(1).toString()});
    }
    return matches;
}

Result<int> ProfileStore::fillPhoneHashes()
{
    auto query
        = m_db.exec(QStringLiteral("SELECT id, phone_number FROM users WHERE phone_hash IS NULL"));
    if (!query)
        return query.error();
    QSqlQuery rows = std::move(query).value();
    QList<std::pair<QString, QString>> missing;
    while (rows.next())
        missing.append({rows.value(0).toString(), rows.value(1).toString()});
    if (missing.isEmpty())
        return 0;
    sql::Transaction transaction(m_db);
    if (!transaction.ok())
        return StorageError;
    for (const auto &[userId, phoneNumber] : missing) {
        if (!m_db.exec(QStringLiteral("UPDATE users SET phone_hash = ? WHERE id = ?"),
                       {protocol::contactHash(phoneNumber), userId}))
            return StorageError;
    }
    if (!transaction.commit())
        return StorageError;
    return int(missing.size());
}

Result<void> ProfileStore::setLastSeen(const QString &userId, qint64 atMs)
{
    auto updated = m_db.exec(QStringLiteral("UPDATE users SET last_seen_at = ? WHERE id = ?"),
                             {atMs, userId});
    if (!updated)
        return updated.error();
    return {};
}

} // namespace parley::server
