#include "tests/support/FrameFilterProxy.h"
#include "tests/support/ServerProcess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <signal.h>

namespace {
constexpr int WaitMs = 20000;
const QString AlicePhone = QStringLiteral("+12025550123");
const QString BobPhone = QStringLiteral("+12025550182");

bool finishes(QProcess &process, int timeoutMs)
{
    return QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, timeoutMs);
}

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

QList<QJsonObject> jsonLines(const QString &text)
{
    QList<QJsonObject> lines;
    for (const QString &line : text.split(u'\n', Qt::SkipEmptyParts))
        lines.append(QJsonDocument::fromJson(line.toUtf8()).object());
    return lines;
}
} // namespace

// parley-cli as testers and scripts use it: real processes against a real server
// (README.md, "parley-cli").
class CliTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void loginReadsTheCodeFromStandardInput();
    void sentMessageIsInBothHistoriesAndSearchable();
    void listenPrintsEachMessageAndReceiptAsAJsonLine();
    void messageKilledBeforeItsAckIsSentByTheNextRunExactlyOnce();
    void receivedMessageKilledBeforeItsReceiptIsStoredOnce();
    void everyChatFeatureIsDrivenFromTheTerminal();
    void errorsHaveTheirExitCodes_data();
    void errorsHaveTheirExitCodes();
    void damagedStoreIsNamedAndKept();

private:
    QStringList base(const QString &profile, const QUrl &server = {}) const;
    Run cli(const QString &profile, const QStringList &args, const QByteArray &input = {},
            int timeoutMs = WaitMs, const QUrl &server = {});
    // Starts parley-cli in the background (listen, or a process a test kills).
    void startCli(QProcess &process, const QString &profile, const QStringList &args,
                  const QUrl &server = {}) const;
    bool login(const QString &profile, const QString &phone, const QUrl &server = {});

    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void CliTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<ServerProcess>();
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
}

void CliTest::cleanup()
{
    m_server.reset();
    m_dir.reset();
}

QStringList CliTest::base(const QString &profile, const QUrl &server) const
{
    return {QStringLiteral("--server"), (server.isEmpty() ? m_server->url() : server).toString(),
            QStringLiteral("--profile"), m_dir->filePath(profile)};
}

Run CliTest::cli(const QString &profile, const QStringList &args, const QByteArray &input,
                 int timeoutMs, const QUrl &server)
{
    QProcess process;
    startCli(process, profile, args, server);
    if (!process.waitForStarted(timeoutMs))
        return {};
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    // The event loop keeps running meanwhile: a proxy in this process must go on relaying.
    if (!finishes(process, timeoutMs)) {
        process.kill();
        process.waitForFinished();
    }
    Run run{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
    if (run.exitCode != 0)
        qInfo().noquote() << "parley-cli" << args.join(u' ') << "->" << run.exitCode << run.err;
    return run;
}

void CliTest::startCli(QProcess &process, const QString &profile, const QStringList &args,
                       const QUrl &server) const
{
    process.start(qEnvironmentVariable("PARLEY_CLI"), base(profile, server) + args);
}

bool CliTest::login(const QString &profile, const QString &phone, const QUrl &server)
{
    // The code is asked for after it was sent: answer from the file delivery, as a tester
    // would type it.
    QProcess process;
    startCli(process, profile, {QStringLiteral("login"), phone}, server);
    const QString code = m_server->takeCode(phone);
    if (code.isEmpty())
        return false;
    process.write(code.toLatin1() + '\n');
    process.closeWriteChannel();
    if (finishes(process, WaitMs) && process.exitCode() == 0)
        return true;
    qInfo().noquote() << "parley-cli login" << phone << process.readAllStandardError();
    return false;
}

void CliTest::loginReadsTheCodeFromStandardInput()
{
    QVERIFY(login(QStringLiteral("alice"), AlicePhone));
    QVERIFY(QFile::exists(m_dir->filePath(QStringLiteral("alice/session.json"))));
    QVERIFY(QFile::exists(m_dir->filePath(QStringLiteral("alice/device.key"))));

    // A wrong code is refused with the server's reason.
    QProcess process;
    startCli(process, QStringLiteral("bob"), {QStringLiteral("login"), BobPhone});
    QVERIFY(!m_server->takeCode(BobPhone).isEmpty());
    process.write("000000\n");
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(WaitMs));
    QCOMPARE(process.exitCode(), 1);
    QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("bob/session.json"))));
}

void CliTest::sentMessageIsInBothHistoriesAndSearchable()
{
    QVERIFY(login(QStringLiteral("alice"), AlicePhone));
    QVERIFY(login(QStringLiteral("bob"), BobPhone));
    const QString text = QStringLiteral("Dinner at eight? مرحبا 🎉");
    const Run sent = cli(QStringLiteral("alice"),
                         {QStringLiteral("send"), QStringLiteral("+1 202 555 0182"), text,
                          QStringLiteral("--json")});
    QCOMPARE(sent.exitCode, 0);
    const QString id = jsonLines(sent.out).value(0).value(QLatin1String("messageId")).toString();
    QVERIFY(!id.isEmpty());

    // Bob has never seen Alice: his history asks the server for her number, then syncs.
    const Run bobs = cli(QStringLiteral("bob"),
                         {QStringLiteral("history"), AlicePhone, QStringLiteral("--json")});
    QCOMPARE(bobs.exitCode, 0);
    const auto lines = jsonLines(bobs.out);
    QCOMPARE(lines.size(), 1);
    QCOMPARE(lines.first().value(QLatin1String("messageId")).toString(), id);
    QCOMPARE(lines.first().value(QLatin1String("text")).toString(), text);
    QCOMPARE(lines.first().value(QLatin1String("outgoing")).toBool(), false);

    const Run alices = cli(QStringLiteral("alice"),
                           {QStringLiteral("history"), BobPhone, QStringLiteral("--json")});
    QCOMPARE(alices.exitCode, 0);
    QCOMPARE(jsonLines(alices.out).value(0).value(QLatin1String("outgoing")).toBool(), true);

    const Run found
        = cli(QStringLiteral("bob"),
              {QStringLiteral("search"), QStringLiteral("dinn مرح"), QStringLiteral("--json")});
    QCOMPARE(found.exitCode, 0);
    QCOMPARE(jsonLines(found.out).size(), 1);
    const Run chats
        = cli(QStringLiteral("bob"), {QStringLiteral("chats"), QStringLiteral("--json")});
    QCOMPARE(chats.exitCode, 0);
    QCOMPARE(jsonLines(chats.out).value(0).value(QLatin1String("unread")).toInt(), 1);
}

void CliTest::listenPrintsEachMessageAndReceiptAsAJsonLine()
{
    QVERIFY(login(QStringLiteral("alice"), AlicePhone));
    QVERIFY(login(QStringLiteral("bob"), BobPhone));
    QProcess listener;
    startCli(listener, QStringLiteral("alice"),
             {QStringLiteral("listen"), QStringLiteral("--json")});
    QVERIFY(listener.waitForStarted());
    QByteArray said;
    QTRY_VERIFY2_WITH_TIMEOUT((said += listener.readAllStandardError()).contains("Listening"),
                              said.constData(), WaitMs);

    QCOMPARE(cli(QStringLiteral("bob"), {QStringLiteral("send"), AlicePhone, QStringLiteral("one")})
                 .exitCode,
             0);
    const Run second = cli(
        QStringLiteral("bob"),
        {QStringLiteral("send"), AlicePhone, QStringLiteral("two"), QStringLiteral("--json")});
    QCOMPARE(second.exitCode, 0);
    QString out;
    QTRY_VERIFY_WITH_TIMEOUT(
        (out += QString::fromUtf8(listener.readAllStandardOutput())).count(u'\n') >= 2, WaitMs);
    // Presence lines come too (Bob's runs come online and go); the messages in order.
    QList<QJsonObject> lines;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            out += QString::fromUtf8(listener.readAllStandardOutput());
            lines.clear();
            for (const QJsonObject &line : jsonLines(out)) {
                if (line.value(QLatin1String("event")).toString() == QLatin1String("message"))
                    lines.append(line);
            }
            return lines.size() >= 2;
        }(),
        WaitMs);
    QCOMPARE(lines.at(0).value(QLatin1String("text")).toString(), QStringLiteral("one"));
    QCOMPARE(lines.at(1).value(QLatin1String("text")).toString(), QStringLiteral("two"));

    // Bob's next run learns that Alice's device has them: the receipts came back.
    const QString id = jsonLines(second.out).value(0).value(QLatin1String("messageId")).toString();
    QProcess bobListens;
    startCli(bobListens, QStringLiteral("bob"),
             {QStringLiteral("listen"), QStringLiteral("--json")});
    QString bobOut;
    QTRY_VERIFY_WITH_TIMEOUT(
        (bobOut += QString::fromUtf8(bobListens.readAllStandardOutput())).contains(id), WaitMs);
    bool delivered = false;
    for (const QJsonObject &line : jsonLines(bobOut))
        delivered = delivered
            || (line.value(QLatin1String("event")).toString() == QLatin1String("delivered")
                && line.value(QLatin1String("messageId")).toString() == id);
    QVERIFY(delivered);
    listener.kill();
    bobListens.kill();
    listener.waitForFinished();
    bobListens.waitForFinished();
}

void CliTest::messageKilledBeforeItsAckIsSentByTheNextRunExactlyOnce()
{
    QVERIFY(login(QStringLiteral("alice"), AlicePhone));
    QVERIFY(login(QStringLiteral("bob"), BobPhone));
    QCOMPARE(cli(QStringLiteral("alice"), {QStringLiteral("send"), BobPhone, QStringLiteral("hi")})
                 .exitCode,
             0);

    // The server is down: the message is stored and waits; the process is killed (-9).
    m_server->kill();
    QProcess sender;
    startCli(sender, QStringLiteral("alice"),
             {QStringLiteral("send"), BobPhone, QStringLiteral("written offline")});
    QVERIFY(sender.waitForStarted());
    QTest::qWait(1500); // stored long before: the store commit takes milliseconds
    ::kill(pid_t(sender.processId()), SIGKILL);
    QVERIFY(sender.waitForFinished());
    QCOMPARE(sender.exitStatus(), QProcess::CrashExit);

    const Run pending = cli(QStringLiteral("alice"),
                            {QStringLiteral("history"), BobPhone, QStringLiteral("--json")});
    const auto before = jsonLines(pending.out);
    QCOMPARE(before.size(), 2);
    QCOMPARE(before.at(1).value(QLatin1String("status")).toString(), QStringLiteral("pending"));

    // Back up: the next run sends it, once; the server acks the same id.
    QVERIFY(m_server->restart());
    QProcess again;
    startCli(again, QStringLiteral("alice"), {QStringLiteral("listen"), QStringLiteral("--json")});
    QString out;
    QTRY_VERIFY_WITH_TIMEOUT(
        (out += QString::fromUtf8(again.readAllStandardOutput())).contains(QLatin1String("sent")),
        WaitMs);
    again.kill();
    again.waitForFinished();
    const Run bobs = cli(QStringLiteral("bob"),
                         {QStringLiteral("history"), AlicePhone, QStringLiteral("--json")});
    const auto received = jsonLines(bobs.out);
    QCOMPARE(received.size(), 2);
    QCOMPARE(received.at(1).value(QLatin1String("text")).toString(),
             QStringLiteral("written offline"));
    QCOMPARE(received.at(1).value(QLatin1String("messageId")).toString(),
             before.at(1).value(QLatin1String("messageId")).toString());
    const Run after = cli(QStringLiteral("alice"),
                          {QStringLiteral("history"), BobPhone, QStringLiteral("--json")});
    QVERIFY(jsonLines(after.out).at(1).value(QLatin1String("status")).toString()
            != QLatin1String("pending"));
}

void CliTest::receivedMessageKilledBeforeItsReceiptIsStoredOnce()
{
    QVERIFY(login(QStringLiteral("alice"), AlicePhone));
    // Bob's client talks to the server through a proxy that can hold back his receipts.
    FrameFilterProxy proxy(m_server->port());
    QVERIFY(proxy.listen());
    QUrl viaProxy = m_server->url();
    viaProxy.setPort(proxy.port());
    QVERIFY(login(QStringLiteral("bob"), BobPhone, viaProxy));

    proxy.setDroppedTypes({QStringLiteral("message:delivered")});
    QProcess listener;
    startCli(listener, QStringLiteral("bob"), {QStringLiteral("listen"), QStringLiteral("--json")},
             viaProxy);
    QByteArray said;
    QTRY_VERIFY_WITH_TIMEOUT((said += listener.readAllStandardError()).contains("Listening"),
                             WaitMs);
    const Run sent
        = cli(QStringLiteral("alice"),
              {QStringLiteral("send"), BobPhone, QStringLiteral("held"), QStringLiteral("--json")});
    QCOMPARE(sent.exitCode, 0);
    const QString id = jsonLines(sent.out).value(0).value(QLatin1String("messageId")).toString();
    // Stored and announced; its receipt went out and was dropped: then the process dies.
    QString out;
    QTRY_VERIFY_WITH_TIMEOUT(
        (out += QString::fromUtf8(listener.readAllStandardOutput())).contains(id), WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(proxy.droppedCount(), 1, WaitMs);
    ::kill(pid_t(listener.processId()), SIGKILL);
    QVERIFY(listener.waitForFinished());

    // The next run syncs from before the message (it was never handled), stores it once and
    // acknowledges it; Alice learns it was delivered.
    proxy.setDroppedTypes({});
    QProcess again;
    startCli(again, QStringLiteral("bob"), {QStringLiteral("listen"), QStringLiteral("--json")},
             viaProxy);
    QProcess aliceListens;
    startCli(aliceListens, QStringLiteral("alice"),
             {QStringLiteral("listen"), QStringLiteral("--json")});
    QString alicesOut;
    QTRY_VERIFY_WITH_TIMEOUT((alicesOut += QString::fromUtf8(aliceListens.readAllStandardOutput()))
                                 .contains(QLatin1String("\"event\":\"delivered\"")),
                             WaitMs);
    again.kill();
    aliceListens.kill();
    again.waitForFinished();
    aliceListens.waitForFinished();
    QVERIFY(!QString::fromUtf8(again.readAllStandardOutput()).contains(id)); // not announced twice
    const Run history = cli(QStringLiteral("bob"),
                            {QStringLiteral("history"), AlicePhone, QStringLiteral("--json")}, {},
                            WaitMs, viaProxy);
    QCOMPARE(history.exitCode, 0);
    const auto lines = jsonLines(history.out);
    int copies = 0;
    for (const QJsonObject &line : lines)
        copies += line.value(QLatin1String("messageId")).toString() == id ? 1 : 0;
    QCOMPARE(copies, 1);
}

void CliTest::everyChatFeatureIsDrivenFromTheTerminal()
{
    QVERIFY(login(QStringLiteral("alice"), AlicePhone));
    QVERIFY(login(QStringLiteral("bob"), BobPhone));
    const QString json = QStringLiteral("--json");
    const auto first = [](const Run &run) { return jsonLines(run.out).value(0); };
    const Run sent = cli(QStringLiteral("alice"),
                         {QStringLiteral("send"), BobPhone, QStringLiteral("helo"), json});
    QCOMPARE(sent.exitCode, 0);
    const QString id = first(sent).value(QLatin1String("messageId")).toString();
    QCOMPARE(cli(QStringLiteral("bob"), {QStringLiteral("history"), AlicePhone}).exitCode, 0);

    // Bob replies, Alice fixes her typo, Bob reacts.
    const Run replied = cli(QStringLiteral("bob"),
                            {QStringLiteral("reply"), AlicePhone, id, QStringLiteral("hi!"), json});
    QCOMPARE(replied.exitCode, 0);
    const QString replyId = first(replied).value(QLatin1String("messageId")).toString();
    QCOMPARE(cli(QStringLiteral("alice"),
                 {QStringLiteral("edit"), BobPhone, id, QStringLiteral("hello")})
                 .exitCode,
             0);
    QCOMPARE(cli(QStringLiteral("bob"),
                 {QStringLiteral("react"), AlicePhone, id, QStringLiteral("\U0001F44D")})
                 .exitCode,
             0);
    const Run alices = cli(QStringLiteral("alice"), {QStringLiteral("history"), BobPhone, json});
    QCOMPARE(alices.exitCode, 0);
    const auto lines = jsonLines(alices.out);
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.at(0).value(QLatin1String("text")).toString(), QStringLiteral("hello"));
    QVERIFY(lines.at(0).value(QLatin1String("edited")).toBool());
    const QJsonArray reactions = lines.at(0).value(QLatin1String("reactions")).toArray();
    QCOMPARE(reactions.size(), 1);
    QCOMPARE(reactions.at(0).toObject().value(QLatin1String("emoji")).toString(),
             QStringLiteral("\U0001F44D"));
    QCOMPARE(lines.at(1).value(QLatin1String("messageId")).toString(), replyId);
    QCOMPARE(
        lines.at(1).value(QLatin1String("replyTo")).toObject().value(QLatin1String("messageId")),
        QJsonValue(id));

    // What is not allowed fails with its exit code, and nothing happens.
    QCOMPARE(
        cli(QStringLiteral("bob"), {QStringLiteral("edit"), AlicePhone, id, QStringLiteral("x")})
            .exitCode,
        1);
    QCOMPARE(
        cli(QStringLiteral("bob"), {QStringLiteral("react"), AlicePhone, id, QStringLiteral("ok")})
            .exitCode,
        1);
    QCOMPARE(cli(QStringLiteral("bob"),
                 {QStringLiteral("reply"), AlicePhone, QStringLiteral("no-such-id"),
                  QStringLiteral("?")})
                 .exitCode,
             4);
    QCOMPARE(cli(QStringLiteral("bob"), {QStringLiteral("delete"), AlicePhone, id}).exitCode, 1);

    // Alice deletes it for everyone; Bob's next run shows it deleted.
    QCOMPARE(cli(QStringLiteral("alice"), {QStringLiteral("delete"), BobPhone, id}).exitCode, 0);
    const Run bobs = cli(QStringLiteral("bob"), {QStringLiteral("history"), AlicePhone, json});
    QCOMPARE(bobs.exitCode, 0);
    QVERIFY(first(bobs).value(QLatin1String("deleted")).toBool());
    QCOMPARE(first(bobs).value(QLatin1String("text")).toString(), QString());

    // Both see the same safety number.
    const Run aliceNumber
        = cli(QStringLiteral("alice"), {QStringLiteral("safety-number"), BobPhone, json});
    const Run bobNumber
        = cli(QStringLiteral("bob"), {QStringLiteral("safety-number"), AlicePhone, json});
    QCOMPARE(aliceNumber.exitCode, 0);
    const QString number = first(aliceNumber).value(QLatin1String("safetyNumber")).toString();
    QCOMPARE(number.size(), 60);
    QCOMPARE(first(bobNumber).value(QLatin1String("safetyNumber")).toString(), number);

    // Typing and presence reach a listening Bob.
    QProcess listener;
    startCli(listener, QStringLiteral("bob"), {QStringLiteral("listen"), json});
    QByteArray said;
    QTRY_VERIFY2_WITH_TIMEOUT((said += listener.readAllStandardError()).contains("Listening"),
                              said.constData(), WaitMs);
    const Run status = cli(QStringLiteral("alice"), {QStringLiteral("status"), BobPhone, json});
    QCOMPARE(status.exitCode, 0);
    QVERIFY(first(status).value(QLatin1String("online")).toBool());
    QCOMPARE(cli(QStringLiteral("alice"), {QStringLiteral("typing"), BobPhone}).exitCode, 0);
    QString out;
    QTRY_VERIFY_WITH_TIMEOUT((out += QString::fromUtf8(listener.readAllStandardOutput()))
                                 .contains(QLatin1String("\"typing\":true")),
                             WaitMs);
    bool online = false;
    for (const QJsonObject &line : jsonLines(out))
        online = online || line.value(QLatin1String("event")).toString() == QLatin1String("online");
    QVERIFY(online); // Alice's runs came online while Bob listened
    listener.kill();
    listener.waitForFinished();
}

void CliTest::errorsHaveTheirExitCodes_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("no command") << QStringList{} << 2;
    QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << 2;
    QTest::newRow("missing argument") << QStringList{QStringLiteral("send"), BobPhone} << 2;
    QTest::newRow("bad limit") << QStringList{QStringLiteral("chats"), QStringLiteral("--limit"),
                                              QStringLiteral("0")}
                               << 2;
    QTest::newRow("not signed in") << QStringList{QStringLiteral("chats")} << 3;
    QTest::newRow("typing neither on nor off")
        << QStringList{QStringLiteral("typing"), BobPhone, QStringLiteral("maybe")} << 2;
    QTest::newRow("react without an emoji")
        << QStringList{QStringLiteral("react"), BobPhone, QStringLiteral("m1")} << 2;
    QTest::newRow("safety number not signed in")
        << QStringList{QStringLiteral("safety-number"), BobPhone} << 3;
}

void CliTest::errorsHaveTheirExitCodes()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    const Run run = cli(QStringLiteral("nobody"), args);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY(run.err.startsWith(QLatin1String("parley-cli: ")));
}

void CliTest::damagedStoreIsNamedAndKept()
{
    QVERIFY(login(QStringLiteral("alice"), AlicePhone));
    QVERIFY(login(QStringLiteral("bob"), BobPhone));
    QCOMPARE(cli(QStringLiteral("alice"), {QStringLiteral("send"), BobPhone, QStringLiteral("hi")})
                 .exitCode,
             0);
    const QDir profile(m_dir->filePath(QStringLiteral("alice")));
    const QString store = profile.entryList({QStringLiteral("store-*.db")}).value(0);
    QVERIFY(!store.isEmpty());
    for (const QString &name : profile.entryList({QStringLiteral("store-*")}))
        QFile::remove(profile.filePath(name));
    QFile damaged(profile.filePath(store));
    QVERIFY(damaged.open(QIODevice::WriteOnly));
    damaged.write(QByteArray(4096, '\x7f'));
    damaged.close();

    const Run run = cli(QStringLiteral("alice"), {QStringLiteral("chats")});
    QCOMPARE(run.exitCode, 5);
    QVERIFY2(run.err.contains(store) && run.err.contains(QLatin1String("damaged")),
             qPrintable(run.err));
    QCOMPARE(profile.entryList({QStringLiteral("store-*.db.damaged-*")}).size(), 1);
    QVERIFY(!profile.exists(store));
}

QTEST_GUILESS_MAIN(CliTest)
#include "tst_cli.moc"
