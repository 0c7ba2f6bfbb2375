#pragma once

#include "core/protocol/Result.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace parley::sql {
class Database;
}

namespace parley::server {

// One issued refresh token, known only by its hash. Tokens descending from one login form a
// family; each is used once and replaced by the next (rotation).
struct RefreshTokenRecord
{
    QByteArray tokenHash;
    QString familyId;
    QString userId;
    QString deviceId;
    qint64 createdAt = 0;
    qint64 expiresAt = 0;
    qint64 usedAt = 0; // 0: not used yet
    qint64 revokedAt = 0; // 0: not revoked
    QByteArray successor; // the sealed pair this token's use answered; empty before
    bool graceUsed = false; // the one retry within the grace was taken
};

class RefreshTokenStore
{
public:
    explicit RefreshTokenStore(sql::Database &db);

    protocol::Result<void> insert(const RefreshTokenRecord &token);
    protocol::Result<std::optional<RefreshTokenRecord>> find(const QByteArray &tokenHash);
    // Marks the token used; false when another request used it first.
    protocol::Result<bool> markUsed(const QByteArray &tokenHash, qint64 nowMs);
    protocol::Result<void> revokeFamily(const QString &familyId, qint64 nowMs);
    protocol::Result<void> revokeDevice(const QString &deviceId, qint64 nowMs);
    protocol::Result<void> setSuccessor(const QByteArray &tokenHash, const QByteArray &sealed);
    // Takes the one retry of a lost answer; false when it was taken before.
    protocol::Result<bool> takeGrace(const QByteArray &tokenHash);
    // Forgets tokens that expired: they can no longer be used, and nothing descends from them.
    protocol::Result<int> pruneExpired(qint64 nowMs);

private:
    sql::Database &m_db;
};

} // namespace parley::server
