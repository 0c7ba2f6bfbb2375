#pragma once

#include "protocol/Frame.h"

#include <QMultiHash>
#include <QObject>
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
    int connectionCount() const { return int(m_byDevice.size()); }
    // Closes every socket with 1001 (going away), so clients reconnect at once.
    void closeAll();
    // Closes the device's sockets, e.g. when its tokens are revoked (docs/protocol.md).
    void closeDevice(const QString &deviceId, QWebSocketProtocol::CloseCode code,
                     const QString &reason);

private:
    void remove(ClientConnection *connection);

    QMultiHash<QString, ClientConnection *> m_byDevice;
};

} // namespace parley::server
