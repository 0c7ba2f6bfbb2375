#pragma once

#include <QObject>
#include <QSet>
#include <QString>
#include <QTcpServer>
#include <QWebSocketServer>

// A proxy on a loopback port in front of a parley-server that understands just enough to drop
// chosen WebSocket frames from clients: REST passes through as bytes, and each WebSocket is
// relayed frame by frame to the server with the client's Authorization header. Tests use it to
// hold a client between two steps of the protocol (a message stored, its receipt not yet seen
// by the server) deterministically.
class FrameFilterProxy : public QObject
{
    Q_OBJECT
public:
    explicit FrameFilterProxy(quint16 targetPort, QObject *parent = nullptr);

    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    // Client frames of these types ("message:delivered") are dropped; empty: none.
    void setDroppedTypes(const QSet<QString> &types) { m_dropped = types; }
    int droppedCount() const { return m_droppedCount; }

private:
    void onNewConnection();
    void route(QTcpSocket *socket);
    void relayFrames(QWebSocket *client);

    QTcpServer m_server;
    QWebSocketServer m_webSockets;
    quint16 m_targetPort;
    QSet<QString> m_dropped;
    int m_droppedCount = 0;
};
