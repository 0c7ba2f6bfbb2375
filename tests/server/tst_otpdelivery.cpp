#include "core/protocol/RestPayloads.h"
#include "server/auth/OtpDelivery.h"
#include "server/auth/SmtpOtpDelivery.h"
#include "server/auth/WebhookOtpDelivery.h"
#include "tests/support/ServerProcess.h"
#include "tests/support/TestHttp.h"

#include <QDir>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QMutex>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace parley;
using parley::server::OtpMessage;

namespace {

constexpr int WaitMs = 10000;
// "At once": the login answer may not wait for a delivery, which may take 15 s to time out.
constexpr int AtOnceMs = 2000;
// Stopping cancels deliveries in flight; libcurl notices within about a second.
constexpr int StopMs = 5000;

const QString NumberA = QStringLiteral("+12025550101");
const QString NumberB = QStringLiteral("+12025550102");
const QString NumberC = QStringLiteral("+12025550103");
const QString Secret = QStringLiteral("gateway-shared-secret");

// A six-digit run on its own: a code. Ports have at most five digits, E.164 numbers more than six.
const QRegularExpression AnyCode(QStringLiteral("(?<![0-9])[0-9]{6}(?![0-9])"));

// An e-mail as the SMTP sink stored it: envelope lines, then the message as received.
struct Mail
{
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;
    QByteArrayList lines;

    static Mail parse(const QByteArray &raw)
    {
        Mail mail;
        const QByteArray text = QByteArray(raw).replace("\r\n", "\n");
        const qsizetype end = text.indexOf("\n\n");
        for (const QByteArray &line : text.left(end).split('\n')) {
            const qsizetype colon = line.indexOf(':');
            mail.headers.insert(line.left(colon).trimmed().toLower(),
                                line.mid(colon + 1).trimmed());
        }
        mail.body = text.mid(end + 2);
        mail.lines = text.split('\n');
        return mail;
    }
    QByteArray header(const char *name) const { return headers.value(QByteArray(name)); }
    QString code() const
    {
        static const QRegularExpression code(QStringLiteral("code is ([0-9]{6})\\."));
        return code.match(QString::fromUtf8(body)).captured(1);
    }
};

// A real SMTP server on loopback (tests/server/smtp_sink.py on Debian's python3-aiosmtpd).
class SmtpSink
{
public:
    ~SmtpSink()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(5000))
            m_process.kill();
        m_process.waitForFinished(5000);
    }

    bool start()
    {
        const QString script = QFINDTESTDATA("smtp_sink.py");
        const QString python = pythonWithAiosmtpd();
        if (script.isEmpty() || python.isEmpty()) {
            m_error = QStringLiteral("needs python3 with aiosmtpd (Debian: python3-aiosmtpd)");
            return false;
        }
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(python, {script, m_dir.path()});
        static const QRegularExpression listening(QStringLiteral("listening on ([0-9]+)"));
        QByteArray output;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < WaitMs && m_process.state() != QProcess::NotRunning) {
            m_process.waitForReadyRead(100);
            output += m_process.readAll();
            const auto match = listening.match(QString::fromUtf8(output));
            if (match.hasMatch()) {
                m_port = quint16(match.captured(1).toUInt());
                return true;
            }
        }
        m_error = QStringLiteral("the SMTP sink did not start: ") + QString::fromUtf8(output);
        return false;
    }

    QString url() const { return QStringLiteral("smtp://127.0.0.1:%1").arg(m_port); }
    QString errorString() const { return m_error; }

    QList<Mail> mails() const
    {
        QList<Mail> mails;
        const QDir dir(m_dir.path());
        for (const QString &name : dir.entryList({QStringLiteral("*.eml")}, QDir::Files)) {
            QFile file(dir.filePath(name));
            if (file.open(QIODevice::ReadOnly))
                mails.append(Mail::parse(file.readAll()));
        }
        return mails;
    }

private:
    static QString pythonWithAiosmtpd()
    {
        // Debian's interpreter first: a python3 earlier in PATH (pyenv, a venv) lacks the package.
        for (const QString &python : {QStringLiteral("/usr/bin/python3"),
                                      QStandardPaths::findExecutable(QStringLiteral("python3"))}) {
            if (python.isEmpty())
                continue;
            QProcess probe;
            probe.start(python, {QStringLiteral("-c"), QStringLiteral("import aiosmtpd")});
            if (probe.waitForFinished(WaitMs) && probe.exitStatus() == QProcess::NormalExit
                && probe.exitCode() == 0)
                return python;
        }
        return {};
    }

    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
    QString m_error;
};

// An SMS gateway on loopback: records each HTTP request and answers 200, 500 or nothing.
class WebhookReceiver : public QObject
{
public:
    enum class Mode { Accept, Fail, Silent };
    struct Request
    {
        QByteArray method;
        QByteArray path;
        QHash<QByteArray, QByteArray> headers; // names in lower case
        QByteArray body;
    };

    bool listen()
    {
        connect(&m_server, &QTcpServer::newConnection, this, &WebhookReceiver::accept);
        return m_server.listen(QHostAddress::LocalHost, 0);
    }
    QString url() const
    {
        return QStringLiteral("http://127.0.0.1:%1/sms").arg(m_server.serverPort());
    }
    void setMode(Mode mode) { m_mode = mode; }
    void close() { m_server.close(); }
    const QList<Request> &requests() const { return m_requests; }

private:
    void accept()
    {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            socket->setParent(this);
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
        }
    }

    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        Request request;
        const QByteArrayList lines = buffer.left(end).split('\n');
        const QByteArrayList requestLine = lines.value(0).trimmed().split(' ');
        request.method = requestLine.value(0);
        request.path = requestLine.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            request.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                   lines[i].mid(colon + 1).trimmed());
        }
        const qsizetype length = request.headers.value("content-length").toLongLong();
        if (buffer.size() < end + 4 + length)
            return;
        request.body = buffer.mid(end + 4, length);
        m_buffers.remove(socket);
        m_requests.append(request);
        if (m_mode == Mode::Silent)
            return;
        socket->write(m_mode == Mode::Accept
                          ? "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
                          : "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n"
                            "Connection: close\r\n\r\n");
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    Mode m_mode = Mode::Accept;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<Request> m_requests;
};

// Records log messages of every thread (and still prints them).
class LogRecorder
{
public:
    LogRecorder()
    {
        s_recorder = this;
        m_previous = qInstallMessageHandler(&LogRecorder::handle);
    }
    ~LogRecorder()
    {
        qInstallMessageHandler(m_previous);
        s_recorder = nullptr;
    }
    QString text() const
    {
        QMutexLocker lock(&m_mutex);
        return m_messages.join(u'\n');
    }

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        {
            QMutexLocker lock(&s_recorder->m_mutex);
            s_recorder->m_messages.append(message);
        }
        if (s_recorder->m_previous)
            s_recorder->m_previous(type, context, message);
    }

    static inline LogRecorder *s_recorder = nullptr;
    QtMessageHandler m_previous = nullptr;
    mutable QMutex m_mutex;
    QStringList m_messages;
};

HttpReply post(const ServerProcess &server, const char *path, const QJsonObject &body)
{
    QUrl url = server.url();
    url.setPath(QLatin1String(path));
    return TestHttp::postJson(url, body);
}

HttpReply login(const ServerProcess &server, const QString &number)
{
    return post(server, protocol::paths::Login, protocol::LoginRequest{number, {}}.toJson());
}

HttpReply verify(const ServerProcess &server, const QString &number, const QString &code)
{
    return post(
        server, protocol::paths::VerifyOtp,
        protocol::VerifyOtpRequest{number, {}, code, QStringLiteral("laptop"), QByteArray(32, 'k')}
            .toJson());
}

// The code must never reach a log line: anyone who can read the log could sign in.
bool logHasNoCode(const QString &log, const QStringList &codes = {})
{
    for (const QString &code : codes) {
        if (log.contains(code))
            return false;
    }
    return !AnyCode.match(log).hasMatch();
}

OtpMessage message(const QString &email, const QString &code = QStringLiteral("482915"))
{
    return {NumberA, email, code, 300};
}

server::SmtpSettings smtpSettings(const SmtpSink &sink)
{
    server::SmtpSettings settings;
    settings.url = QUrl(sink.url());
    settings.from = QStringLiteral("codes@parley.example");
    return settings;
}

} // namespace

// OTP delivery by e-mail (SMTP) and by SMS gateway webhook (docs/architecture.md, "OTP
// delivery"): against a real SMTP server and a real HTTP receiver on loopback, first through the
// delivery classes, then through a running parley-server.
class OtpDeliveryTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deliverySpecsAreChecked_data();
    void deliverySpecsAreChecked();
    void mailCarriesTheCodeWithProperHeaders();
    void mailStatesTheLifetimeInWords_data();
    void mailStatesTheLifetimeInWords();
    void smtpSkipsAnAddressItCannotUse_data();
    void smtpSkipsAnAddressItCannotUse();
    void smtpRefusedRecipientIsLoggedWithoutTheCode();
    void smtpRequiredStartTlsIsNeverSkipped();
    void destroyingADeliveryCancelsTheTransferInFlight();

    void serverRejectsMalformedSpecsWithTheAcceptedForms_data();
    void serverRejectsMalformedSpecsWithTheAcceptedForms();
    void webhookPostsTheCodeAsJson_data();
    void webhookPostsTheCodeAsJson();
    void loginAnswersAtOnceWhateverTheGatewayDoes_data();
    void loginAnswersAtOnceWhateverTheGatewayDoes();
    void smtpLoginForAnAccountWithoutAddressSendsNothing();
    void smtpMailsTheCodeToTheAddressGivenAtRegistration();
};

void OtpDeliveryTest::deliverySpecsAreChecked_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<bool>("accepted");
    const auto row = [](const char *spec, bool accepted) {
        QTest::newRow(spec) << QString::fromLatin1(spec) << accepted;
    };
    row("console", true);
    row("file:/tmp/codes", true);
    row("smtp://127.0.0.1:2525", true);
    row("smtp://mail.example.org", true);
    row("smtps://user:pass@mail.example.org:465", true);
    row("webhook:http://127.0.0.1:9000/sms", true);
    row("webhook:https://gateway.example.org/v1/send?account=7", true);
    row("pigeon", false);
    row("file:", false);
    row("smtp://", false);
    row("smtp://:25", false);
    row("smtp://127.0.0.1:70000", false);
    row("smtp://127.0.0.1:0", false);
    row("smtp://127.0.0.1:25/path", false);
    row("smtp://127.0.0.1:25?x=1", false);
    row("smtp://user:secretpw@:25", false);
    row("imap://127.0.0.1:143", false);
    row("webhook:", false);
    row("webhook:ftp://gateway.example.org/", false);
    row("webhook:http://", false);
    row("webhook:http://exa mple.org/", false);
}

void OtpDeliveryTest::deliverySpecsAreChecked()
{
    QFETCH(QString, spec);
    QFETCH(bool, accepted);
    const auto checked = server::OtpDelivery::checkSpec(spec);
    QCOMPARE(bool(checked), accepted);
    if (!accepted) {
        QVERIFY2(checked.error().message.contains(server::OtpDelivery::acceptedForms()),
                 qPrintable(checked.error().message));
        QVERIFY(!checked.error().message.contains(QLatin1String("secretpw")));
    }
}

void OtpDeliveryTest::mailCarriesTheCodeWithProperHeaders()
{
    SmtpSink sink;
    QVERIFY2(sink.start(), qPrintable(sink.errorString()));
    LogRecorder log;
    {
        server::SmtpOtpDelivery delivery(smtpSettings(sink));
        QElapsedTimer timer;
        timer.start();
        QVERIFY(delivery.deliver(message(QStringLiteral("alice@example.org"))));
        QVERIFY(timer.elapsed() < AtOnceMs);
        QVERIFY(delivery.waitForPending(WaitMs));
    }
    const QList<Mail> mails = sink.mails();
    QCOMPARE(mails.size(), 1);
    const Mail &mail = mails.first();
    QCOMPARE(mail.header("x-envelope-from"), "codes@parley.example");
    QCOMPARE(mail.header("x-envelope-to"), "alice@example.org");
    QCOMPARE(mail.header("from"), "Parley <codes@parley.example>");
    QCOMPARE(mail.header("to"), "<alice@example.org>");
    QCOMPARE(mail.header("subject"), "Your Parley code");
    QCOMPARE(mail.header("mime-version"), "1.0");
    QCOMPARE(mail.header("content-type"), "text/plain; charset=utf-8");
    QVERIFY2(QRegularExpression(QStringLiteral("^<[0-9a-f-]{36}@parley\\.example>$"))
                 .match(QString::fromLatin1(mail.header("message-id")))
                 .hasMatch(),
             mail.header("message-id").constData());
    const QDateTime date
        = QDateTime::fromString(QString::fromLatin1(mail.header("date")), Qt::RFC2822Date);
    QVERIFY2(date.isValid(), mail.header("date").constData());
    QVERIFY(qAbs(date.secsTo(QDateTime::currentDateTimeUtc())) < 60);
    QCOMPARE(mail.code(), QStringLiteral("482915"));
    QVERIFY(mail.body.contains("5 minutes"));
    for (const QByteArray &line : mail.lines)
        QVERIFY2(line.size() <= 78, line.constData()); // RFC 5322 2.1.1
    QVERIFY2(logHasNoCode(log.text()), qPrintable(log.text()));
}

void OtpDeliveryTest::mailStatesTheLifetimeInWords_data()
{
    QTest::addColumn<int>("seconds");
    QTest::addColumn<QByteArray>("words");
    QTest::newRow("five minutes") << 300 << QByteArray("expires in 5 minutes.");
    QTest::newRow("one minute") << 60 << QByteArray("expires in 1 minute.");
    QTest::newRow("seconds") << 90 << QByteArray("expires in 90 seconds.");
}

void OtpDeliveryTest::mailStatesTheLifetimeInWords()
{
    QFETCH(int, seconds);
    QFETCH(QByteArray, words);
    const QByteArray mail = server::SmtpOtpDelivery::composeMessage(
        QStringLiteral("parley@localhost"),
        {NumberA, QStringLiteral("a@example.org"), QStringLiteral("123456"), seconds},
        QDateTime::currentDateTimeUtc());
    QVERIFY2(mail.contains(words), mail.constData());
}

void OtpDeliveryTest::smtpSkipsAnAddressItCannotUse_data()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("logged");
    QTest::newRow("no address") << QString() << QStringLiteral("has no e-mail address");
    QTest::newRow("header injection") << QStringLiteral("alice@example.org\r\nBcc: eve@example.org")
                                      << QStringLiteral("not a plain ASCII address");
    QTest::newRow("display name") << QStringLiteral("Alice <alice@example.org>")
                                  << QStringLiteral("not a plain ASCII address");
}

void OtpDeliveryTest::smtpSkipsAnAddressItCannotUse()
{
    QFETCH(QString, email);
    QFETCH(QString, logged);
    SmtpSink sink;
    QVERIFY2(sink.start(), qPrintable(sink.errorString()));
    LogRecorder log;
    {
        server::SmtpOtpDelivery delivery(smtpSettings(sink));
        QVERIFY(delivery.deliver(message(email))); // the caller's answer does not change
        QVERIFY(delivery.waitForPending(WaitMs));
    }
    QVERIFY2(log.text().contains(QStringLiteral("smtp OTP delivery skipped")),
             qPrintable(log.text()));
    QVERIFY2(log.text().contains(logged), qPrintable(log.text()));
    QVERIFY2(logHasNoCode(log.text()), qPrintable(log.text()));
    QTest::qWait(200);
    QCOMPARE(sink.mails().size(), 0);
}

void OtpDeliveryTest::smtpRefusedRecipientIsLoggedWithoutTheCode()
{
    SmtpSink sink;
    QVERIFY2(sink.start(), qPrintable(sink.errorString()));
    LogRecorder log;
    {
        server::SmtpOtpDelivery delivery(smtpSettings(sink));
        QVERIFY(delivery.deliver(message(QStringLiteral("refused@example.org"))));
        QVERIFY(delivery.waitForPending(WaitMs));
    }
    QVERIFY2(log.text().contains(QStringLiteral("smtp OTP delivery failed")),
             qPrintable(log.text()));
    QVERIFY2(log.text().contains(QStringLiteral("550")), qPrintable(log.text()));
    QVERIFY2(logHasNoCode(log.text()), qPrintable(log.text()));
    QCOMPARE(sink.mails().size(), 0);
}

void OtpDeliveryTest::smtpRequiredStartTlsIsNeverSkipped()
{
    SmtpSink sink; // offers no STARTTLS
    QVERIFY2(sink.start(), qPrintable(sink.errorString()));
    LogRecorder log;
    {
        server::SmtpSettings settings = smtpSettings(sink);
        settings.requireStartTls = true;
        server::SmtpOtpDelivery delivery(settings);
        QVERIFY(delivery.deliver(message(QStringLiteral("alice@example.org"))));
        QVERIFY(delivery.waitForPending(WaitMs));
    }
    QVERIFY2(log.text().contains(QStringLiteral("smtp OTP delivery failed")),
             qPrintable(log.text()));
    QCOMPARE(sink.mails().size(), 0);
}

void OtpDeliveryTest::destroyingADeliveryCancelsTheTransferInFlight()
{
    WebhookReceiver gateway;
    QVERIFY(gateway.listen());
    gateway.setMode(WebhookReceiver::Mode::Silent);
    LogRecorder log;
    auto delivery = std::make_unique<server::WebhookOtpDelivery>(
        server::WebhookSettings{QUrl(gateway.url()), {}});
    QElapsedTimer timer;
    timer.start();
    QVERIFY(delivery->deliver(message({})));
    QVERIFY(timer.elapsed() < AtOnceMs);
    QTRY_COMPARE_WITH_TIMEOUT(gateway.requests().size(), 1, WaitMs);
    QVERIFY(!delivery->waitForPending(100)); // waiting for an answer that never comes
    timer.restart();
    delivery.reset();
    QVERIFY2(timer.elapsed() < StopMs, qPrintable(QString::number(timer.elapsed())));
    QVERIFY2(log.text().contains(QStringLiteral("webhook OTP delivery failed: cancelled")),
             qPrintable(log.text()));
}

void OtpDeliveryTest::serverRejectsMalformedSpecsWithTheAcceptedForms_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString forms = server::OtpDelivery::acceptedForms();
    const auto spec = [](const char *text) {
        return QStringList{QStringLiteral("--otp-delivery"), QString::fromLatin1(text)};
    };
    QTest::newRow("unknown scheme") << spec("sms://gateway") << forms;
    QTest::newRow("smtp without host") << spec("smtp://:25") << forms;
    QTest::newRow("smtp port too big") << spec("smtp://127.0.0.1:99999") << forms;
    QTest::newRow("webhook without URL") << spec("webhook:") << forms;
    QTest::newRow("webhook not http") << spec("webhook:ftp://127.0.0.1/") << forms;
    QTest::newRow("bad sender") << spec("smtp://127.0.0.1:25")
            + QStringList{QStringLiteral("--smtp-from"), QStringLiteral("Parley <a@b>")}
                                << QStringLiteral("--smtp-from");
}

void OtpDeliveryTest::serverRejectsMalformedSpecsWithTheAcceptedForms()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QTemporaryDir dir;
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(ServerProcess::executable(),
                  arguments
                      + QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                    QStringLiteral("--data-dir"), dir.path()});
    QVERIFY(process.waitForFinished(WaitMs));
    const QString output = QString::fromUtf8(process.readAll());
    QCOMPARE(process.exitCode(), 2);
    QVERIFY2(output.contains(message), qPrintable(output));
}

void OtpDeliveryTest::webhookPostsTheCodeAsJson_data()
{
    QTest::addColumn<QString>("secret");
    QTest::newRow("signed") << Secret;
    QTest::newRow("unsigned") << QString();
}

void OtpDeliveryTest::webhookPostsTheCodeAsJson()
{
    QFETCH(QString, secret);
    WebhookReceiver gateway;
    QVERIFY(gateway.listen());
    ServerProcess server;
    server.setOtpDelivery(QStringLiteral("webhook:") + gateway.url());
    const QStringList options = secret.isEmpty()
        ? QStringList()
        : QStringList{QStringLiteral("--webhook-secret"), secret};
    QVERIFY2(server.start(options), qPrintable(server.errorString()));

    QCOMPARE(login(server, NumberA).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(gateway.requests().size(), 1, WaitMs);
    const WebhookReceiver::Request request = gateway.requests().first();
    QCOMPARE(request.method, "POST");
    QCOMPARE(request.path, "/sms");
    QCOMPARE(request.headers.value("content-type"), "application/json");
    const QJsonObject json = QJsonDocument::fromJson(request.body).object();
    QCOMPARE(json.size(), 3);
    QCOMPARE(json.value(QStringLiteral("phoneNumber")).toString(), NumberA);
    QCOMPARE(json.value(QStringLiteral("expiresIn")).toInt(), 300);
    const QString code = json.value(QStringLiteral("code")).toString();
    QVERIFY2(AnyCode.match(code).hasMatch(), qPrintable(code));
    if (secret.isEmpty()) {
        QVERIFY(!request.headers.contains("x-parley-signature"));
    } else {
        const QByteArray expected = "sha256="
            + QMessageAuthenticationCode::hash(request.body, secret.toUtf8(),
                                               QCryptographicHash::Sha256)
                  .toHex();
        QCOMPARE(request.headers.value("x-parley-signature"), expected);
    }
    // It is the real code.
    QCOMPARE(verify(server, NumberA, code).status, 200);

    QCOMPARE(server.stop(), 0);
    QVERIFY2(logHasNoCode(server.output(), {code}), qPrintable(server.output()));
}

void OtpDeliveryTest::loginAnswersAtOnceWhateverTheGatewayDoes_data()
{
    QTest::addColumn<QString>("failure");
    QTest::addColumn<QString>("logged");
    QTest::newRow("gateway answers 500") << QStringLiteral("500") << QStringLiteral("HTTP 500");
    QTest::newRow("gateway is down") << QStringLiteral("down") << QStringLiteral("failed");
    QTest::newRow("gateway never answers")
        << QStringLiteral("silent") << QStringLiteral("cancelled at shutdown");
}

void OtpDeliveryTest::loginAnswersAtOnceWhateverTheGatewayDoes()
{
    QFETCH(QString, failure);
    QFETCH(QString, logged);
    WebhookReceiver gateway;
    QVERIFY(gateway.listen());
    ServerProcess server;
    server.setOtpDelivery(QStringLiteral("webhook:") + gateway.url());
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    const HttpReply delivered = login(server, NumberA);
    QCOMPARE(delivered.status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(gateway.requests().size(), 1, WaitMs);

    if (failure == QLatin1String("500"))
        gateway.setMode(WebhookReceiver::Mode::Fail);
    else if (failure == QLatin1String("silent"))
        gateway.setMode(WebhookReceiver::Mode::Silent);
    else
        gateway.close();
    QElapsedTimer timer;
    timer.start();
    const HttpReply failed = login(server, NumberB);
    QVERIFY2(timer.elapsed() < AtOnceMs, qPrintable(QString::number(timer.elapsed())));
    // Nothing tells the caller whether a code reached anyone.
    QCOMPARE(failed.status, 200);
    QCOMPARE(failed.body, delivered.body);
    if (failure == QLatin1String("down"))
        QTest::qWait(1000); // a refused connection fails at once; let it be logged
    else
        QTRY_COMPARE_WITH_TIMEOUT(gateway.requests().size(), 2, WaitMs);

    // The server goes on serving, and stops cleanly even with a delivery in flight.
    QCOMPARE(login(server, NumberC).status, 200);
    timer.restart();
    QCOMPARE(server.stop(), 0);
    QVERIFY2(timer.elapsed() < StopMs, qPrintable(QString::number(timer.elapsed())));
    const QString output = server.output();
    QVERIFY2(output.contains(QStringLiteral("webhook OTP delivery failed")), qPrintable(output));
    QVERIFY2(output.contains(logged), qPrintable(output));
    QStringList codes;
    for (const auto &request : gateway.requests())
        codes.append(QJsonDocument::fromJson(request.body)[QLatin1String("code")].toString());
    QVERIFY2(logHasNoCode(output, codes), qPrintable(output));
}

void OtpDeliveryTest::smtpLoginForAnAccountWithoutAddressSendsNothing()
{
    SmtpSink sink;
    QVERIFY2(sink.start(), qPrintable(sink.errorString()));
    ServerProcess server;
    server.setOtpDelivery(sink.url());
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    const HttpReply reply = login(server, NumberA);
    QCOMPARE(reply.status, 200);
    QCOMPARE(protocol::LoginAccepted::fromJson(reply.json()).value().expiresIn, 300);
    QTest::qWait(500);
    QCOMPARE(sink.mails().size(), 0);
    QCOMPARE(server.stop(), 0);
    QVERIFY2(server.output().contains(QStringLiteral("smtp OTP delivery skipped")),
             qPrintable(server.output()));
    QVERIFY2(logHasNoCode(server.output()), qPrintable(server.output()));
}

void OtpDeliveryTest::smtpMailsTheCodeToTheAddressGivenAtRegistration()
{
    SmtpSink sink;
    QVERIFY2(sink.start(), qPrintable(sink.errorString()));
    ServerProcess server;
    server.setOtpDelivery(sink.url());
    QVERIFY2(server.start({QStringLiteral("--smtp-from"), QStringLiteral("codes@parley.example")}),
             qPrintable(server.errorString()));
    const auto registration = [&server](const QString &number, const QString &email) {
        return post(server, protocol::paths::Register,
                    protocol::RegisterRequest{number, email, QStringLiteral("Alice")}.toJson());
    };
    const HttpReply delivered = registration(NumberA, QStringLiteral("alice@example.org"));
    if (delivered.status == 404)
        QSKIP("needs /api/v1/auth/register");
    QCOMPARE(delivered.status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(sink.mails().size(), 1, WaitMs);
    const Mail mail = sink.mails().first();
    QCOMPARE(mail.header("x-envelope-to"), "alice@example.org");
    QCOMPARE(mail.header("x-envelope-from"), "codes@parley.example");
    QCOMPARE(mail.header("to"), "<alice@example.org>");
    QCOMPARE(mail.header("subject"), "Your Parley code");
    QCOMPARE(verify(server, NumberA, mail.code()).status, 200);

    // A recipient the mail server refuses: the same answer, and the server carries on.
    QElapsedTimer timer;
    timer.start();
    const HttpReply refused = registration(NumberB, QStringLiteral("refused@example.org"));
    QVERIFY(timer.elapsed() < AtOnceMs);
    QCOMPARE(refused.status, 200);
    QCOMPARE(refused.body, delivered.body);
    QTest::qWait(1000); // the refusal comes at once from the loopback sink; let it be logged
    QCOMPARE(login(server, NumberC).status, 200);
    QCOMPARE(sink.mails().size(), 1);

    QCOMPARE(server.stop(), 0);
    const QString output = server.output();
    QVERIFY2(output.contains(QStringLiteral("smtp OTP delivery failed")), qPrintable(output));
    QVERIFY2(output.contains(QStringLiteral("550")), qPrintable(output));
    QVERIFY2(logHasNoCode(output, {mail.code()}), qPrintable(output));
}

QTEST_GUILESS_MAIN(OtpDeliveryTest)
#include "tst_otpdelivery.moc"
