#include "server/storage/IdentityStore.h"

#include "core/protocol/UserPayloads.h"
#include "core/sql/Database.h"

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
    return {row.value(0).toString(), row.value(1).toString(), row.value(2).toString(),
            row.value(3).toString()};
}

DeviceRecord readDevice(const QSqlQuery &row)
{
    return {row.value(0).toString(),  row.value(1).toString(),
            row.value(2).toString(),  QByteArray::fromBase64(row.value(3).toString().toLatin1()),
            !row.value(4).isNull(),   row.value(5).toLongLong(),
            row.value(6).toLongLong()};
}

const QString UserColumns
    = QStringLiteral("SELECT id, phone_number, display_name, email FROM users ");
const QString DeviceColumns = QStringLiteral("SELECT id, user_id, name, public_key, revoked_at, "
                                             "created_at, tokens_revoked_at FROM devices ");

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

} // namespace

IdentityStore::IdentityStore(sql::Database &db)
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

Result<std::optional<UserRecord>> IdentityStore::userByEmail(const QString &email)
{
    return firstRow<UserRecord>(
        m_db.exec(UserColumns + QStringLiteral("WHERE lower(email) = lower(?)"), {email}),
        readUser);
}

Result<UserRecord> IdentityStore::createUser(const QString &phoneNumber, const QString &displayName,
                                             const QString &email)
{
    UserRecord user{newId(), phoneNumber, displayName, email};
    auto inserted = m_db.exec(
        QStringLiteral("INSERT INTO users (id, phone_number, display_name, "
                       "email, phone_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)"),
        // display_name is NOT NULL: a null QString would bind NULL.
        {user.id, user.phoneNumber, displayName.isNull() ? QStringLiteral("") : displayName,
         email.isEmpty() ? QVariant() : QVariant(email), protocol::contactHash(phoneNumber),
         now()});
    if (!inserted)
        return inserted.error();
    return user;
}

Result<DeviceRecord> IdentityStore::addDevice(const QString &userId, const QString &name,
                                              const QByteArray &publicKey)
{
    DeviceRecord device{newId(), userId, name, publicKey, false, now(), 0};
    auto inserted = m_db.exec(
        QStringLiteral("INSERT INTO devices (id, user_id, name, public_key, "
                       "created_at) VALUES (?, ?, ?, ?, ?)"),
        {device.id, userId, name, QString::fromLatin1(publicKey.toBase64()), device.createdAt});
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

Result<void> IdentityStore::reactivateDevice(const QString &deviceId, const QString &name)
{
    return m_db.run(QStringLiteral("UPDATE devices SET revoked_at = NULL, name = ? WHERE id = ?"),
                    {name, deviceId});
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

Result<void> IdentityStore::revokeDeviceTokens(const QString &deviceId, qint64 nowMs)
{
    return m_db.run(QStringLiteral("UPDATE devices SET tokens_revoked_at = ? WHERE id = ?"),
                    {nowMs, deviceId});
}

Result<void> IdentityStore::removeDevice(const QString &deviceId, qint64 nowMs)
{
    return m_db.run(
        QStringLiteral("UPDATE devices SET revoked_at = ?, tokens_revoked_at = ? WHERE id = ?"),
        {nowMs, nowMs, deviceId});
}

} // namespace parley::server
