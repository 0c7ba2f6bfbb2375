#pragma once

#include "protocol/Result.h"

#include <QDeadlineTimer>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QVariant>

#include <initializer_list>

namespace parley::server {

// The server's one SQL connection and its schema migrations. The embedded default is a SQLite
// file in the data directory (WAL, synchronous=FULL: a message is on disk before it is acked);
// the other backend is PostgreSQL through Qt's QPSQL driver. Both run the same SQL
// (docs/architecture.md, "PostgreSQL").
class Database
{
public:
    enum class Backend { None, Sqlite, Postgres };

    Database();
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Both open the connection and bring the schema to the latest version (schemaMigrations()).
    protocol::Result<bool> openSqlite(const QString &path);
    // postgresql://USER:PASSWORD@HOST[:PORT]/DATABASE[?PARAM=VALUE&...], where PARAM is one of
    // the libpq connection parameters in postgresConnectOptions() (connect_timeout defaults to
    // 10 s); postgresql:///DATABASE?host=/run/postgresql uses a Unix socket.
    protocol::Result<bool> openPostgres(const QUrl &url);

    // Applies the steps of `migrations` beyond the stored version, all in one transaction: a
    // step that fails leaves the database as it was. open*() run the server schema with it.
    protocol::Result<bool> migrate(const QList<QStringList> &migrations);

    // Runs one statement with positional '?' bindings; logs and reports failures. A bool binds
    // as the INTEGER 0 or 1 on both backends. A PostgreSQL connection that was lost is opened
    // again first, unless a transaction is open (its work went with the connection).
    // The same for a statement whose rows do not matter (INSERT, UPDATE, DELETE).
    protocol::Result<bool> run(const QString &sql, std::initializer_list<QVariant> values = {});
    protocol::Result<QSqlQuery> exec(const QString &sql,
                                     std::initializer_list<QVariant> values = {});

    bool transaction();
    bool commit();
    void rollback();

    Backend backend() const { return m_backend; }
    // The stored schema version, 0 for a new database, -1 when it cannot be read.
    int schemaVersion();

    // The libpq parameters a postgresql:// URL may carry.
    static const QStringList &postgresConnectOptions();

private:
    // Runs the statement; returns why it failed, empty on success.
    QString run(QSqlQuery &query, const QString &sql, std::initializer_list<QVariant> values);
    QString failure(const QSqlQuery &query) const;
    bool ensureOpen();
    protocol::Result<int> readSchemaVersion();

    QString m_connectionName;
    QSqlDatabase m_db;
    Backend m_backend = Backend::None;
    bool m_inTransaction = false;
    QDeadlineTimer m_nextReconnect; // expired: may try now
};

// Rolls back on scope exit unless commit() succeeded.
class Transaction
{
public:
    explicit Transaction(Database &db);
    ~Transaction();
    bool ok() const { return m_open; }
    bool commit();

private:
    Database &m_db;
    bool m_open = false;
};

} // namespace parley::server
