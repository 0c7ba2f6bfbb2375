#pragma once

#include "core/protocol/Frame.h"

#include <QMultiHash>
#include <QObject>
#include <QStringList>
#include <QWebSocketProtocol>

namespace parley::server {

class ClientConnection;

// Every open connection, by device, so that events reach the devices that are online now.
class ConnectionRegistry : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    void add(ClientConnection *connection);
    // Sends the event to every live connection of the device; offline devices get it on sync.
    void push(const QString &deviceId, const protocol::Frame &event);
    // Sends a live-only event (typing, presence) to every live connection of the user.
    void pushToUser(const QString &userId, const protocol::Frame &event);
    int connectionCount() const { return int(m_byDevice.size()); }
    // Online: at least one open connection of any of the user's devices
    // (docs/protocol.md 4.12-4.15).
    bool isOnline(const QString &userId) const { return m_byUser.contains(userId); }
    QStringList onlineUserIds() const { return m_byUser.uniqueKeys(); }
    // Closes every socket with 1001 (going away), so clients reconnect at once.
    void closeAll();
    // Closes the device's sockets, e.g. when its tokens are revoked (docs/protocol.md).
    void closeDevice(const QString &deviceId, QWebSocketProtocol::CloseCode code,
                     const QString &reason);

Q_SIGNALS:
    // The user's first connection opened: they are online.
    void userCameOnline(const QString &userId);
    // The user's last open connection closed: the moment their last seen is taken from.
    void userWentOffline(const QString &userId);

private:
    void remove(ClientConnection *connection);

    QMultiHash<QString, ClientConnection *> m_byDevice;
    QMultiHash<QString, ClientConnection *> m_byUser;
};

} // namespace parley::server
