#include "core/store/PeerKeyStore.h"

#include "core/sql/Database.h"

#include <QSqlQuery>

namespace parley::store {

using protocol::Result;

PeerKeyStore::PeerKeyStore(sql::Database &db)
    : m_db(db)
{ }

Result<PinnedDevices> PeerKeyStore::pin(const protocol::DeviceKeyList &fetched, qint64 now)
{
    PinnedDevices result;
    result.trusted.userId = fetched.userId;
    auto known = m_db.exec(QStringLiteral("SELECT 1 FROM peer_devices WHERE user_id = ? LIMIT 1"),
                           {fetched.userId});
    if (!known)
        return known.error();
    result.knownBefore = known->next();
    for (const protocol::DeviceKey &device : fetched.devices) {
        auto q = m_db.exec(QStringLiteral("SELECT public_key FROM peer_devices "
                                          "WHERE user_id = ? AND device_id = ?"),
                           {fetched.userId, device.deviceId});
        if (!q)
            return q.error();
        if (q->next()) {
            if (q->value(0).toByteArray() == device.publicKey)
                result.trusted.devices.append(device);
            else
                result.mismatches.append({fetched.userId, device.deviceId});
            continue;
        }
        auto pinned = m_db.run(QStringLiteral("INSERT INTO peer_devices (user_id, device_id, "
                                              "public_key, first_seen) VALUES (?, ?, ?, ?)"),
                               {fetched.userId, device.deviceId, device.publicKey, now});
        if (!pinned)
            return pinned.error();
        result.trusted.devices.append(device);
        result.added.append(device);
    }
    if (result.knownBefore && !result.added.isEmpty()) {
        auto cleared = clearVerified(fetched.userId);
        if (!cleared)
            return cleared.error();
        result.verificationCleared = cleared.value();
    }
    return result;
}

Result<std::optional<QString>> PeerKeyStore::verifiedNumber(const QString &userId)
{
    auto q = m_db.exec(QStringLiteral("SELECT safety_number FROM verified_peers WHERE user_id = ?"),
                       {userId});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<QString>();
    return std::optional<QString>(q->value(0).toString());
}

Result<void> PeerKeyStore::setVerified(const QString &userId, const QString &safetyNumber,
                                       qint64 now)
{
    return m_db.run(QStringLiteral("INSERT INTO verified_peers (user_id, safety_number, "
                                   "verified_at) VALUES (?, ?, ?) ON CONFLICT (user_id) DO "
                                   "UPDATE SET safety_number = excluded.safety_number, "
                                   "verified_at = excluded.verified_at"),
                    {userId, safetyNumber, now});
}

Result<QSet<QString>> PeerKeyStore::verifiedPeers()
{
    auto q = m_db.exec(QStringLiteral("SELECT user_id FROM verified_peers"));
    if (!q)
        return q.error();
    QSet<QString> ids;
    while (q->next())
        ids.insert(q->value(0).toString());
    return ids;
}

Result<bool> PeerKeyStore::clearVerified(const QString &userId)
{
    auto q = m_db.exec(QStringLiteral("DELETE FROM verified_peers WHERE user_id = ?"), {userId});
    if (!q)
        return q.error();
    return q->numRowsAffected() > 0;
}

} // namespace parley::store
