#pragma once

#include "server/auth/OtpDelivery.h"

#include <QUrl>

#include <memory>

namespace parley::server {

class CurlWorkerPool;

struct WebhookSettings
{
    QUrl url; // http:// or https://
    QByteArray secret; // empty: requests are not signed
};

// Hands the code to an SMS gateway: a JSON POST {"phoneNumber","code","expiresIn"} to a URL,
// with libcurl on a worker thread. With a secret, X-Parley-Signature: sha256=<hex HMAC-SHA256
// of the body> lets the gateway check that the request comes from this server. An answer other
// than 2xx, or none within the timeouts, is a failure and is logged.
class WebhookOtpDelivery : public OtpDelivery
{
public:
    explicit WebhookOtpDelivery(WebhookSettings settings);
    ~WebhookOtpDelivery() override;

    protocol::Result<void> deliver(const OtpMessage &message) override;
    bool waitForPending(int timeoutMs) override;

    // "webhook:" followed by an http(s) URL with a host; returns that URL.
    static protocol::Result<QUrl> parseUrl(const QString &spec);
    static QByteArray body(const OtpMessage &message);
    // "sha256=" and the lowercase hex HMAC-SHA256 of the body keyed with the secret.
    static QByteArray signature(const QByteArray &body, const QByteArray &secret);

private:
    const WebhookSettings m_settings;
    std::unique_ptr<CurlWorkerPool> m_pool;
};

} // namespace parley::server
