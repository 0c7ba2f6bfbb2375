#include "HttpServer.h"

#include "protocol/Limits.h"
#include "protocol/RestPayloads.h"

#include <QHttpServerResponder>
#include <QTcpSocket>

namespace parley::server {

using protocol::ErrorCode;

namespace {

QByteArray headerValue(const QList<QPair<QByteArray, QByteArray>> &headers, const char *name)
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

} // namespace

bool isWebSocketUpgrade(const QHttpServerRequest &request)
{
    return headerValue(request.headers(), "upgrade").compare("websocket", Qt::CaseInsensitive) == 0;
}

HttpServer::HttpServer(Router router, Authenticator authenticator, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_router(std::move(router))
    , m_authenticator(std::move(authenticator))
{ }

QString HttpServer::accessToken(const QList<QPair<QByteArray, QByteArray>> &headers,
                                const QUrlQuery &query)
{
    const QByteArray authorization = headerValue(headers, "authorization").trimmed();
    // The scheme name is case-insensitive (RFC 7235 section 2.1).
    if (authorization.size() > 7
        && authorization.left(7).compare("bearer ", Qt::CaseInsensitive) == 0)
        return QString::fromLatin1(authorization.mid(7).trimmed());
    return query.queryItemValue(QStringLiteral("access_token"), QUrl::FullyDecoded);
}

bool HttpServer::acceptsUpgrade(const QHttpServerRequest &request)
{
    if (request.url().path() != QLatin1String(protocol::paths::WebSocket))
        return false;
    return m_authenticator(accessToken(request.headers(), request.query())).ok();
}

bool HttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // Returning true for an upgrade hands the socket to the WebSocket server; a refused upgrade
    // returns false so that missingHandler() answers it before any handshake happens.
    if (isWebSocketUpgrade(request))
        return acceptsUpgrade(request);
    send(request, socket, respond(request));
    return true;
}

void HttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    send(request, socket, refuseUpgrade(request));
}

HttpResponse HttpServer::refuseUpgrade(const QHttpServerRequest &request)
{
    if (request.url().path() != QLatin1String(protocol::paths::WebSocket))
        return HttpResponse::error(ErrorCode::NotFound,
                                   QStringLiteral("no WebSocket at this path"));
    const QString token = accessToken(request.headers(), request.query());
    if (token.isEmpty())
        return HttpResponse::error(ErrorCode::Unauthorized,
                                   QStringLiteral("an access token is required"));
    auto identity = m_authenticator(token);
    if (!identity)
        return HttpResponse::error(identity.error());
    return HttpResponse::error(ErrorCode::InternalError, QStringLiteral("upgrade refused"));
}

HttpResponse HttpServer::respond(const QHttpServerRequest &request)
{
    const QString path = request.url().path();
    if (path == QLatin1String(protocol::paths::WebSocket)) {
        HttpResponse response
            = HttpResponse::error(ErrorCode::UpgradeRequired,
                                  QStringLiteral("this path only accepts a WebSocket upgrade"));
        response.headers.append(qMakePair(QByteArray("Upgrade"), QByteArray("websocket")));
        return response;
    }
    if (request.body().size() > protocol::limits::MaxRestBodyBytes) {
        return HttpResponse::error(ErrorCode::PayloadTooLarge,
                                   QStringLiteral("request bodies are limited to %1 bytes")
                                       .arg(protocol::limits::MaxRestBodyBytes));
    }
    const Router::Match match = m_router.match(request.method(), path);
    if (match.kind == Router::Match::Kind::NoSuchPath)
        return HttpResponse::error(ErrorCode::NotFound,
                                   QStringLiteral("no such path: %1").arg(path));
    if (match.kind == Router::Match::Kind::WrongMethod)
        return HttpResponse::error(ErrorCode::MethodNotAllowed,
                                   QStringLiteral("method not allowed"));

    HttpRequest call{match.params, request.query(), request.body(), request.remoteAddress(), {}};
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
    }
    return (*match.handler)(call);
}

void HttpServer::send(const QHttpServerRequest &request, QTcpSocket *socket,
                      const HttpResponse &response)
{
    QHttpServerResponder responder = makeResponder(request, socket);
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(response.status));
    responder.writeHeader("Content-Type", "application/json");
    responder.writeHeader("Content-Length", QByteArray::number(response.body.size()));
    for (const auto &[name, value] : response.headers)
        responder.writeHeader(name, value);
    responder.writeBody(response.body);
}

} // namespace parley::server
