#include "tests/support/TestDatabase.h"

#include <QAtomicInt>
#include <QDebug>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace {

QUrl clusterUrl()
{
    return QUrl(qEnvironmentVariable("PARLEY_TEST_POSTGRES_URL"));
}

QString uniqueConnectionName()
{
    static QAtomicInt counter;
    return QStringLiteral("parley-test-database-%1").arg(counter.fetchAndAddRelaxed(1));
}

void connectTo(QSqlDatabase &db, const QUrl &url)
{
    db.setHostName(url.host());
    db.setPort(url.port());
    db.setUserName(url.userName());
    db.setPassword(url.password());
    db.setDatabaseName(url.path().mid(1));
    db.setConnectOptions(QStringLiteral("connect_timeout=10"));
}

QString quotedIdentifier(QString name)
{
    return u'"' + name.replace(u'"', QLatin1String("\"\"")) + u'"';
}

} // namespace

TestDatabase::Backend TestDatabase::backend()
{
    return qEnvironmentVariable("PARLEY_TEST_DATABASE") == QLatin1String("postgresql")
        ? Backend::Postgresql
        : Backend::Sqlite;
}

QString TestDatabase::backendName()
{
    return backend() == Backend::Postgresql ? QStringLiteral("postgresql")
                                            : QStringLiteral("sqlite");
}

TestDatabase::TestDatabase(const QString &sqlitePath)
    : m_sqlitePath(sqlitePath)
{ }

TestDatabase::~TestDatabase()
{
    if (!m_created || m_postgresName.isEmpty())
        return;
    // FORCE: a server killed by a test may leave its session behind for a moment.
    const bool dropped = withConnection(Mode::Admin, [this](QSqlDatabase &db) {
        QSqlQuery query(db);
        if (!query.exec(
                QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_postgresName)))
            m_error = query.lastError().text();
        else
            m_error.clear();
    });
    if (!dropped || !m_error.isEmpty())
        qWarning().noquote() << "cannot drop test database" << m_postgresName << m_error;
}

bool TestDatabase::create()
{
    if (m_created)
        return true;
    if (backend() == Backend::Sqlite) {
        m_created = true;
        return true;
    }
    if (clusterUrl().isEmpty()) {
        m_error = QStringLiteral("PARLEY_TEST_DATABASE=postgresql needs PARLEY_TEST_POSTGRES_URL: "
                                 "eval \"$(packaging/postgres-test-cluster.sh start)\" sets it");
        return false;
    }
    const QString name
        = QStringLiteral("parley_t_%1")
              .arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0'));
    bool done = false;
    const bool connected = withConnection(Mode::Admin, [&](QSqlDatabase &db) {
        QSqlQuery query(db);
        done = query.exec(QStringLiteral("CREATE DATABASE ") + name);
        if (!done)
            m_error = QStringLiteral("cannot create %1: %2").arg(name, query.lastError().text());
    });
    if (!connected || !done)
        return false;
    m_postgresName = name;
    m_postgresUrl = clusterUrl();
    m_postgresUrl.setPath(u'/' + name);
    m_created = true;
    return true;
}

QStringList TestDatabase::serverArguments() const
{
    if (m_postgresUrl.isEmpty())
        return {};
    return {QStringLiteral("--database"), m_postgresUrl.toString()};
}

bool TestDatabase::withConnection(Mode mode, const std::function<void(QSqlDatabase &)> &work) const
{
    const bool admin = mode == Mode::Admin;
    const QString name = uniqueConnectionName();
    bool opened = false;
    {
        QSqlDatabase db;
        if (backend() == Backend::Sqlite) {
            db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(m_sqlitePath);
            if (mode == Mode::Read)
                db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        } else {
            db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
            connectTo(db, admin ? clusterUrl() : m_postgresUrl);
        }
        opened = db.open();
        if (!opened) {
            m_error = QStringLiteral("cannot open the %1 test database: %2")
                          .arg(backendName(), db.lastError().text());
        } else {
            if (mode == Mode::Read && backend() == Backend::Postgresql)
                QSqlQuery(db).exec(QStringLiteral("SET default_transaction_read_only = on"));
            work(db);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return opened;
}

bool TestDatabase::execute(const QString &sql) const
{
    bool done = false;
    withConnection(Mode::Write, [&](QSqlDatabase &db) {
        QSqlQuery query(db);
        done = query.exec(sql);
        if (!done)
            m_error = query.lastError().text();
    });
    return done;
}

QVariant TestDatabase::queryScalar(const QString &sql) const
{
    QVariant result;
    withConnection(Mode::Read, [&](QSqlDatabase &db) {
        QSqlQuery query(db);
        if (!query.exec(sql))
            m_error = query.lastError().text();
        else if (query.next())
            result = query.value(0);
        else
            m_error = QStringLiteral("no row for: ") + sql;
    });
    return result;
}

QByteArray TestDatabase::dumpAllText() const
{
    QByteArray all;
    withConnection(Mode::Read, [&](QSqlDatabase &db) {
        for (const QString &table : db.tables(QSql::Tables)) {
            QSqlQuery query(db);
            if (!query.exec(QStringLiteral("SELECT * FROM ") + quotedIdentifier(table))) {
                m_error = query.lastError().text();
                continue;
            }
            while (query.next()) {
                for (int column = 0; column < query.record().count(); ++column)
                    all += query.value(column).toString().toUtf8() + '\n';
            }
        }
    });
    return all;
}
