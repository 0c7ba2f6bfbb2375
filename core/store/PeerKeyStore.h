#pragma once

#include "core/protocol/RestPayloads.h"
#include "core/protocol/Result.h"

#include <QSet>

namespace parley::sql {
class Database;
}

namespace parley::store {

// A device whose key differs from the one pinned for it.
struct KeyMismatch
{
    QString userId;
    QString deviceId;
};

// What pinning a fetched device list found (docs/architecture.md, "Device keys").
struct PinnedDevices
{
    protocol::DeviceKeyList trusted; // the devices whose key is the pinned one (or new)
    QList<protocol::DeviceKey> added; // devices seen for the first time
    QList<KeyMismatch> mismatches; // left out of `trusted`
    bool knownBefore = false; // some device of the user was pinned before this list
    bool verificationCleared = false; // the user had verified them; a new device undid it
};

// The first public key seen for each device of other users (and of this account's other
// devices), kept across restarts, and the people the user verified. A later list with another key
// for the same device id is a server that lies: that device is not used.
class PeerKeyStore
{
public:
    explicit PeerKeyStore(sql::Database &db);

    // Pins what is new. New devices of a user known before clear a verification of them.
    protocol::Result<PinnedDevices> pin(const protocol::DeviceKeyList &fetched, qint64 now);

    // The safety number the user verified with this person, if they did.
    protocol::Result<std::optional<QString>> verifiedNumber(const QString &userId);
    protocol::Result<void> setVerified(const QString &userId, const QString &safetyNumber,
                                       qint64 now);
    // The user ids of everyone verified.
    protocol::Result<QSet<QString>> verifiedPeers();
    // Whether there was a verification to clear.
    protocol::Result<bool> clearVerified(const QString &userId);

private:
    sql::Database &m_db;
};

} // namespace parley::store
