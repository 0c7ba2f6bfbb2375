#include "Database.h"

#include <QDebug>
#include <QSqlError>
#include <QUuid>

namespace parley::server {

using protocol::Error;
using protocol::ErrorCode;

namespace {

// Migration N brings the schema from version N-1 to N. Never edit a released step: append one.
// Binary values (keys, hashes) are stored as base64 TEXT so the same SQL runs on SQLite and
// PostgreSQL; times are milliseconds since the Unix epoch.
const QStringList Migrations[] = {
    {
        QStringLiteral("CREATE TABLE users ("
                       " id TEXT PRIMARY KEY,"
                       " phone_number TEXT NOT NULL UNIQUE,"
                       " display_name TEXT NOT NULL DEFAULT '',"
                       " created_at BIGINT NOT NULL)"),
        QStringLiteral("CREATE TABLE devices ("
                       " id TEXT PRIMARY KEY,"
                       " user_id TEXT NOT NULL REFERENCES users(id),"
                       " name TEXT NOT NULL,"
                       " public_key TEXT NOT NULL,"
                       " next_seq BIGINT NOT NULL DEFAULT 1,"
                       " created_at BIGINT NOT NULL,"
                       " revoked_at BIGINT)"),
        QStringLiteral("CREATE INDEX devices_by_user ON devices(user_id)"),
        QStringLiteral("CREATE TABLE otp_challenges ("
                       " phone_number TEXT PRIMARY KEY,"
                       " code_hash TEXT NOT NULL,"
                       " expires_at BIGINT NOT NULL,"
                       " attempts INTEGER NOT NULL DEFAULT 0,"
                       " created_at BIGINT NOT NULL)"),
        QStringLiteral("CREATE TABLE messages ("
                       " sender_user_id TEXT NOT NULL,"
                       " message_id TEXT NOT NULL,"
                       " sender_device_id TEXT NOT NULL,"
                       " recipient_user_id TEXT NOT NULL,"
                       " server_time BIGINT NOT NULL,"
                       " PRIMARY KEY (sender_user_id, message_id))"),
        // One row per event for one device; seq is gap-free per device (devices.next_seq).
        QStringLiteral("CREATE TABLE mailbox ("
                       " device_id TEXT NOT NULL,"
                       " seq BIGINT NOT NULL,"
                       " type TEXT NOT NULL,"
                       " payload TEXT NOT NULL,"
                       " message_sender TEXT,"
                       " message_id TEXT,"
                       " created_at BIGINT NOT NULL,"
                       " PRIMARY KEY (device_id, seq))"),
        // Receipts are accepted only from devices that were sent a copy.
        QStringLiteral("CREATE INDEX mailbox_by_message ON mailbox(device_id, message_sender, "
                       "message_id)"),
        QStringLiteral("CREATE TABLE receipts ("
                       " sender_user_id TEXT NOT NULL,"
                       " message_id TEXT NOT NULL,"
                       " device_id TEXT NOT NULL,"
                       " kind TEXT NOT NULL,"
                       " at BIGINT NOT NULL,"
                       " PRIMARY KEY (sender_user_id, message_id, device_id, kind))"),
    },
};

} // namespace

Database::Database()
    : m_connectionName(QStringLiteral("parley-server-") + QUuid::createUuid().toString())
{ }

Database::~Database()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

protocol::Result<bool> Database::openSqlite(const QString &path)
{
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(path);
    if (!m_db.open())
        return Error{ErrorCode::InternalError,
                     QStringLiteral("cannot open %1: %2").arg(path, m_db.lastError().text())};
    for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL",
                               "PRAGMA foreign_keys=ON", "PRAGMA busy_timeout=5000"}) {
        if (auto result = exec(QString::fromLatin1(pragma)); !result)
            return result.error();
    }
    return migrate();
}

protocol::Result<QSqlQuery> Database::exec(const QString &sql,
                                           std::initializer_list<QVariant> values)
{
    QSqlQuery query(m_db);
    if (!query.prepare(sql)) {
        qWarning().noquote() << "SQL prepare failed:" << query.lastError().text() << sql;
        return Error{ErrorCode::InternalError, QStringLiteral("storage error")};
    }
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        qWarning().noquote() << "SQL failed:" << query.lastError().text() << sql;
        return Error{ErrorCode::InternalError, QStringLiteral("storage error")};
    }
    return query;
}

bool Database::transaction()
{
    return m_db.transaction();
}

bool Database::commit()
{
    return m_db.commit();
}

void Database::rollback()
{
    m_db.rollback();
}

int Database::schemaVersion()
{
    auto query = exec(QStringLiteral("SELECT version FROM schema_version"));
    if (!query)
        return -1;
    QSqlQuery rows = std::move(query).value();
    return rows.next() ? rows.value(0).toInt() : 0;
}

protocol::Result<bool> Database::migrate()
{
    if (auto created = exec(
            QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"));
        !created)
        return created.error();
    const int current = schemaVersion();
    const int target = int(std::size(Migrations));
    if (current > target) {
        return Error{ErrorCode::InternalError,
                     QStringLiteral("database schema %1 is newer than this server (%2)")
                         .arg(current)
                         .arg(target)};
    }
    for (int version = current; version < target; ++version) {
        Transaction step(*this);
        for (const QString &statement : Migrations[version]) {
            if (auto result = exec(statement); !result)
                return result.error();
        }
        exec(QStringLiteral("DELETE FROM schema_version"));
        exec(QStringLiteral("INSERT INTO schema_version (version) VALUES (?)"), {version + 1});
        if (!step.commit())
            return Error{ErrorCode::InternalError,
                         QStringLiteral("migration %1 failed").arg(version + 1)};
    }
    return true;
}

Transaction::Transaction(Database &db)
    : m_db(db)
    , m_open(db.transaction())
{ }

Transaction::~Transaction()
{
    if (m_open)
        m_db.rollback();
}

bool Transaction::commit()
{
    if (!m_open)
        return false;
    m_open = false;
    return m_db.commit();
}

} // namespace parley::server
