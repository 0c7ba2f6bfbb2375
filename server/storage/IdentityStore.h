#pragma once

#include "core/protocol/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace parley::sql {
class Database;
}

namespace parley::server {

struct UserRecord
{
    QString id;
    QString phoneNumber;
    QString displayName;
    QString email; // optional; where e-mail delivery sends codes
};

struct DeviceRecord
{
    QString id;
    QString userId;
    QString name;
    QByteArray publicKey;
    bool revoked = false;
    qint64 createdAt = 0; // ms since the epoch
    qint64 tokensRevokedAt = 0; // access tokens issued before this are refused; 0: never
};

// Users and their devices (public keys).
class IdentityStore
{
public:
    explicit IdentityStore(sql::Database &db);

    protocol::Result<std::optional<UserRecord>> userByPhone(const QString &phoneNumber);
    protocol::Result<std::optional<UserRecord>> userById(const QString &userId);
    // Case-insensitive; an address belongs to at most one account.
    protocol::Result<std::optional<UserRecord>> userByEmail(const QString &email);
    protocol::Result<UserRecord> createUser(const QString &phoneNumber,
                                            const QString &displayName = {},
                                            const QString &email = {});

    protocol::Result<DeviceRecord> addDevice(const QString &userId, const QString &name,
                                             const QByteArray &publicKey);
    protocol::Result<std::optional<DeviceRecord>> device(const QString &deviceId);
    // The user's device registered with this public key, removed or not.
    protocol::Result<std::optional<DeviceRecord>> deviceByKey(const QString &userId,
                                                              const QByteArray &publicKey);
    // Makes a removed device current again and renames it.
    protocol::Result<void> reactivateDevice(const QString &deviceId, const QString &name);
    protocol::Result<QList<DeviceRecord>> activeDevices(const QString &userId);
    // Signs the device out: its access tokens issued until now stop working.
    protocol::Result<void> revokeDeviceTokens(const QString &deviceId, qint64 nowMs);
    // Removes the device: no more messages for it, and it is signed out.
    protocol::Result<void> removeDevice(const QString &deviceId, qint64 nowMs);

private:
    sql::Database &m_db;
};

} // namespace parley::server
