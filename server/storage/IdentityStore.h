#pragma once

#include "protocol/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace parley::server {

class Database;

struct UserRecord
{
    QString id;
    QString phoneNumber;
    QString displayName;
};

struct DeviceRecord
{
    QString id;
    QString userId;
    QString name;
    QByteArray publicKey;
    bool revoked = false;
};

struct OtpChallenge
{
    QString phoneNumber;
    QByteArray codeHash;
    qint64 expiresAt = 0; // ms since the epoch
    int attempts = 0;
    qint64 createdAt = 0;
};

// Users, their devices (public keys) and pending one-time codes.
class IdentityStore
{
public:
    explicit IdentityStore(Database &db);

    protocol::Result<std::optional<UserRecord>> userByPhone(const QString &phoneNumber);
    protocol::Result<std::optional<UserRecord>> userById(const QString &userId);
    protocol::Result<UserRecord> createUser(const QString &phoneNumber);

    protocol::Result<DeviceRecord> addDevice(const QString &userId, const QString &name,
                                             const QByteArray &publicKey);
    protocol::Result<std::optional<DeviceRecord>> device(const QString &deviceId);
    // The user's device registered with this public key, removed or not.
    protocol::Result<std::optional<DeviceRecord>> deviceByKey(const QString &userId,
                                                              const QByteArray &publicKey);
    // Makes a removed device current again and renames it.
    protocol::Result<bool> reactivateDevice(const QString &deviceId, const QString &name);
    protocol::Result<QList<DeviceRecord>> activeDevices(const QString &userId);

    // Replaces any earlier challenge for the same number.
    protocol::Result<bool> saveChallenge(const OtpChallenge &challenge);
    protocol::Result<std::optional<OtpChallenge>> challenge(const QString &phoneNumber);
    protocol::Result<bool> countFailedAttempt(const QString &phoneNumber);
    protocol::Result<bool> deleteChallenge(const QString &phoneNumber);

private:
    Database &m_db;
};

} // namespace parley::server
