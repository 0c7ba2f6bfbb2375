#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QVariant>

#include <functional>

class QSqlDatabase;

// The database one test runs the server (or a Database) on. The backend comes from
// $PARLEY_TEST_DATABASE, set by CTest: `sqlite` (the default) is the file the owner names;
// `postgresql` is a fresh database on the cluster at $PARLEY_TEST_POSTGRES_URL (which
// packaging/test.sh starts), dropped when this object goes away.
class TestDatabase
{
public:
    enum class Backend { Sqlite, Postgresql };
    static Backend backend();
    static QString backendName();

    explicit TestDatabase(const QString &sqlitePath);
    ~TestDatabase();
    TestDatabase(const TestDatabase &) = delete;
    TestDatabase &operator=(const TestDatabase &) = delete;

    // Creates the PostgreSQL database (nothing to do for SQLite); false with errorString().
    bool create();
    bool isCreated() const { return m_created; }
    QString errorString() const { return m_error; }

    QString sqlitePath() const { return m_sqlitePath; }
    // postgresql://USER:PASSWORD@HOST:PORT/parley_t_<random>; empty for SQLite.
    QUrl postgresUrl() const { return m_postgresUrl; }
    // What parley-server needs to use it: nothing for SQLite (DATA_DIR/parley.db is its
    // default), `--database URL` for PostgreSQL.
    QStringList serverArguments() const;

    // The first column of the first row, read on a read-only connection of its own; an invalid
    // QVariant when the query fails.
    QVariant queryScalar(const QString &sql) const;
    // Runs one statement that changes the database, on a connection of its own: for tests that
    // make stored rows look older while the server is stopped. False with errorString().
    bool execute(const QString &sql) const;
    // Every value of every column of every table, as text: to look for what must not be stored.
    QByteArray dumpAllText() const;

private:
    // Opens a connection of its own to this database (read-only, or writable), or to the
    // cluster's database (Admin), runs `work` and removes the connection.
    enum class Mode { Read, Write, Admin };
    bool withConnection(Mode mode, const std::function<void(QSqlDatabase &)> &work) const;

    QString m_sqlitePath;
    QUrl m_postgresUrl;
    QString m_postgresName;
    bool m_created = false;
    mutable QString m_error;
};
