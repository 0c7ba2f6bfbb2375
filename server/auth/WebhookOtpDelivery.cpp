#include "server/auth/WebhookOtpDelivery.h"

#include "core/protocol/Http.h"
#include "core/protocol/RestPayloads.h"
#include "server/auth/CurlWorkerPool.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <sodium.h>

namespace parley::server {

namespace http = protocol::http;

using protocol::Error;
using protocol::ErrorCode;

namespace {

// Runs on a worker thread; uses only its arguments.
QString post(CURL *curl, const QUrl &url, const QByteArray &body, const QByteArray &signature)
{
    curl_easy_setopt(curl, CURLOPT_URL, url.toEncoded().constData());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.size()));
    curl_easy_setopt(curl, CURLOPT_COPYPOSTFIELDS, body.constData());
    const auto header = [](const char *name, const QByteArray &value) {
        return QByteArray(QByteArray(name) + ": " + value);
    };
    curl_slist *headers = curl_slist_append(
        nullptr, header(http::ContentTypeHeader, http::JsonMediaType).constData());
    headers = curl_slist_append(headers, "Expect:"); // no 100-continue round trip
    if (!signature.isEmpty())
        headers = curl_slist_append(headers, header(http::SignatureHeader, signature).constData());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    QString error = CurlWorkerPool::perform(curl);
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(headers);
    if (error.isEmpty() && (status < 200 || status > 299))
        error = QStringLiteral("the gateway answered HTTP %1").arg(status);
    return error;
}

} // namespace

WebhookOtpDelivery::WebhookOtpDelivery(WebhookSettings settings)
    : m_settings(std::move(settings))
    , m_pool(std::make_unique<CurlWorkerPool>(QStringLiteral("webhook OTP delivery")))
{ }

WebhookOtpDelivery::~WebhookOtpDelivery() = default;

protocol::Result<void> WebhookOtpDelivery::deliver(const OtpMessage &message)
{
    const QByteArray json = body(message);
    const QByteArray mac
        = m_settings.secret.isEmpty() ? QByteArray() : signature(json, m_settings.secret);
    m_pool->start(
        [url = m_settings.url, json, mac](CURL *curl) { return post(curl, url, json, mac); });
    return {};
}

bool WebhookOtpDelivery::waitForPending(int timeoutMs)
{
    return m_pool->waitForDone(timeoutMs);
}

protocol::Result<QUrl> WebhookOtpDelivery::parseUrl(const QString &spec)
{
    const QUrl url(spec.mid(8), QUrl::StrictMode); // after "webhook:"
    if (!url.isValid()
        || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return Error{ErrorCode::InvalidField,
                     QStringLiteral("webhook: needs an http:// or https:// URL")};
    if (url.host().isEmpty())
        return Error{ErrorCode::InvalidField, QStringLiteral("the webhook URL has no host")};
    if (url.port() == 0)
        return Error{ErrorCode::InvalidField, QStringLiteral("port 0 cannot be a webhook")};
    return url;
}

QByteArray WebhookOtpDelivery::body(const OtpMessage &message)
{
    const protocol::OtpWebhookRequest request{message.phoneNumber, message.code,
                                              message.expiresInSeconds};
    return QJsonDocument(request.toJson()).toJson(QJsonDocument::Compact);
}

QByteArray WebhookOtpDelivery::signature(const QByteArray &body, const QByteArray &secret)
{
    // The multi-part API takes a key of any length, like every HMAC library a gateway may use.
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char *>(secret.constData()),
                                size_t(secret.size()));
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char *>(body.constData()),
                                  size_t(body.size()));
    QByteArray mac(crypto_auth_hmacsha256_BYTES, Qt::Uninitialized);
    crypto_auth_hmacsha256_final(&state, reinterpret_cast<unsigned char *>(mac.data()));
    sodium_memzero(&state, sizeof state);
    return http::SignaturePrefix + mac.toHex();
}

} // namespace parley::server
