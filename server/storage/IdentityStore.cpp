#include "IdentityStore.h"

#include "Database.h"

#include <QDateTime>
#include <QUuid>

namespace parley::server {

using protocol::Result;

namespace {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

UserRecord readUser(const QSqlQuery &row)
{
    return {row.value(0).toString(), row.value(1).toString(), row.value(2).toString()};
}

DeviceRecord readDevice(const QSqlQuery &row)
{
    return {row.value(0).toString(), row.value(1).toString(), row.value(2).toString(),
            QByteArray::fromBase64(row.value(3).toString().toLatin1()), !row.value(4).isNull()};
}

const QString UserColumns = QStringLiteral("SELECT id, phone_number, display_name FROM users ");
const QString DeviceColumns
    = QStringLiteral("SELECT id, user_id, name, public_key, revoked_at FROM devices ");

template<typename T, typename Read>
Result<std::optional<T>> firstRow(Result<QSqlQuery> query, Read read)
{
    if (!query)
        return query.error();
    QSqlQuery rows = std::move(query).value();
    if (!rows.next())
        return std::optional<T>();
    return std::optional<T>(read(rows));
}

Result<bool> done(const Result<QSqlQuery> &query)
{
    if (!query)
        return query.error();
    return true;
}

} // namespace

IdentityStore::IdentityStore(Database &db)
    : m_db(db)
{ }

Result<std::optional<UserRecord>> IdentityStore::userByPhone(const QString &phoneNumber)
{
    return firstRow<UserRecord>(
        m_db.exec(UserColumns + QStringLiteral("WHERE phone_number = ?"), {phoneNumber}), readUser);
}

Result<std::optional<UserRecord>> IdentityStore::userById(const QString &userId)
{
    return firstRow<UserRecord>(m_db.exec(UserColumns + QStringLiteral("WHERE id = ?"), {userId}),
                                readUser);
}

Result<UserRecord> IdentityStore::createUser(const QString &phoneNumber)
{
    UserRecord user{newId(), phoneNumber, {}};
    auto inserted = m_db.exec(
        QStringLiteral("INSERT INTO users (id, phone_number, created_at) VALUES (?, ?, ?)"),
        {user.id, user.phoneNumber, now()});
    if (!inserted)
        return inserted.error();
    return user;
}

Result<DeviceRecord> IdentityStore::addDevice(const QString &userId, const QString &name,
                                              const QByteArray &publicKey)
{
    DeviceRecord device{newId(), userId, name, publicKey, false};
    auto inserted
        = m_db.exec(QStringLiteral("INSERT INTO devices (id, user_id, name, public_key, "
                                   "created_at) VALUES (?, ?, ?, ?, ?)"),
                    {device.id, userId, name, QString::fromLatin1(publicKey.toBase64()), now()});
    if (!inserted)
        return inserted.error();
    return device;
}

Result<std::optional<DeviceRecord>> IdentityStore::device(const QString &deviceId)
{
    return firstRow<DeviceRecord>(
        m_db.exec(DeviceColumns + QStringLiteral("WHERE id = ?"), {deviceId}), readDevice);
}

Result<std::optional<DeviceRecord>> IdentityStore::deviceByKey(const QString &userId,
                                                               const QByteArray &publicKey)
{
    return firstRow<DeviceRecord>(
        m_db.exec(DeviceColumns + QStringLiteral("WHERE user_id = ? AND public_key = ?"),
                  {userId, QString::fromLatin1(publicKey.toBase64())}),
        readDevice);
}

Result<bool> IdentityStore::reactivateDevice(const QString &deviceId, const QString &name)
{
    return done(
        m_db.exec(QStringLiteral("UPDATE devices SET revoked_at = NULL, name = ? WHERE id = ?"),
                  {name, deviceId}));
}

Result<QList<DeviceRecord>> IdentityStore::activeDevices(const QString &userId)
{
    auto query = m_db.exec(DeviceColumns
                               + QStringLiteral("WHERE user_id = ? AND revoked_at IS NULL "
                                                "ORDER BY created_at, id"),
                           {userId});
    if (!query)
        return query.error();
    QSqlQuery rows = std::move(query).value();
    QList<DeviceRecord> devices;
    while (rows.next())
        devices.append(readDevice(rows));
    return devices;
}

Result<bool> IdentityStore::saveChallenge(const OtpChallenge &challenge)
{
    // An upsert, so that a new code replaces the old one in one statement on both backends.
    return done(m_db.exec(
        QStringLiteral("INSERT INTO otp_challenges (phone_number, code_hash, expires_at, attempts, "
                       "created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (phone_number) DO UPDATE "
                       "SET code_hash = excluded.code_hash, expires_at = excluded.expires_at, "
                       "attempts = excluded.attempts, created_at = excluded.created_at"),
        {challenge.phoneNumber, QString::fromLatin1(challenge.codeHash.toBase64()),
         challenge.expiresAt, challenge.attempts, challenge.createdAt}));
}

Result<std::optional<OtpChallenge>> IdentityStore::challenge(const QString &phoneNumber)
{
    auto read = [](const QSqlQuery &row) {
        return OtpChallenge{
            row.value(0).toString(), QByteArray::fromBase64(row.value(1).toString().toLatin1()),
            row.value(2).toLongLong(), row.value(3).toInt(), row.value(4).toLongLong()};
    };
    return firstRow<OtpChallenge>(
        m_db.exec(QStringLiteral("SELECT phone_number, code_hash, expires_at, attempts, "
                                 "created_at FROM otp_challenges WHERE phone_number = ?"),
                  {phoneNumber}),
        read);
}

Result<bool> IdentityStore::countFailedAttempt(const QString &phoneNumber)
{
    return done(m_db.exec(QStringLiteral("UPDATE otp_challenges SET attempts = attempts + 1 "
                                         "WHERE phone_number = ?"),
                          {phoneNumber}));
}

Result<bool> IdentityStore::deleteChallenge(const QString &phoneNumber)
{
    return done(m_db.exec(QStringLiteral("DELETE FROM otp_challenges WHERE phone_number = ?"),
                          {phoneNumber}));
}

} // namespace parley::server
