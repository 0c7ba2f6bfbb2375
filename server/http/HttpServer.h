#pragma once

#include "HttpTypes.h"
#include "Router.h"
#include "protocol/Result.h"

#include <QAbstractHttpServer>

#include <functional>

namespace parley::server {

// REST and the WebSocket upgrade on one port. Requests are answered synchronously on this
// thread: Qt 6.4's asynchronous responders touch freed sockets when a client leaves early
// (docs/architecture.md, "Qt 6.4 facts").
class HttpServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    using Authenticator = std::function<protocol::Result<AuthIdentity>(const QString &token)>;

    HttpServer(Router router, Authenticator authenticator, QObject *parent = nullptr);

    // The bearer token of a request: the Authorization header, or for the WebSocket upgrade also
    // the "access_token" query item (browsers cannot set headers on a WebSocket).
    static QString accessToken(const QList<QPair<QByteArray, QByteArray>> &headers,
                               const QUrlQuery &query);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    HttpResponse respond(const QHttpServerRequest &request);
    HttpResponse refuseUpgrade(const QHttpServerRequest &request);
    bool acceptsUpgrade(const QHttpServerRequest &request);
    void send(const QHttpServerRequest &request, QTcpSocket *socket, const HttpResponse &response);

    Router m_router;
    Authenticator m_authenticator;
};

bool isWebSocketUpgrade(const QHttpServerRequest &request);

} // namespace parley::server
