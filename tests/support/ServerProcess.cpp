#include "tests/support/ServerProcess.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

namespace {
constexpr int StartTimeoutMs = 15000;
}

ServerProcess::ServerProcess()
    : m_database(dataDir() + QStringLiteral("/parley.db"))
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
}

ServerProcess::~ServerProcess()
{
    stop();
}

QString ServerProcess::executable()
{
    return qEnvironmentVariable("PARLEY_SERVER");
}

bool ServerProcess::start(const QStringList &extraArguments)
{
    m_extraArguments = extraArguments;
    return launch(QStringLiteral("127.0.0.1:0"));
}

bool ServerProcess::restart()
{
    return launch(QStringLiteral("127.0.0.1:%1").arg(m_url.port()));
}

// Tests sign in many times from one address within seconds; the abuse limits would stop them.
// A test of a limit passes its own option, which comes later on the command line and wins.
QStringList ServerProcess::permissiveLimits()
{
    return {QStringLiteral("--otp-resend-interval"), QStringLiteral("0"),
            QStringLiteral("--otp-hourly-limit"),    QStringLiteral("100000"),
            QStringLiteral("--rate-limit"),          QStringLiteral("0/1"),
            QStringLiteral("--otp-ip-limit"),        QStringLiteral("0/1"),
            QStringLiteral("--verify-ip-limit"),     QStringLiteral("0/1"),
            QStringLiteral("--search-limit"),        QStringLiteral("0/1"),
            QStringLiteral("--ws-frame-rate"),       QStringLiteral("0/0")};
}

bool ServerProcess::launch(const QString &listen)
{
    if (executable().isEmpty()) {
        m_error = QStringLiteral("PARLEY_SERVER is not set; run the test through ctest");
        return false;
    }
    if (!m_database.create()) {
        m_error = m_database.errorString();
        return false;
    }
    m_output.clear();
    m_process.start(
        executable(),
        QStringList{QStringLiteral("--listen"), listen, QStringLiteral("--data-dir"), dataDir(),
                    QStringLiteral("--otp-delivery"),
                    m_otpDelivery.isEmpty() ? QStringLiteral("file:") + otpDir() : m_otpDelivery}
            + m_database.serverArguments() + permissiveLimits() + m_extraArguments);
    static const QRegularExpression listening(QStringLiteral("listening on ([0-9.]+):([0-9]+)"));
    const QDeadlineTimer deadline(StartTimeoutMs);
    while (!deadline.hasExpired() && m_process.state() != QProcess::NotRunning) {
        m_process.waitForReadyRead(100);
        m_output += QString::fromUtf8(m_process.readAll());
        const auto match = listening.match(m_output);
        if (match.hasMatch()) {
            m_url = QUrl(QStringLiteral("http://%1:%2").arg(match.captured(1), match.captured(2)));
            return true;
        }
    }
    m_output += QString::fromUtf8(m_process.readAll());
    m_error = QStringLiteral("server did not start: ") + m_output;
    return false;
}

QUrl ServerProcess::url(const QString &pathAndQuery) const
{
    QUrl url = m_url;
    const qsizetype question = pathAndQuery.indexOf(u'?');
    url.setPath(pathAndQuery.left(question));
    if (question >= 0)
        url.setQuery(pathAndQuery.mid(question + 1));
    return url;
}

int ServerProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    m_process.terminate();
    if (!m_process.waitForFinished(10000)) {
        kill();
        return -1;
    }
    m_output += QString::fromUtf8(m_process.readAll());
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

void ServerProcess::kill()
{
    m_process.kill();
    m_process.waitForFinished(5000);
}

QString ServerProcess::takeCode(const QString &phoneNumber, int timeoutMs) const
{
    QFile file(QDir(otpDir()).filePath(phoneNumber + QStringLiteral(".txt")));
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (file.open(QIODevice::ReadOnly)) {
            const QString code = QString::fromLatin1(file.readAll().trimmed());
            file.remove();
            return code;
        }
        QTest::qWait(20);
    }
    return {};
}
