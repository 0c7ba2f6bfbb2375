#include "server/storage/RefreshTokenStore.h"

#include "core/sql/Database.h"

#include <QSqlError>

namespace parley::server {

using protocol::Result;

namespace {

QString encoded(const QByteArray &hash)
{
    return QString::fromLatin1(hash.toBase64());
}

} // namespace

RefreshTokenStore::RefreshTokenStore(sql::Database &db)
    : m_db(db)
{ }

Result<void> RefreshTokenStore::insert(const RefreshTokenRecord &t)
{
    return m_db.run(
        QStringLiteral("INSERT INTO refresh_tokens (token_hash, family_id, "
                       "user_id, device_id, created_at, expires_at) "
                       "VALUES (?, ?, ?, ?, ?, ?)"),
        {encoded(t.tokenHash), t.familyId, t.userId, t.deviceId, t.createdAt, t.expiresAt});
}

Result<std::optional<RefreshTokenRecord>> RefreshTokenStore::find(const QByteArray &tokenHash)
{
    auto query = m_db.exec(QStringLiteral("SELECT family_id, user_id, device_id, created_at, "
                                          "expires_at, used_at, revoked_at, successor, "
                                          "grace_used FROM refresh_tokens WHERE token_hash = ?"),
                           {encoded(tokenHash)});
    if (!query)
        return query.error();
    QSqlQuery row = std::move(query).value();
    if (!row.next()) {
        if (row.lastError().isValid())
            return protocol::Error{protocol::ErrorCode::InternalError,
                                   QStringLiteral("storage error")};
        return std::optional<RefreshTokenRecord>();
    }
    return std::optional<RefreshTokenRecord>(RefreshTokenRecord{
        tokenHash, row.value(0).toString(), row.value(1).toString(), row.value(2).toString(),
        row.value(3).toLongLong(), row.value(4).toLongLong(), row.value(5).toLongLong(),
        row.value(6).toLongLong(), QByteArray::fromBase64(row.value(7).toString().toLatin1()),
        row.value(8).toInt() != 0});
}

Result<bool> RefreshTokenStore::markUsed(const QByteArray &tokenHash, qint64 nowMs)
{
    auto query = m_db.exec(QStringLiteral("UPDATE refresh_tokens SET used_at = ? "
                                          "WHERE token_hash = ? AND used_at IS NULL"),
                           {nowMs, encoded(tokenHash)});
    if (!query)
        return query.error();
    return query.value().numRowsAffected() == 1;
}

Result<void> RefreshTokenStore::revokeFamily(const QString &familyId, qint64 nowMs)
{
    return m_db.run(QStringLiteral("UPDATE refresh_tokens SET revoked_at = ? "
                                   "WHERE family_id = ? AND revoked_at IS NULL"),
                    {nowMs, familyId});
}

Result<void> RefreshTokenStore::setSuccessor(const QByteArray &tokenHash, const QByteArray &sealed)
{
    return m_db.run(QStringLiteral("UPDATE refresh_tokens SET successor = ? WHERE token_hash = ?"),
                    {QString::fromLatin1(sealed.toBase64()), encoded(tokenHash)});
}

Result<bool> RefreshTokenStore::takeGrace(const QByteArray &tokenHash)
{
    auto query = m_db.exec(QStringLiteral("UPDATE refresh_tokens SET grace_used = 1 "
                                          "WHERE token_hash = ? AND grace_used = 0"),
                           {encoded(tokenHash)});
    if (!query)
        return query.error();
    return query.value().numRowsAffected() == 1;
}

Result<int> RefreshTokenStore::pruneExpired(qint64 nowMs)
{
    auto query
        = m_db.exec(QStringLiteral("DELETE FROM refresh_tokens WHERE expires_at < ?"), {nowMs});
    if (!query)
        return query.error();
    return query.value().numRowsAffected();
}

Result<void> RefreshTokenStore::revokeDevice(const QString &deviceId, qint64 nowMs)
{
    return m_db.run(QStringLiteral("UPDATE refresh_tokens SET revoked_at = ? "
                                   "WHERE device_id = ? AND revoked_at IS NULL"),
                    {nowMs, deviceId});
}

} // namespace parley::server
