#pragma once

#include "core/protocol/Result.h"

#include <QByteArray>
#include <QCommandLineParser>
#include <QString>

#include <memory>

namespace parley::server {

// One login code on its way to the person who asked for it.
struct OtpMessage
{
    QString phoneNumber; // E.164: the target of console, file and webhook (SMS) deliveries
    QString email; // the account's address, the target of smtp delivery; empty when it has none
    QString code;
    int expiresInSeconds = 0;
};

// The settings of the network deliveries, from --smtp-* and --webhook-secret.
struct OtpDeliveryOptions
{
    QString smtpFrom = QStringLiteral("parley@localhost");
    QString smtpUser; // empty: the user in the smtp:// URL, if any
    QString smtpPassword;
    bool smtpStartTls = false; // refuse to send unless the server upgrades with STARTTLS
    QByteArray webhookSecret; // empty: webhook requests are not signed

    static void addOptions(QCommandLineParser &parser);
    static protocol::Result<OtpDeliveryOptions> fromParser(const QCommandLineParser &parser);
};

// Sends a one-time code to the person who owns a phone number. Chosen with --otp-delivery.
class OtpDelivery
{
public:
    virtual ~OtpDelivery() = default;
    // Returns at once. Local deliveries (console, file) report their failure here; network
    // deliveries run on a worker thread and only log theirs, because the login answer must be the
    // same whether a code reached anyone or not (docs/protocol.md, "No user enumeration").
    virtual protocol::Result<void> deliver(const OtpMessage &message) = 0;
    // Waits at most timeoutMs for the deliveries in flight; true when none is left.
    virtual bool waitForPending(int timeoutMs)
    {
        Q_UNUSED(timeoutMs)
        return true;
    }

    // "console | file:DIR | smtp[s]://HOST:PORT | webhook:URL", for --help and every error.
    static QString acceptedForms();
    // Checks the form of a spec and its options without touching the file system or network.
    static protocol::Result<void> checkSpec(const QString &spec,
                                            const OtpDeliveryOptions &options = {});
    static protocol::Result<std::shared_ptr<OtpDelivery>>
    fromSpec(const QString &spec, const OtpDeliveryOptions &options = {});
};

// Prints the code on standard output: for a tester running the server in a terminal.
class ConsoleOtpDelivery : public OtpDelivery
{
public:
    protocol::Result<void> deliver(const OtpMessage &message) override;
};

// Writes the current code to DIR/<E.164 number>.txt (replaced atomically): for tests and
// scripted testers.
class FileOtpDelivery : public OtpDelivery
{
public:
    explicit FileOtpDelivery(QString directory);
    protocol::Result<void> deliver(const OtpMessage &message) override;

private:
    QString m_directory;
};

} // namespace parley::server
