#include "core/sql/Database.h"

#include <QDebug>
#include <QRegularExpression>
#include <QSqlError>
#include <QUrlQuery>
#include <QUuid>

namespace parley::sql {

using protocol::Error;
using protocol::ErrorCode;
using protocol::Result;

namespace {

const QString PostgresDriver = QStringLiteral("QPSQL");
constexpr int DefaultConnectTimeoutSeconds = 10;
constexpr int ReconnectIntervalMs = 1000;
// Held for the migration transaction on PostgreSQL, so that servers starting together on one
// database migrate one after another. Any constant works; this one is "parley" in ASCII.
const QString MigrationLock = QStringLiteral("SELECT pg_advisory_xact_lock(123563833845113)");

QString oneLine(const QString &text)
{
    return text.simplified();
}

Error storageFailure(const QString &message)
{
    return Error{ErrorCode::InternalError, message};
}

// PostgreSQL has no implicit cast from boolean to integer, and the schema stores flags as
// INTEGER 0/1 (which SQLite does anyway): bind every bool as that integer.
QVariant portable(const QVariant &value)
{
    if (value.typeId() == QMetaType::Bool && !value.isNull())
        return QVariant(value.toBool() ? 1 : 0);
    return value;
}

// QPSQL hands its connect options to libpq as "key=value" words: only plain values pass.
Result<QString> postgresOptions(const QUrlQuery &query, const QString &applicationName)
{
    static const QRegularExpression plainValue(QStringLiteral("^[A-Za-z0-9_./:@+-]+$"));
    QStringList options;
    bool hasTimeout = false;
    bool hasName = false;
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == QLatin1String("host"))
            continue; // the host name, set apart
        if (!Database::postgresConnectOptions().contains(key)) {
            return storageFailure(
                QStringLiteral("unknown parameter '%1' in the PostgreSQL URL; known: %2")
                    .arg(key, Database::postgresConnectOptions().join(QStringLiteral(", "))));
        }
        if (!plainValue.match(value).hasMatch()) {
            return storageFailure(QStringLiteral("the PostgreSQL URL parameter '%1' needs a value "
                                                 "of letters, digits and _ . / : @ + -")
                                      .arg(key));
        }
        hasTimeout = hasTimeout || key == QLatin1String("connect_timeout");
        hasName = hasName || key == QLatin1String("application_name");
        options.append(key + u'=' + value);
    }
    if (!hasTimeout)
        options.append(QStringLiteral("connect_timeout=%1").arg(DefaultConnectTimeoutSeconds));
    if (!hasName)
        options.append(QStringLiteral("application_name=") + applicationName);
    return options.join(u';');
}

} // namespace

Database::Database()
    : m_connectionName(QStringLiteral("parley-sql-") + QUuid::createUuid().toString())
{ }

Database::~Database()
{
    close();
}

void Database::close()
{
    m_prepared.clear();
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
    m_backend = Backend::None;
    m_inTransaction = false;
}

const QStringList &Database::postgresConnectOptions()
{
    static const QStringList options{
        QStringLiteral("connect_timeout"),
        QStringLiteral("application_name"),
        QStringLiteral("sslmode"),
        QStringLiteral("sslrootcert"),
        QStringLiteral("sslcert"),
        QStringLiteral("sslkey"),
        QStringLiteral("sslcrl"),
        QStringLiteral("target_session_attrs"),
        QStringLiteral("keepalives"),
        QStringLiteral("keepalives_idle"),
        QStringLiteral("keepalives_interval"),
        QStringLiteral("keepalives_count"),
        QStringLiteral("tcp_user_timeout"),
        QStringLiteral("host"),
    };
    return options;
}

Result<void> Database::openSqlite(const QString &path)
{
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(path);
    if (!m_db.open())
        return storageFailure(
            QStringLiteral("cannot open %1: %2").arg(path, m_db.lastError().text()));
    m_backend = Backend::Sqlite;
    for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL",
                               "PRAGMA foreign_keys=ON", "PRAGMA busy_timeout=5000"}) {
        if (auto result = exec(QString::fromLatin1(pragma)); !result)
            return result.error();
    }
    return {};
}

Result<void> Database::openPostgres(const QUrl &url, const QString &applicationName)
{
    // Messages name the database without its password.
    const QString shown = url.toString(QUrl::RemovePassword);
    const QString databaseName = url.path(QUrl::FullyDecoded).mid(1);
    if (!url.isValid() || url.scheme() != QLatin1String("postgresql") || databaseName.isEmpty()
        || databaseName.contains(u'/')) {
        return storageFailure(QStringLiteral("cannot use '%1': a PostgreSQL URL reads "
                                             "postgresql://USER:PASSWORD@HOST:PORT/DATABASE")
                                  .arg(shown));
    }
    const QUrlQuery query(url);
    const auto options = postgresOptions(query, applicationName);
    if (!options)
        return options.error();
    if (!QSqlDatabase::isDriverAvailable(PostgresDriver)) {
        return storageFailure(QStringLiteral("cannot use PostgreSQL: Qt's QPSQL driver is not "
                                             "installed (Debian: apt install libqt6sql6-psql)"));
    }
    m_db = QSqlDatabase::addDatabase(PostgresDriver, m_connectionName);
    if (!m_db.isValid()) {
        return storageFailure(QStringLiteral("cannot use PostgreSQL: Qt's QPSQL driver does not "
                                             "load (is libpq5 installed?)"));
    }
    m_db.setHostName(url.host().isEmpty()
                         ? query.queryItemValue(QStringLiteral("host"), QUrl::FullyDecoded)
                         : url.host());
    m_db.setPort(url.port());
    m_db.setUserName(url.userName());
    m_db.setPassword(url.password());
    m_db.setDatabaseName(databaseName);
    m_db.setConnectOptions(options.value());
    if (!m_db.open()) {
        const QSqlError error = m_db.lastError();
        return storageFailure(
            QStringLiteral("cannot connect to PostgreSQL at %1: %2")
                .arg(
                    shown,
                    oneLine(error.databaseText().isEmpty() ? error.text() : error.databaseText())));
    }
    m_backend = Backend::Postgres;
    // libpq prints NOTICEs (such as "relation already exists, skipping") on stderr.
    if (auto quiet = exec(QStringLiteral("SET client_min_messages TO WARNING")); !quiet)
        return quiet.error();
    return {};
}

// QPSQL closes the connection when PostgreSQL drops it (a restart, a failover, an idle timeout)
// and never opens it again by itself. Reopening is safe between transactions only: inside one,
// the work done so far went with the connection, so its statements must fail and it must be
// rolled back. While PostgreSQL is away, one attempt a second, so requests fail fast.
bool Database::ensureOpen()
{
    if (m_db.isOpen())
        return true;
    if (m_backend != Backend::Postgres || m_inTransaction || !m_nextReconnect.hasExpired())
        return false;
    if (!m_db.open()) {
        m_nextReconnect.setRemainingTime(ReconnectIntervalMs);
        qWarning().noquote() << "PostgreSQL connection lost; cannot reconnect:"
                             << oneLine(m_db.lastError().text());
        return false;
    }
    qWarning().noquote() << "PostgreSQL connection lost; reconnected";
    m_prepared.clear(); // prepared on the old connection
    QSqlQuery quiet(m_db);
    quiet.exec(QStringLiteral("SET client_min_messages TO WARNING"));
    return true;
}

QString Database::failure(const QSqlQuery &query) const
{
    // A query on a closed connection fails with an empty error.
    const QString text = oneLine(query.lastError().text());
    if (!text.isEmpty())
        return text;
    return m_db.isOpen() ? QStringLiteral("unknown database error")
                         : QStringLiteral("the database connection is closed");
}

QString Database::run(QSqlQuery &query, const QString &sql, const QVariantList &values)
{
    // QPSQL prepares with PostgreSQL's PREPARE, which takes only SELECT, INSERT, UPDATE, DELETE
    // and VALUES: a statement without values (DDL, SET, PRAGMA) runs unprepared.
    if (values.size() == 0) {
        if (!query.exec(sql))
            return failure(query);
        return {};
    }
    if (!query.prepare(sql))
        return failure(query);
    for (const QVariant &value : values)
        query.addBindValue(portable(value));
    if (!query.exec())
        return failure(query);
    return {};
}

Result<QSqlQuery> Database::exec(const QString &sql, std::initializer_list<QVariant> values)
{
    return exec(sql, QVariantList(values));
}

Result<QSqlQuery> Database::exec(const QString &sql, const QVariantList &values)
{
    ensureOpen();
    QSqlQuery query(m_db);
    if (const QString error = run(query, sql, values); !error.isEmpty()) {
        qWarning().noquote() << "SQL failed:" << error << "in:" << sql;
        m_lastFailure = error;
        return storageFailure(QStringLiteral("storage error"));
    }
    return query;
}

Result<QSqlQuery *> Database::execCached(const QString &sql, std::initializer_list<QVariant> values)
{
    ensureOpen();
    auto cached = m_prepared.find(sql);
    if (cached == m_prepared.end()) {
        QSqlQuery query(m_db);
        if (!query.prepare(sql)) {
            m_lastFailure = failure(query);
            qWarning().noquote() << "SQL failed:" << m_lastFailure << "in:" << sql;
            return storageFailure(QStringLiteral("storage error"));
        }
        cached = m_prepared.emplace(sql, std::move(query));
    }
    QSqlQuery &query = *cached;
    int position = 0;
    for (const QVariant &value : values)
        query.bindValue(position++, portable(value));
    if (!query.exec()) {
        m_lastFailure = failure(query);
        qWarning().noquote() << "SQL failed:" << m_lastFailure << "in:" << sql;
        m_prepared.erase(cached);
        return storageFailure(QStringLiteral("storage error"));
    }
    return &query;
}

Result<void> Database::runCached(const QString &sql, std::initializer_list<QVariant> values)
{
    auto query = execCached(sql, values);
    if (!query)
        return query.error();
    query.value()->finish();
    return {};
}

Result<void> Database::run(const QString &sql, std::initializer_list<QVariant> values)
{
    auto query = exec(sql, values);
    if (!query)
        return query.error();
    return {};
}

bool Database::transaction()
{
    ensureOpen();
    m_inTransaction = m_db.transaction();
    return m_inTransaction;
}

bool Database::commit()
{
    m_inTransaction = false;
    return m_db.commit();
}

void Database::rollback()
{
    m_inTransaction = false;
    m_db.rollback();
}

Result<int> Database::readSchemaVersion()
{
    QSqlQuery query(m_db);
    if (const QString error = run(query, QStringLiteral("SELECT version FROM schema_version"), {});
        !error.isEmpty())
        return storageFailure(QStringLiteral("cannot read the schema version: ") + error);
    return query.next() ? query.value(0).toInt() : 0;
}

int Database::schemaVersion()
{
    const auto version = readSchemaVersion();
    return version ? version.value() : -1;
}

Result<void> Database::migrate(const QList<QStringList> &migrations)
{
    const auto failed = [](const QString &what, const QString &why) {
        return storageFailure(QStringLiteral("schema migration: %1: %2").arg(what, why));
    };
    // Both backends roll back DDL, so one transaction makes the whole upgrade all or nothing.
    Transaction transaction(*this);
    if (!transaction.ok())
        return failed(QStringLiteral("cannot begin"), oneLine(m_db.lastError().text()));
    QSqlQuery query(m_db);
    if (m_backend == Backend::Postgres) {
        if (const QString error = run(query, MigrationLock, {}); !error.isEmpty())
            return failed(QStringLiteral("cannot take the migration lock"), error);
    }
    if (const QString error = run(
            query,
            QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"),
            {});
        !error.isEmpty())
        return failed(QStringLiteral("cannot create schema_version"), error);
    const auto stored = readSchemaVersion();
    if (!stored)
        return stored.error();
    const int current = stored.value();
    const int target = int(migrations.size());
    if (current > target) {
        return storageFailure(QStringLiteral("database schema %1 is newer than this program (%2)")
                                  .arg(current)
                                  .arg(target));
    }
    for (int version = current; version < target; ++version) {
        for (const QString &statement : migrations.at(version)) {
            if (const QString error = run(query, statement, {}); !error.isEmpty()) {
                return failed(QStringLiteral("step %1 failed").arg(version + 1),
                              error + QStringLiteral(" in: ") + statement);
            }
        }
    }
    if (current < target) {
        QString error = run(query, QStringLiteral("DELETE FROM schema_version"), {});
        if (error.isEmpty()) {
            error = run(query, QStringLiteral("INSERT INTO schema_version (version) VALUES (?)"),
                        {target});
        }
        if (!error.isEmpty())
            return failed(QStringLiteral("cannot record version %1").arg(target), error);
    }
    if (!transaction.commit())
        return failed(QStringLiteral("cannot commit version %1").arg(target),
                      oneLine(m_db.lastError().text()));
    return {};
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

} // namespace parley::sql
