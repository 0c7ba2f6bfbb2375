#include "server/realtime/ConnectionRegistry.h"

#include "core/protocol/CloseCode.h"
#include "server/realtime/ClientConnection.h"

namespace parley::server {

void ConnectionRegistry::add(ClientConnection *connection)
{
    connection->setParent(this);
    const QString userId = connection->identity().userId;
    const bool first = !m_byUser.contains(userId);
    m_byDevice.insert(connection->identity().deviceId, connection);
    m_byUser.insert(userId, connection);
    connect(connection, &ClientConnection::closed, this,
            [this, connection] { remove(connection); });
    if (first)
        Q_EMIT userCameOnline(userId);
}

void ConnectionRegistry::remove(ClientConnection *connection)
{
    m_byDevice.remove(connection->identity().deviceId, connection);
    const QString userId = connection->identity().userId;
    if (m_byUser.remove(userId, connection) > 0 && !m_byUser.contains(userId))
        Q_EMIT userWentOffline(userId);
    connection->deleteLater();
}

void ConnectionRegistry::closeAll()
{
    const auto connections = m_byDevice.values();
    for (ClientConnection *connection : connections)
        connection->close(QWebSocketProtocol::CloseCodeGoingAway,
                          protocol::closecode::reason(protocol::closecode::GoingAway));
}

void ConnectionRegistry::closeDevice(const QString &deviceId, QWebSocketProtocol::CloseCode code,
                                     const QString &reason)
{
    const auto connections = m_byDevice.values(deviceId);
    for (ClientConnection *connection : connections)
        connection->close(code, reason);
}

void ConnectionRegistry::pushToUser(const QString &userId, const protocol::Frame &event)
{
    const auto connections = m_byUser.values(userId);
    for (ClientConnection *connection : connections) {
        if (connection->isLive())
            connection->send(event);
    }
}

void ConnectionRegistry::push(const QString &deviceId, const protocol::Frame &event)
{
    const auto connections = m_byDevice.values(deviceId);
    for (ClientConnection *connection : connections) {
        if (connection->isLive())
            connection->send(event);
    }
}

} // namespace parley::server
