#include "tests/support/FrameFilterProxy.h"

#include "core/protocol/Http.h"
#include "tests/support/TcpProxy.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QTcpSocket>
#include <QWebSocket>

FrameFilterProxy::FrameFilterProxy(quint16 targetPort, QObject *parent)
    : QObject(parent)
    , m_webSockets(QStringLiteral("parley-test-proxy"), QWebSocketServer::NonSecureMode)
    , m_targetPort(targetPort)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FrameFilterProxy::onNewConnection);
    connect(&m_webSockets, &QWebSocketServer::newConnection, this, [this] {
        while (QWebSocket *client = m_webSockets.nextPendingConnection())
            relayFrames(client);
    });
}

bool FrameFilterProxy::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void FrameFilterProxy::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        // Decide on the request line, once the head has arrived (it is small: a test client).
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
            if (!socket->peek(4096).contains("\r\n\r\n"))
                return;
            socket->disconnect(this);
            route(socket);
        });
    }
}

void FrameFilterProxy::route(QTcpSocket *socket)
{
    if (socket->peek(64).startsWith("GET /api/v1/ws")) {
        m_webSockets.handleConnection(socket); // Qt reads the head it peeks itself
        return;
    }
    TcpProxy::relay(socket, m_targetPort); // REST: bytes as they are
}

void FrameFilterProxy::relayFrames(QWebSocket *client)
{
    auto *upstream = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, client);
    auto *waiting = new QStringList;
    connect(client, &QObject::destroyed, upstream, [waiting] { delete waiting; });
    connect(client, &QWebSocket::textMessageReceived, upstream,
            [this, upstream, waiting](const QString &text) {
                const QString type = QJsonDocument::fromJson(text.toUtf8())
                                         .object()
                                         .value(QLatin1String("type"))
                                         .toString();
                if (m_dropped.contains(type)) {
                    ++m_droppedCount;
                    return;
                }
                if (upstream->state() == QAbstractSocket::ConnectedState)
                    upstream->sendTextMessage(text);
                else
                    waiting->append(text);
            });
    connect(upstream, &QWebSocket::connected, client, [upstream, waiting] {
        for (const QString &text : std::as_const(*waiting))
            upstream->sendTextMessage(text);
        waiting->clear();
    });
    connect(upstream, &QWebSocket::textMessageReceived, client, &QWebSocket::sendTextMessage);
    connect(upstream, &QWebSocket::disconnected, client, [client] { client->close(); });
    connect(client, &QWebSocket::disconnected, client, [client, upstream] {
        upstream->close();
        client->deleteLater();
    });
    QNetworkRequest request(QUrl(QStringLiteral("ws://127.0.0.1:%1/api/v1/ws").arg(m_targetPort)));
    const QByteArray authorization
        = client->request().rawHeader(parley::protocol::http::AuthorizationHeader);
    request.setRawHeader(parley::protocol::http::AuthorizationHeader, authorization);
    upstream->open(request);
}
