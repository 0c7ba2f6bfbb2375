#include "tests/support/TcpProxy.h"

#include <QHostAddress>

TcpProxy::TcpProxy(quint16 targetPort, QObject *parent)
    : QObject(parent)
    , m_targetPort(targetPort)
{
    connect(&m_server, &QTcpServer::newConnection, this, &TcpProxy::onNewConnection);
}

bool TcpProxy::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QTcpSocket *TcpProxy::relay(QTcpSocket *client, quint16 targetPort)
{
    auto *upstream = new QTcpSocket(client);
    client->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    // Bytes that arrive before the upstream connection is up wait in the client's buffer.
    connect(upstream, &QTcpSocket::connected, client, [client, upstream] {
        upstream->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        upstream->write(client->readAll());
    });
    connect(client, &QTcpSocket::readyRead, upstream, [client, upstream] {
        if (upstream->state() == QAbstractSocket::ConnectedState)
            upstream->write(client->readAll());
    });
    connect(upstream, &QTcpSocket::readyRead, client,
            [client, upstream] { client->write(upstream->readAll()); });
    connect(client, &QTcpSocket::disconnected, upstream, &QTcpSocket::disconnectFromHost);
    connect(upstream, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
    connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
    upstream->connectToHost(QHostAddress::LocalHost, targetPort);
    return upstream;
}

void TcpProxy::onNewConnection()
{
    while (QTcpSocket *client = m_server.nextPendingConnection())
        m_pairs.append(Pair{client, relay(client, m_targetPort)});
}

void TcpProxy::abortAll()
{
    const QList<Pair> pairs = std::exchange(m_pairs, {});
    for (const Pair &pair : pairs) {
        if (pair.upstream)
            pair.upstream->abort();
        if (pair.client) {
            pair.client->abort();
            pair.client->deleteLater();
        }
    }
}

int TcpProxy::connectionCount() const
{
    int open = 0;
    for (const Pair &pair : m_pairs)
        open += pair.client && pair.client->state() == QAbstractSocket::ConnectedState;
    return open;
}
