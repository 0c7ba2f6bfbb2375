#pragma once

#include "core/protocol/Result.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QVariant>

#include <initializer_list>

namespace parley::sql {

// One SQL connection and its schema migrations: the foundation the server's stores and the
// client's local store share (docs/architecture.md, "Shared code"). SQLite runs in WAL mode with
// synchronous=FULL (a commit is on disk before it returns: the server acks a message, the client
// a receipt, only after it); the server's other backend is PostgreSQL through Qt's QPSQL driver,
// running the same SQL (docs/architecture.md, "PostgreSQL"). A Database is used on the thread
// that opened it (Qt SQL connections are per thread).
class Database
{
public:
    enum class Backend { None, Sqlite, Postgres };

    Database();
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Open the connection; the caller then brings the schema up to date with migrate().
    protocol::Result<void> openSqlite(const QString &path);
    // postgresql://USER:PASSWORD@HOST[:PORT]/DATABASE[?PARAM=VALUE&...], where PARAM is one of
    // the libpq connection parameters in postgresConnectOptions() (connect_timeout defaults to
    // 10 s); postgresql:///DATABASE?host=/run/postgresql uses a Unix socket.
    protocol::Result<void> openPostgres(const QUrl &url,
                                        const QString &applicationName = QStringLiteral("parley"));

    // Applies the steps of `migrations` beyond the stored version, all in one transaction: a
    // step that fails leaves the database as it was.
    protocol::Result<void> migrate(const QList<QStringList> &migrations);

    // Runs one statement with positional '?' bindings; logs and reports failures. A bool binds
    // as the INTEGER 0 or 1 on both backends. A PostgreSQL connection that was lost is opened
    // again first, unless a transaction is open (its work went with the connection).
    // The same for a statement whose rows do not matter (INSERT, UPDATE, DELETE).
    protocol::Result<void> run(const QString &sql, std::initializer_list<QVariant> values = {});
    protocol::Result<QSqlQuery> exec(const QString &sql,
                                     std::initializer_list<QVariant> values = {});
    protocol::Result<QSqlQuery> exec(const QString &sql, const QVariantList &values);
    // Like exec() and run(), keeping the statement prepared for the next call with the same SQL
    // (SQLite parses and plans a small statement in about as long as it runs). The query is the
    // cached one: read its rows before the same SQL runs again, which resets it.
    protocol::Result<QSqlQuery *> execCached(const QString &sql,
                                             std::initializer_list<QVariant> values = {});
    protocol::Result<void> runCached(const QString &sql,
                                     std::initializer_list<QVariant> values = {});

    // Closes the connection (the destructor does too); open*() may be called again.
    void close();

    bool transaction();
    bool commit();
    void rollback();

    Backend backend() const { return m_backend; }
    // The driver's text for the last statement that failed (errors say only "storage error", so
    // that SQL details never reach a network answer; logs and the client's store read this).
    const QString &lastFailure() const { return m_lastFailure; }
    // The stored schema version, 0 for a new database, -1 when it cannot be read.
    int schemaVersion();

    // The libpq parameters a postgresql:// URL may carry.
    static const QStringList &postgresConnectOptions();

private:
    // Runs the statement; returns why it failed, empty on success.
    QString run(QSqlQuery &query, const QString &sql, const QVariantList &values);
    QString failure(const QSqlQuery &query) const;
    bool ensureOpen();
    protocol::Result<int> readSchemaVersion();

    QString m_connectionName;
    QSqlDatabase m_db;
    Backend m_backend = Backend::None;
    bool m_inTransaction = false;
    QDeadlineTimer m_nextReconnect; // expired: may try now
    QString m_lastFailure;
    QHash<QString, QSqlQuery> m_prepared; // execCached(), by SQL text
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

} // namespace parley::sql
