#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

// A TCP relay on a loopback port in front of a server (REST and WebSocket both pass), for
// tests of a network that breaks: abortAll() resets every connection at once, as a router that
// drops them would, while the server keeps running.
class TcpProxy : public QObject
{
    Q_OBJECT
public:
    explicit TcpProxy(quint16 targetPort, QObject *parent = nullptr);

    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    // Resets every open connection on both sides (RST); new connections are accepted.
    void abortAll();
    int connectionCount() const;

    // Relays the bytes of `client` to a new connection to 127.0.0.1:targetPort and back, until
    // either side closes; the upstream socket is a child of `client`, which deletes itself.
    static QTcpSocket *relay(QTcpSocket *client, quint16 targetPort);

private:
    void onNewConnection();

    struct Pair
    {
        QPointer<QTcpSocket> client;
        QPointer<QTcpSocket> upstream;
    };

    QTcpServer m_server;
    quint16 m_targetPort;
    QList<Pair> m_pairs;
};
