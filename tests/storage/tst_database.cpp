#include "core/sql/Database.h"
#include "server/storage/IdentityStore.h"
#include "server/storage/MailboxStore.h"
#include "server/storage/Schema.h"
#include "tests/support/TestDatabase.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace parley::server;
using parley::sql::Database;
using parley::sql::Transaction;

namespace {

const QString Password = QStringLiteral("s3cret-Pa55");

QUrl postgresUrlOn(quint16 port, const QString &query = {})
{
    QUrl url(QStringLiteral("postgresql://parley@127.0.0.1/parley_nowhere"));
    url.setPassword(Password);
    url.setPort(port);
    if (!query.isEmpty())
        url.setQuery(query);
    return url;
}

// A loopback port that nothing listens on (just released by a listener of our own).
quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost);
    return server.serverPort();
}

qint64 backendPid(Database &db)
{
    auto query = db.exec(QStringLiteral("SELECT pg_backend_pid()"));
    if (!query)
        return -1;
    QSqlQuery row = std::move(query).value();
    return row.next() ? row.value(0).toLongLong() : -1;
}

QSqlQuery firstRow(Database &db, const QString &sql, std::initializer_list<QVariant> values)
{
    auto query = db.exec(sql, values);
    if (!query)
        return QSqlQuery();
    QSqlQuery row = std::move(query).value();
    row.next();
    return row;
}

} // namespace

// The server's storage on the backend CTest chose (docs/architecture.md, "PostgreSQL"): the
// schema migrates all or nothing, the stores' statements and bindings behave alike on SQLite
// and PostgreSQL, and a PostgreSQL that cannot be used is named clearly.
class DatabaseTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    // First: it needs QPSQL not loaded yet.
    void missingPostgresDriverIsNamed();
    void badPostgresUrlsAreRefusedBeforeConnecting_data();
    void badPostgresUrlsAreRefusedBeforeConnecting();
    void unreachablePostgresIsReportedWithoutThePassword();
    void silentPostgresTimesOut();

    void newDatabaseGetsTheLatestSchemaAndOpensAgain();
    void failedMigrationStepLeavesTheDatabaseAsItWas();
    void newerSchemaIsRefused();
    void nullsBooleansAndBigIntegersRoundTrip();
    void textWithQuotesAndQuestionMarksRoundTrips();
    void repeatedReceiptIsReportedAndStoredOnce();
    void mailboxPagesHonourTheBoundLimit();
    void lostPostgresConnectionIsReopenedBetweenTransactionsOnly();

private:
    bool open(Database &db);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TestDatabase> m_database;
};

void DatabaseTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_database = std::make_unique<TestDatabase>(m_dir->filePath(QStringLiteral("parley.db")));
}

void DatabaseTest::cleanup()
{
    m_database.reset();
    m_dir.reset();
}

// Opens (creating it first) this test's database on the chosen backend.
bool DatabaseTest::open(Database &db)
{
    if (!m_database->create()) {
        qWarning().noquote() << m_database->errorString();
        return false;
    }
    const auto opened = TestDatabase::backend() == TestDatabase::Backend::Postgresql
        ? db.openPostgres(m_database->postgresUrl())
        : db.openSqlite(m_database->sqlitePath());
    const auto migrated = opened ? db.migrate(schemaMigrations()) : opened;
    if (!migrated)
        qWarning().noquote() << migrated.error().message;
    return migrated.ok();
}

void DatabaseTest::missingPostgresDriverIsNamed()
{
    const QStringList paths = QCoreApplication::libraryPaths();
    QTemporaryDir noPlugins;
    QCoreApplication::setLibraryPaths({noPlugins.path()});
    Database db;
    const auto opened = db.openPostgres(postgresUrlOn(closedPort()));
    QCoreApplication::setLibraryPaths(paths);
    QVERIFY(!opened);
    QVERIFY2(opened.error().message.contains(QLatin1String("QPSQL"))
                 && opened.error().message.contains(QLatin1String("libqt6sql6-psql")),
             qPrintable(opened.error().message));
}

void DatabaseTest::badPostgresUrlsAreRefusedBeforeConnecting_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("message");
    QTest::newRow("no database") << QStringLiteral("postgresql://parley:pw@127.0.0.1:5432/")
                                 << QStringLiteral("postgresql://USER:PASSWORD@HOST:PORT/DATABASE");
    QTest::newRow("other scheme") << QStringLiteral("mysql://parley:pw@127.0.0.1/parley")
                                  << QStringLiteral(
                                         "postgresql://USER:PASSWORD@HOST:PORT/DATABASE");
    QTest::newRow("unknown parameter")
        << QStringLiteral("postgresql://parley@127.0.0.1/parley?frobnicate=1")
        << QStringLiteral("unknown parameter 'frobnicate'");
    QTest::newRow("parameter value with a space")
        << QStringLiteral("postgresql://parley@127.0.0.1/parley?sslmode=re%20quire")
        << QStringLiteral("'sslmode'");
}

void DatabaseTest::badPostgresUrlsAreRefusedBeforeConnecting()
{
    QFETCH(QString, url);
    QFETCH(QString, message);
    Database db;
    QElapsedTimer timer;
    timer.start();
    const auto opened = db.openPostgres(QUrl(url));
    QVERIFY(!opened);
    QVERIFY2(opened.error().message.contains(message), qPrintable(opened.error().message));
    QVERIFY(timer.elapsed() < 1000);
}

void DatabaseTest::unreachablePostgresIsReportedWithoutThePassword()
{
    const quint16 port = closedPort();
    Database db;
    const auto opened = db.openPostgres(postgresUrlOn(port));
    QVERIFY(!opened);
    const QString message = opened.error().message;
    QVERIFY2(message.startsWith(QStringLiteral("cannot connect to PostgreSQL at "
                                               "postgresql://parley@127.0.0.1:%1/parley_nowhere: ")
                                    .arg(port)),
             qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("refused")), qPrintable(message));
    QVERIFY2(!message.contains(Password), qPrintable(message));
}

void DatabaseTest::silentPostgresTimesOut()
{
    // Accepts TCP connections (the kernel does, from the backlog) and never answers.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    Database db;
    QElapsedTimer timer;
    timer.start();
    const auto opened
        = db.openPostgres(postgresUrlOn(silent.serverPort(), QStringLiteral("connect_timeout=2")));
    const qint64 elapsed = timer.elapsed();
    QVERIFY(!opened);
    QVERIFY2(opened.error().message.contains(QLatin1String("timeout")),
             qPrintable(opened.error().message));
    QVERIFY2(elapsed >= 1500 && elapsed < 10000, qPrintable(QString::number(elapsed)));
}

void DatabaseTest::newDatabaseGetsTheLatestSchemaAndOpensAgain()
{
    const int latest = int(schemaMigrations().size());
    {
        Database db;
        QVERIFY(open(db));
        QCOMPARE(db.schemaVersion(), latest);
    }
    Database again;
    QVERIFY(open(again));
    QCOMPARE(again.schemaVersion(), latest);
    QCOMPARE(m_database->queryScalar(QStringLiteral("SELECT COUNT(*) FROM schema_version")).toInt(),
             1);
}

void DatabaseTest::failedMigrationStepLeavesTheDatabaseAsItWas()
{
    Database db;
    QVERIFY(open(db));
    const int latest = int(schemaMigrations().size());
    QList<QStringList> steps = schemaMigrations();
    steps.append({QStringLiteral("CREATE TABLE extra (id TEXT PRIMARY KEY)"),
                  QStringLiteral("INSERT INTO extra (id) VALUES ('kept?')"),
                  QStringLiteral("INSERT INTO no_such_table (id) VALUES ('x')")});
    const auto failed = db.migrate(steps);
    QVERIFY(!failed);
    QVERIFY2(failed.error().message.contains(QStringLiteral("step %1 failed").arg(latest + 1)),
             qPrintable(failed.error().message));
    QCOMPARE(db.schemaVersion(), latest);

    // The table of the failed step is gone too (DDL rolled back): creating it again works.
    steps.last() = {QStringLiteral("CREATE TABLE extra (id TEXT PRIMARY KEY)")};
    const auto retried = db.migrate(steps);
    QVERIFY2(retried, retried ? "" : qPrintable(retried.error().message));
    QCOMPARE(db.schemaVersion(), latest + 1);
    QCOMPARE(m_database->queryScalar(QStringLiteral("SELECT COUNT(*) FROM extra")).toInt(), 0);
}

void DatabaseTest::newerSchemaIsRefused()
{
    Database db;
    QVERIFY(open(db));
    const int latest = int(schemaMigrations().size());
    const auto refused = db.migrate(schemaMigrations().mid(0, latest - 1));
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.contains(QLatin1String("newer than this program")),
             qPrintable(refused.error().message));
    QCOMPARE(db.schemaVersion(), latest);
}

void DatabaseTest::nullsBooleansAndBigIntegersRoundTrip()
{
    Database db;
    QVERIFY(open(db));
    IdentityStore identities(db);
    const auto user = identities.createUser(QStringLiteral("+15550001111"));
    QVERIFY(user);
    const auto device
        = identities.addDevice(user.value().id, QStringLiteral("laptop"), QByteArray(32, 'k'));
    QVERIFY(device);
    const QString deviceId = device.value().id;

    // NULL into a BIGINT and a TEXT column; a 64-bit value and a negative one into BIGINT.
    const qint64 big = (qint64(1) << 40) + 5;
    QVERIFY(db.exec(QStringLiteral("UPDATE devices SET revoked_at = ?, next_seq = ?, "
                                   "tokens_revoked_at = ? WHERE id = ?"),
                    {QVariant(), big, qint64(-7), deviceId}));
    QVERIFY(db.exec(QStringLiteral("UPDATE users SET email = ? WHERE id = ?"),
                    {QVariant(), user.value().id}));
    QSqlQuery row = firstRow(db,
                             QStringLiteral("SELECT d.revoked_at, d.next_seq, d.tokens_revoked_at, "
                                            "u.email FROM devices d JOIN users u ON u.id = "
                                            "d.user_id WHERE d.id = ?"),
                             {deviceId});
    QVERIFY(row.isValid());
    QVERIFY(row.value(0).isNull());
    QCOMPARE(row.value(1).toLongLong(), big);
    QCOMPARE(row.value(2).toLongLong(), qint64(-7));
    QVERIFY(row.value(3).isNull());

    // A bool binds as INTEGER 0/1, both to store and to compare.
    for (const bool flag : {false, true}) {
        QVERIFY(db.exec(QStringLiteral("UPDATE users SET share_last_seen = ? WHERE id = ?"),
                        {flag, user.value().id}));
        row = firstRow(db,
                       QStringLiteral("SELECT share_last_seen, COUNT(*) FROM users "
                                      "WHERE share_last_seen = ? GROUP BY share_last_seen"),
                       {flag});
        QVERIFY(row.isValid());
        QCOMPARE(row.value(0).toInt(), flag ? 1 : 0);
        QCOMPARE(row.value(1).toLongLong(), 1);
    }
}

void DatabaseTest::textWithQuotesAndQuestionMarksRoundTrips()
{
    Database db;
    QVERIFY(open(db));
    IdentityStore identities(db);
    const auto user = identities.createUser(QStringLiteral("+15550002222"));
    QVERIFY(user);
    const QString name = QStringLiteral("O'Brien \\ \"?\" $1 ; -- \u00fcn\u00ef \U0001F35D");
    QVERIFY(db.exec(QStringLiteral("UPDATE users SET display_name = ? WHERE id = ?"),
                    {name, user.value().id}));
    // A '?' inside a literal is not a placeholder.
    const QSqlQuery row = firstRow(db,
                                   QStringLiteral("SELECT display_name FROM users WHERE "
                                                  "display_name <> '?' AND display_name = ?"),
                                   {name});
    QVERIFY(row.isValid());
    QCOMPARE(row.value(0).toString(), name);
}

void DatabaseTest::repeatedReceiptIsReportedAndStoredOnce()
{
    Database db;
    QVERIFY(open(db));
    MailboxStore mailbox(db);
    const auto first = mailbox.insertReceipt(QStringLiteral("alice"), QStringLiteral("m1"),
                                             QStringLiteral("bob-laptop"),
                                             QStringLiteral("message:delivered"), 1000);
    const auto again = mailbox.insertReceipt(QStringLiteral("alice"), QStringLiteral("m1"),
                                             QStringLiteral("bob-laptop"),
                                             QStringLiteral("message:delivered"), 2000);
    QVERIFY(first);
    QVERIFY(again);
    QCOMPARE(first.value(), true);
    QCOMPARE(again.value(), false);
    QCOMPARE(m_database->queryScalar(QStringLiteral("SELECT COUNT(*) FROM receipts")).toLongLong(),
             1);
}

void DatabaseTest::mailboxPagesHonourTheBoundLimit()
{
    Database db;
    QVERIFY(open(db));
    IdentityStore identities(db);
    MailboxStore mailbox(db);
    const auto user = identities.createUser(QStringLiteral("+15550003333"));
    QVERIFY(user);
    const auto device
        = identities.addDevice(user.value().id, QStringLiteral("phone"), QByteArray(32, 'p'));
    QVERIFY(device);
    const QString deviceId = device.value().id;
    StoredMessage message;
    message.senderUserId = QStringLiteral("alice");
    message.messageId = QStringLiteral("m1");
    message.senderDeviceId = QStringLiteral("alice-laptop");
    message.recipientUserId = user.value().id;
    message.serverTime = 1000;
    {
        Transaction transaction(db);
        QVERIFY(transaction.ok());
        QVERIFY(mailbox.insertMessage(message));
        for (int i = 0; i < 5; ++i) {
            const auto seq
                = mailbox.append(deviceId, QStringLiteral("message:receive"),
                                 {{QStringLiteral("n"), i}}, i == 0 ? &message : nullptr);
            QVERIFY(seq);
            QCOMPARE(seq.value(), qint64(i + 1));
        }
        QVERIFY(transaction.commit());
    }
    const auto page = mailbox.eventsAfter(deviceId, 0, 3);
    QVERIFY(page);
    QCOMPARE(page.value().size(), 3);
    QCOMPARE(page.value().last().seq, qint64(3));
    QCOMPARE(page.value().last().data.value(QStringLiteral("n")).toInt(), 2);
    const auto rest = mailbox.eventsAfter(deviceId, 3, 3);
    QVERIFY(rest);
    QCOMPARE(rest.value().size(), 2);
    QCOMPARE(rest.value().last().seq, qint64(5));

    const auto addressed = mailbox.isAddressedTo(deviceId, message.senderUserId, message.messageId);
    QVERIFY(addressed);
    QVERIFY(addressed.value());
    // The events without a message have NULL in its columns.
    QCOMPARE(m_database
                 ->queryScalar(QStringLiteral("SELECT COUNT(*) FROM mailbox WHERE "
                                              "message_id IS NULL AND message_sender IS NULL"))
                 .toLongLong(),
             4);
}

void DatabaseTest::lostPostgresConnectionIsReopenedBetweenTransactionsOnly()
{
    if (TestDatabase::backend() != TestDatabase::Backend::Postgresql)
        QSKIP("PostgreSQL only: an SQLite file has no connection to lose");
    Database db;
    QVERIFY(open(db));
    // As a PostgreSQL restart or failover would; the call waits until the backend is gone.
    const auto terminate = [this](qint64 pid) {
        return m_database
            ->queryScalar(QStringLiteral("SELECT pg_terminate_backend(%1, 10000)").arg(pid))
            .toBool();
    };

    const qint64 first = backendPid(db);
    QVERIFY(first > 0);
    QVERIFY(terminate(first));
    // The statement that finds the connection gone fails (and is reported as failed); the next
    // one runs on a new connection.
    QVERIFY(!db.exec(QStringLiteral("SELECT 1")));
    const qint64 second = backendPid(db);
    QVERIFY(second > 0);
    QVERIFY(second != first);

    // Inside a transaction nothing may run on a new connection, in autocommit: what the
    // transaction did is gone, so the rest of it fails and it cannot commit.
    IdentityStore identities(db);
    {
        Transaction transaction(db);
        QVERIFY(transaction.ok());
        QVERIFY(identities.createUser(QStringLiteral("+15550004444")));
        QVERIFY(terminate(second));
        QVERIFY(!identities.createUser(QStringLiteral("+15550005555")));
        QVERIFY(!identities.createUser(QStringLiteral("+15550006666")));
        QVERIFY(!transaction.commit());
    }
    QVERIFY(backendPid(db) > 0);
    QCOMPARE(m_database->queryScalar(QStringLiteral("SELECT COUNT(*) FROM users")).toLongLong(), 0);
}

QTEST_GUILESS_MAIN(DatabaseTest)
#include "tst_database.moc"
