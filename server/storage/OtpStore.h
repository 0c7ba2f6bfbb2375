#pragma once

#include "core/protocol/Result.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace parley::sql {
class Database;
}

namespace parley::server {

// The login code of one phone number and the counters that throttle sending. The row outlives
// a used code (its hash is cleared), so the hourly cap still counts after a successful login.
struct OtpChallenge
{
    QString phoneNumber;
    QByteArray codeHash; // empty: no code pending
    qint64 expiresAt = 0; // ms since the epoch
    int attempts = 0;
    qint64 createdAt = 0; // when the current code was sent
    qint64 hourStartedAt = 0;
    int sentThisHour = 0;
    QString pendingName; // from /auth/register, applied if the number is new
    QString pendingEmail;
};

class OtpStore
{
public:
    explicit OtpStore(sql::Database &db);

    protocol::Result<std::optional<OtpChallenge>> challenge(const QString &phoneNumber);
    protocol::Result<void> save(const OtpChallenge &challenge);
    protocol::Result<void> countFailedAttempt(const QString &phoneNumber);
    // Clears the code so it cannot be used again; the throttling counters stay.
    protocol::Result<void> consume(const QString &phoneNumber);
    // Forgets challenges that can no longer be verified and count for no hourly or resend
    // limit: used or expired, and sent more than `quietMs` ago.
    protocol::Result<int> pruneFinished(qint64 nowMs, qint64 quietMs);

private:
    sql::Database &m_db;
};

} // namespace parley::server
