#include "server/http/HttpServer.h"

#include "core/protocol/Http.h"
#include "core/protocol/Limits.h"
#include "core/protocol/RestPayloads.h"

#include <QDateTime>
#include <QHttpServerResponder>
#include <QTcpSocket>

namespace parley::server {

using protocol::Error;
using protocol::ErrorCode;
namespace http = protocol::http;

namespace {

QByteArray headerValue(const QList<QPair<QByteArray, QByteArray>> &headers, const char *name)
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QString clientAddress(const QHttpServerRequest &request)
{
    return request.remoteAddress().toString();
}

} // namespace

bool isWebSocketUpgrade(const QHttpServerRequest &request)
{
    return headerValue(request.headers(), http::UpgradeHeader)
               .compare(http::WebSocketProtocol, Qt::CaseInsensitive)
        == 0;
}

HttpServer::HttpServer(Router router, Authenticator authenticator, const WebPolicy &policy,
                       QObject *parent)
    : QAbstractHttpServer(parent)
    , m_router(std::move(router))
    , m_authenticator(std::move(authenticator))
    , m_allowedOrigins(policy.allowedOrigins)
    , m_perIp(policy.restPerIp)
{ }

QString HttpServer::accessToken(const QList<QPair<QByteArray, QByteArray>> &headers,
                                const QUrlQuery &query)
{
    const QByteArray authorization = headerValue(headers, http::AuthorizationHeader).trimmed();
    // The scheme name is case-insensitive (RFC 7235 section 2.1).
    const qsizetype prefix = qsizetype(sizeof(http::BearerPrefix)) - 1;
    if (authorization.size() > prefix
        && authorization.left(prefix).compare(http::BearerPrefix, Qt::CaseInsensitive) == 0)
        return QString::fromLatin1(authorization.mid(prefix).trimmed());
    return query.queryItemValue(QLatin1String(http::AccessTokenParameter), QUrl::FullyDecoded);
}

std::optional<Error> HttpServer::limit(RateLimiter &limiter, const QString &key)
{
    const auto wait = limiter.hit(key, QDateTime::currentMSecsSinceEpoch());
    if (!wait)
        return std::nullopt;
    Error error{ErrorCode::RateLimited, QStringLiteral("too many requests; try again later")};
    error.retryAfterSeconds = *wait;
    return error;
}

std::optional<Error> HttpServer::checkOrigin(const QHttpServerRequest &request) const
{
    // Native apps and command-line tools send no Origin; a browser always does.
    const QByteArray origin = headerValue(request.headers(), http::OriginHeader);
    if (origin.isEmpty() || m_allowedOrigins.contains(QString::fromLatin1(origin)))
        return std::nullopt;
    return Error{
        ErrorCode::OriginNotAllowed,
        QStringLiteral("origin %1 may not use this server").arg(QString::fromLatin1(origin))};
}

std::optional<Error> HttpServer::checkUpgrade(const QHttpServerRequest &request)
{
    if (request.url().path() != QLatin1String(protocol::paths::WebSocket))
        return Error{ErrorCode::NotFound, QStringLiteral("no WebSocket at this path")};
    if (auto refused = checkOrigin(request))
        return refused;
    if (auto limited = limit(m_perIp, clientAddress(request)))
        return limited;
    const QString token = accessToken(request.headers(), request.query());
    if (token.isEmpty())
        return Error{ErrorCode::Unauthorized, QStringLiteral("an access token is required")};
    auto identity = m_authenticator(token);
    if (!identity)
        return identity.error();
    return std::nullopt;
}

bool HttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // Returning true for an upgrade hands the socket to the WebSocket server; a refused upgrade
    // returns false so that missingHandler() answers it before any handshake happens.
    if (isWebSocketUpgrade(request)) {
        const auto refusal = checkUpgrade(request);
        m_upgradeRefusal = refusal.value_or(Error{});
        return !refusal;
    }
    HttpResponse response = respond(request);
    addCorsHeaders(request, response);
    send(request, socket, response);
    return true;
}

void HttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    send(request, socket, HttpResponse::error(m_upgradeRefusal));
}

HttpResponse HttpServer::respond(const QHttpServerRequest &request)
{
    if (auto refused = checkOrigin(request))
        return HttpResponse::error(*refused);
    if (request.method() == QHttpServerRequest::Method::Options)
        return HttpResponse{204, {}, {}}; // a CORS preflight from an allowed origin
    if (auto limited = limit(m_perIp, clientAddress(request)))
        return HttpResponse::error(*limited);
    return route(request);
}

HttpResponse HttpServer::route(const QHttpServerRequest &request)
{
    const QString path = request.url().path();
    if (path == QLatin1String(protocol::paths::WebSocket)) {
        HttpResponse refused
            = HttpResponse::error(ErrorCode::UpgradeRequired,
                                  QStringLiteral("this path only accepts a WebSocket upgrade"));
        // A 426 names the protocol to switch to (RFC 9110 15.5.22), and whoever sends Upgrade
        // also lists it in Connection, so that proxies do not forward it (RFC 9110 7.8).
        refused.headers.append(
            {QByteArray(http::UpgradeHeader), QByteArray(http::WebSocketProtocol)});
        refused.headers.append(
            {QByteArray(http::ConnectionHeader), QByteArray(http::UpgradeOption)});
        return refused;
    }
    const Router::Match match = m_router.match(request.method(), path);
    const qsizetype maxBody = match.kind == Router::Match::Kind::Found
        ? match.maxBodyBytes
        : protocol::limits::MaxRestBodyBytes;
    if (request.body().size() > maxBody) {
        return HttpResponse::error(
            ErrorCode::PayloadTooLarge,
            QStringLiteral("request bodies are limited to %1 bytes here").arg(maxBody));
    }
    if (match.kind == Router::Match::Kind::NoSuchPath)
        return HttpResponse::error(ErrorCode::NotFound,
                                   QStringLiteral("no such path: %1").arg(path));
    if (match.kind == Router::Match::Kind::WrongMethod)
        return HttpResponse::error(ErrorCode::MethodNotAllowed,
                                   QStringLiteral("method not allowed"));

    HttpRequest call{match.params, request.query(), request.body(), request.remoteAddress(), {}};
    QString limitKey = clientAddress(request);
    if (match.access == Router::Access::Authenticated) {
        const QString token = accessToken(request.headers(), QUrlQuery());
        if (token.isEmpty()) {
            return HttpResponse::error(
                ErrorCode::Unauthorized,
                QStringLiteral("send 'Authorization: Bearer <access token>'"));
        }
        auto identity = m_authenticator(token);
        if (!identity)
            return HttpResponse::error(identity.error());
        call.identity = identity.value();
        limitKey = call.identity.userId;
    }
    if (match.limiter) {
        if (auto limited = limit(*match.limiter, limitKey))
            return HttpResponse::error(*limited);
    }
    return (*match.handler)(call);
}

void HttpServer::addCorsHeaders(const QHttpServerRequest &request, HttpResponse &response) const
{
    const QByteArray origin = headerValue(request.headers(), http::OriginHeader);
    if (origin.isEmpty() || !m_allowedOrigins.contains(QString::fromLatin1(origin)))
        return;
    const auto add = [&response](const char *name, const QByteArray &value) {
        response.headers.append({QByteArray(name), value});
    };
    add(http::AllowOriginHeader, origin);
    add(http::VaryHeader, http::OriginHeader);
    add(http::ExposeHeadersHeader, http::RetryAfterHeader);
    if (request.method() == QHttpServerRequest::Method::Options) {
        add(http::AllowMethodsHeader, http::AllowedMethods);
        add(http::AllowHeadersHeader, http::AllowedRequestHeaders);
        add(http::MaxAgeHeader, http::PreflightMaxAgeSeconds);
    }
}

void HttpServer::send(const QHttpServerRequest &request, QTcpSocket *socket,
                      const HttpResponse &response)
{
    // No answer to HEAD has a body (RFC 9110 9.3.2). Its Content-Length could only be that of a
    // GET's answer (RFC 9110 8.6), which is not this error's, so it is left out as well.
    const bool head = request.method() == QHttpServerRequest::Method::Head;
    QHttpServerResponder responder = makeResponder(request, socket);
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(response.status));
    if (response.status != 204) {
        responder.writeHeader(http::ContentTypeHeader, http::JsonMediaType);
        if (!head)
            responder.writeHeader(http::ContentLengthHeader,
                                  QByteArray::number(response.body.size()));
    }
    for (const auto &[name, value] : response.headers)
        responder.writeHeader(name, value);
    responder.writeBody(head ? QByteArray() : response.body);
}

} // namespace parley::server
