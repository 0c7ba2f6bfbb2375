#include "server/storage/OtpStore.h"

#include "core/sql/Database.h"

namespace parley::server {

using protocol::Result;

namespace {

QVariant nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

} // namespace

OtpStore::OtpStore(sql::Database &db)
    : m_db(db)
{ }

Result<std::optional<OtpChallenge>> OtpStore::challenge(const QString &phoneNumber)
{
    auto query
        = m_db.exec(QStringLiteral("SELECT code_hash, expires_at, attempts, created_at, "
                                   "hour_started_at, sent_this_hour, pending_name, "
                                   "pending_email FROM otp_challenges WHERE phone_number = ?"),
                    {phoneNumber});
    if (!query)
        return query.error();
    QSqlQuery row = std::move(query).value();
    if (!row.next())
        return std::optional<OtpChallenge>();
    return std::optional<OtpChallenge>(
        OtpChallenge{phoneNumber, QByteArray::fromBase64(row.value(0).toString().toLatin1()),
                     row.value(1).toLongLong(), row.value(2).toInt(), row.value(3).toLongLong(),
                     row.value(4).toLongLong(), row.value(5).toInt(), row.value(6).toString(),
                     row.value(7).toString()});
}

Result<void> OtpStore::save(const OtpChallenge &c)
{
    // One upsert, so that a new code replaces the old one atomically on both backends.
    return m_db.run(
        QStringLiteral("INSERT INTO otp_challenges (phone_number, code_hash, expires_at, attempts, "
                       "created_at, hour_started_at, sent_this_hour, pending_name, pending_email) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (phone_number) DO UPDATE "
                       "SET code_hash = excluded.code_hash, expires_at = excluded.expires_at, "
                       "attempts = excluded.attempts, created_at = excluded.created_at, "
                       "hour_started_at = excluded.hour_started_at, "
                       "sent_this_hour = excluded.sent_this_hour, "
                       "pending_name = excluded.pending_name, "
                       "pending_email = excluded.pending_email"),
        {c.phoneNumber, QString::fromLatin1(c.codeHash.toBase64()), c.expiresAt, c.attempts,
         c.createdAt, c.hourStartedAt, c.sentThisHour, nullIfEmpty(c.pendingName),
         nullIfEmpty(c.pendingEmail)});
}

Result<void> OtpStore::countFailedAttempt(const QString &phoneNumber)
{
    return m_db.run(QStringLiteral("UPDATE otp_challenges SET attempts = attempts + 1 "
                                   "WHERE phone_number = ?"),
                    {phoneNumber});
}

Result<void> OtpStore::consume(const QString &phoneNumber)
{
    return m_db.run(QStringLiteral("UPDATE otp_challenges SET code_hash = '', expires_at = 0, "
                                   "pending_name = NULL, pending_email = NULL "
                                   "WHERE phone_number = ?"),
                    {phoneNumber});
}

Result<int> OtpStore::pruneFinished(qint64 nowMs, qint64 quietMs)
{
    auto query = m_db.exec(QStringLiteral("DELETE FROM otp_challenges WHERE expires_at < ? "
                                          "AND created_at < ? AND hour_started_at < ?"),
                           {nowMs, nowMs - quietMs, nowMs - quietMs});
    if (!query)
        return query.error();
    return query.value().numRowsAffected();
}

} // namespace parley::server
