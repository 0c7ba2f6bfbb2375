#include "core/net/ApiClient.h"

#include "core/protocol/Http.h"
#include "core/protocol/JsonReader.h"
#include "core/protocol/RestPayloads.h"

#include <QJsonDocument>
#include <QNetworkReply>

namespace parley::net {

using protocol::Error;
using protocol::ErrorCode;

namespace {
constexpr int TransferTimeoutMs = 15000;
constexpr qsizetype MaxResponseBytes = 4 * 1024 * 1024;
} // namespace

ApiClient::ApiClient(QUrl serverUrl, QObject *parent)
    : RestTransport(parent)
    , m_serverUrl(std::move(serverUrl))
{ }

namespace {
const QString ForeignStatus = QStringLiteral("server answered HTTP ");
}

bool ApiClient::isForeignAnswer(const protocol::Error &error)
{
    return error.code == ErrorCode::MalformedJson
        || (error.code == ErrorCode::InternalError && error.message.startsWith(ForeignStatus));
}

bool ApiClient::isServerUrl(const QUrl &url)
{
    return url.isValid() && !url.host().isEmpty()
        && (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"));
}

QNetworkRequest ApiClient::makeRequest(const QString &path, const QUrlQuery &query) const
{
    // Keep a path prefix of the server URL (a server behind a reverse proxy at /parley/).
    QUrl url = m_serverUrl;
    QString prefix = m_serverUrl.path();
    if (prefix.endsWith(u'/'))
        prefix.chop(1);
    url.setPath(prefix + path);
    url.setQuery(query);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArray(protocol::http::JsonMediaType));
    request.setTransferTimeout(TransferTimeoutMs);
    if (!m_accessToken.isEmpty())
        request.setRawHeader(protocol::http::AuthorizationHeader,
                             protocol::http::BearerPrefix + m_accessToken.toLatin1());
    return request;
}

void ApiClient::get(const QString &path, const QUrlQuery &query, const QObject *context,
                    JsonCallback callback)
{
    watch(m_network.get(makeRequest(path, query)), context, std::move(callback));
}

void ApiClient::post(const QString &path, const QJsonObject &body, const QObject *context,
                     JsonCallback callback)
{
    watch(m_network.post(makeRequest(path, {}), QJsonDocument(body).toJson(QJsonDocument::Compact)),
          context, std::move(callback));
}

void ApiClient::put(const QString &path, const QJsonObject &body, const QObject *context,
                    JsonCallback callback)
{
    watch(m_network.put(makeRequest(path, {}), QJsonDocument(body).toJson(QJsonDocument::Compact)),
          context, std::move(callback));
}

void ApiClient::remove(const QString &path, const QObject *context, JsonCallback callback)
{
    watch(m_network.deleteResource(makeRequest(path, {})), context, std::move(callback));
}

void ApiClient::watch(QNetworkReply *reply, const QObject *context, JsonCallback callback)
{
    connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    const auto answer
        = connect(reply, &QNetworkReply::finished, context,
                  [reply, callback = std::move(callback)] { answerFrom(reply, callback); });
    // The request goes with its caller. `destroyed` comes while the connection to the caller
    // still exists: cut it before abort() emits finished, so nothing calls into a dead object.
    connect(context, &QObject::destroyed, reply, [reply, answer] {
        disconnect(answer);
        reply->abort();
    });
}

void ApiClient::answerFrom(QNetworkReply *reply, const JsonCallback &callback)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->read(MaxResponseBytes);
    if (status == 0) {
        callback(Error{ErrorCode::NetworkError,
                       QStringLiteral("cannot reach the server: %1").arg(reply->errorString())});
        return;
    }
    if (status < 200 || status >= 300) {
        callback(protocol::decodeErrorBody(body).value_or(
            Error{ErrorCode::InternalError, ForeignStatus + QString::number(status)}));
        return;
    }
    protocol::ParsedObject parsed = protocol::parseJsonObject(body, MaxResponseBytes);
    if (parsed.error)
        callback(*parsed.error);
    else
        callback(parsed.object);
}

} // namespace parley::net
