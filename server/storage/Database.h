#pragma once

#include "protocol/Result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QUrl>
#include <QVariant>

#include <initializer_list>

namespace parley::server {

// The server's one SQL connection and its schema migrations. The embedded default is a SQLite
// file in the data directory (WAL, synchronous=FULL: a message is on disk before it is acked).
class Database
{
public:
    Database();
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    protocol::Result<bool> openSqlite(const QString &path);
    // postgresql://USER:PASSWORD@HOST:PORT/DATABASE through Qt's QPSQL driver.
    protocol::Result<bool> openPostgres(const QUrl &url);

    // Runs one statement with positional '?' bindings; logs and reports failures.
    protocol::Result<QSqlQuery> exec(const QString &sql,
                                     std::initializer_list<QVariant> values = {});

    bool transaction();
    bool commit();
    void rollback();

    int schemaVersion();

private:
    protocol::Result<bool> migrate();

    QString m_connectionName;
    QSqlDatabase m_db;
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
