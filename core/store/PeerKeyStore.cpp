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
    return result;
}

} // namespace parley::store
