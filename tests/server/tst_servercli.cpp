#include "tests/support/ServerProcess.h"

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QString output;
};

Run runServer(const QStringList &arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(ServerProcess::executable(), arguments);
    if (!process.waitForFinished(10000)) {
        process.kill();
        process.waitForFinished();
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAll())};
}

} // namespace

// The server's command line (later tests and scripts depend on these names).
class ServerCliTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void helpListsEveryOption();
    void portZeroPicksAFreePortAndPrintsIt();
    void badArgumentsExitWithAClearMessage_data();
    void badArgumentsExitWithAClearMessage();
    void secondServerOnTheSamePortFailsLoudly();
    void damagedServerSecretStopsTheStart();
};

void ServerCliTest::helpListsEveryOption()
{
    const Run run = runServer({QStringLiteral("--help")});
    QCOMPARE(run.exitCode, 0);
    for (const char *option : {"--listen", "--data-dir", "--otp-delivery", "console|file:DIR"})
        QVERIFY2(run.output.contains(QLatin1String(option)), option);
}

void ServerCliTest::portZeroPicksAFreePortAndPrintsIt()
{
    ServerProcess server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    static const QRegularExpression line(
        QStringLiteral("^parley-server listening on 127\\.0\\.0\\.1:(\\d+)$"),
        QRegularExpression::MultilineOption);
    const auto match = line.match(server.output());
    QVERIFY2(match.hasMatch(), qPrintable(server.output()));
    QVERIFY(match.captured(1).toInt() > 0);
    QVERIFY(QFile::exists(server.dataDir() + QStringLiteral("/parley.db")));
}

void ServerCliTest::badArgumentsExitWithAClearMessage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("listen without port")
        << QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1")}
        << QStringLiteral("HOST:PORT");
    QTest::newRow("listen bad host")
        << QStringList{QStringLiteral("--listen"), QStringLiteral("nohost:80")}
        << QStringLiteral("HOST:PORT");
    QTest::newRow("listen port too big")
        << QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:70000")}
        << QStringLiteral("HOST:PORT");
    QTest::newRow("unknown delivery")
        << QStringList{QStringLiteral("--otp-delivery"), QStringLiteral("pigeon")}
        << QStringLiteral("console | file:DIR | smtp[s]://HOST:PORT | webhook:URL");
    QTest::newRow("unknown option")
        << QStringList{QStringLiteral("--frobnicate")} << QStringLiteral("frobnicate");
    QTest::newRow("stray argument")
        << QStringList{QStringLiteral("extra")} << QStringLiteral("unexpected argument");
}

void ServerCliTest::badArgumentsExitWithAClearMessage()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const Run run = runServer(arguments + QStringList{QStringLiteral("--data-dir"), dir.path()});
    QVERIFY(run.exitCode != 0);
    QVERIFY2(run.output.contains(message), qPrintable(run.output));
}

void ServerCliTest::secondServerOnTheSamePortFailsLoudly()
{
    ServerProcess first;
    QVERIFY(first.start());
    QTemporaryDir dir;
    const Run second
        = runServer({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(first.port()),
                     QStringLiteral("--data-dir"), dir.path()});
    QCOMPARE(second.exitCode, 1);
    QVERIFY2(second.output.contains(QStringLiteral("cannot listen")), qPrintable(second.output));
}

void ServerCliTest::damagedServerSecretStopsTheStart()
{
    QTemporaryDir dir;
    QFile secret(dir.filePath(QStringLiteral("server-secret")));
    QVERIFY(secret.open(QIODevice::WriteOnly));
    secret.write("not a key\n");
    secret.close();
    const Run run = runServer({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                               QStringLiteral("--data-dir"), dir.path()});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.output.contains(QStringLiteral("damaged")), qPrintable(run.output));
    QFile check(dir.filePath(QStringLiteral("server-secret")));
    QVERIFY(check.open(QIODevice::ReadOnly));
    QCOMPARE(check.readAll(), QByteArray("not a key\n")); // never silently replaced
}

QTEST_GUILESS_MAIN(ServerCliTest)
#include "tst_servercli.moc"
