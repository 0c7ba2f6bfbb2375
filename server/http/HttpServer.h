#pragma once

#include "core/protocol/Result.h"
#include "server/http/HttpTypes.h"
#include "server/http/RateLimiter.h"
#include "server/http/Router.h"
#include "server/http/WebPolicy.h"

#include <QAbstractHttpServer>

#include <functional>

namespace parley::server {

// REST and the WebSocket upgrade on one port, with the web safety rules of docs/security.md:
// a per-IP request limit, per-route limits, CORS for allowed browser origins only, and an
// Origin check on the upgrade. Requests are answered synchronously on this thread: Qt 6.4's
// asynchronous responders touch freed sockets when a client leaves early (docs/architecture.md).
class HttpServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    using Authenticator = std::function<protocol::Result<AuthIdentity>(const QString &token)>;

    HttpServer(Router router, Authenticator authenticator, const WebPolicy &policy,
               QObject *parent = nullptr);

    // The bearer token of a request: the Authorization header, or for the WebSocket upgrade also
    // the "access_token" query item (browsers cannot set headers on a WebSocket).
    static QString accessToken(const QList<QPair<QByteArray, QByteArray>> &headers,
                               const QUrlQuery &query);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    HttpResponse respond(const QHttpServerRequest &request);
    HttpResponse route(const QHttpServerRequest &request);
    std::optional<protocol::Error> checkUpgrade(const QHttpServerRequest &request);
    std::optional<protocol::Error> checkOrigin(const QHttpServerRequest &request) const;
    std::optional<protocol::Error> limit(RateLimiter &limiter, const QString &key);
    void addCorsHeaders(const QHttpServerRequest &request, HttpResponse &response) const;
    void send(const QHttpServerRequest &request, QTcpSocket *socket, const HttpResponse &response);

    Router m_router;
    Authenticator m_authenticator;
    QStringList m_allowedOrigins;
    RateLimiter m_perIp;
    // Why the last upgrade was refused: missingHandler() answers right after handleRequest().
    protocol::Error m_upgradeRefusal;
};

bool isWebSocketUpgrade(const QHttpServerRequest &request);

} // namespace parley::server
