#pragma once

#include "server/auth/OtpDelivery.h"

#include <QDateTime>
#include <QUrl>

#include <memory>

namespace parley::server {

class CurlWorkerPool;

struct SmtpSettings
{
    QUrl url; // smtp://HOST[:PORT] or smtps://HOST[:PORT], without user info
    QString from; // a plain address, checked with SmtpOtpDelivery::isPlainAddress()
    QString user; // empty: no SMTP authentication
    QString password;
    bool requireStartTls = false;
};

// Sends the code by e-mail to the account's address through an SMTP server, with libcurl on a
// worker thread. It reaches only accounts that have an e-mail address: for the others the
// delivery is skipped with a warning, and the login is answered as always.
class SmtpOtpDelivery : public OtpDelivery
{
public:
    explicit SmtpOtpDelivery(SmtpSettings settings);
    ~SmtpOtpDelivery() override;

    protocol::Result<void> deliver(const OtpMessage &message) override;
    bool waitForPending(int timeoutMs) override;

    // smtp[s]://[USER[:PASSWORD]@]HOST[:PORT]; the error says what is wrong, without the URL.
    static protocol::Result<QUrl> parseUrl(const QString &spec);
    // One address without a display name, printable ASCII only: safe in a header line and in
    // MAIL FROM / RCPT TO, so an address can never inject a header or an SMTP command.
    static bool isPlainAddress(const QString &address);
    // The RFC 5322 message with CRLF line ends (the body is 7-bit ASCII).
    static QByteArray composeMessage(const QString &from, const OtpMessage &message,
                                     const QDateTime &date);

private:
    const SmtpSettings m_settings;
    std::unique_ptr<CurlWorkerPool> m_pool;
};

} // namespace parley::server
