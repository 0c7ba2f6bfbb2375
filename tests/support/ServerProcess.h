#pragma once

#include "tests/support/TestDatabase.h"

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

// A real parley-server on a free loopback port, with its own data directory and file OTP
// delivery, stopped when this object goes away. The binary comes from $PARLEY_SERVER (set by
// CTest). It stores on the backend CTest chose (TestDatabase): the SQLite file in its data
// directory, or a fresh PostgreSQL database that lives as long as this object.
class ServerProcess
{
public:
    ServerProcess();
    ~ServerProcess();

    // Starts the server and waits (bounded) for its "listening on" line.
    bool start(const QStringList &extraArguments = {});
    // Starts again on the same port and data directory (after stop() or kill()).
    bool restart();
    // Asks the server to shut down (SIGTERM) and returns its exit code: 0 for a clean stop, -1
    // when it crashed or had to be killed (a sanitizer report also makes it non-zero).
    int stop();
    // Kills the process without a chance to clean up, as a crash or `kill -9` would.
    void kill();

    QUrl url() const { return m_url; }
    // The server's URL with a path and an optional query: "/api/v1/users/search?q=%2B1...".
    QUrl url(const QString &pathAndQuery) const;
    quint16 port() const { return quint16(m_url.port()); }
    QString dataDir() const { return m_root.filePath(QStringLiteral("data")); }
    QString otpDir() const { return m_root.filePath(QStringLiteral("otp")); }
    // Replaces the default "file:<otpDir()>" OTP delivery at the next start; takeCode() then
    // finds nothing.
    void setOtpDelivery(const QString &spec) { m_otpDelivery = spec; }
    // Takes the code delivered to the number (removing its file, so a later call waits for a
    // new one); empty when none arrived within the timeout.
    QString takeCode(const QString &phoneNumber, int timeoutMs = 5000) const;
    QString output() const { return m_output; }
    // The server's database, whichever the backend, read beside the server.
    const TestDatabase &database() const { return m_database; }
    // The first column of the first row of a query on the server's database (invalid on error).
    QVariant queryScalar(const QString &sql) const { return m_database.queryScalar(sql); }
    QString errorString() const { return m_error; }

    static QString executable();

private:
    bool launch(const QString &listen);
    static QStringList permissiveLimits();

    QTemporaryDir m_root;
    TestDatabase m_database;
    QStringList m_extraArguments;
    QString m_otpDelivery;
    QProcess m_process;
    QUrl m_url;
    QString m_output;
    QString m_error;
};
