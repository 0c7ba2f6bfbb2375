#include "Database.h"

#include "Schema.h"

#include <QDebug>
#include <QSqlError>
#include <QUuid>

namespace parley::server {

using protocol::Error;
using protocol::ErrorCode;

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

protocol::Result<bool> Database::openPostgres(const QUrl &url)
{
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
    m_db.setHostName(url.host());
    m_db.setPort(url.port(5432));
    m_db.setUserName(url.userName());
    m_db.setPassword(url.password());
    m_db.setDatabaseName(url.path().mid(1));
    if (!m_db.isValid() || !m_db.open()) {
        return Error{ErrorCode::InternalError,
                     QStringLiteral("cannot open PostgreSQL database %1: %2")
                         .arg(url.toString(QUrl::RemovePassword), m_db.lastError().text())};
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
    const QList<QStringList> &migrations = schemaMigrations();
    const int target = int(migrations.size());
    if (current > target) {
        return Error{ErrorCode::InternalError,
                     QStringLiteral("database schema %1 is newer than this server (%2)")
                         .arg(current)
                         .arg(target)};
    }
    for (int version = current; version < target; ++version) {
        Transaction step(*this);
        for (const QString &statement : migrations.at(version)) {
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
