#pragma once

#include "core/protocol/Frame.h"
#include "server/http/HttpTypes.h"

#include <QObject>
#include <QTimer>
#include <QWebSocket>

#include <memory>

namespace parley::server {

// One authenticated WebSocket of one device. Decodes frames, answers undecodable ones itself and
// hands valid requests on. Events are pushed only once the device has synced ("live").
class ClientConnection : public QObject
{
    Q_OBJECT
public:
    ClientConnection(std::unique_ptr<QWebSocket> socket, AuthIdentity identity,
                     QObject *parent = nullptr);
    ~ClientConnection() override;

    const AuthIdentity &identity() const { return m_identity; }
    bool isLive() const { return m_live; }
    void setLive(bool live) { m_live = live; }

    void send(const protocol::Frame &frame);
    void close(QWebSocketProtocol::CloseCode code, const QString &reason);

Q_SIGNALS:
    void requestReceived(const protocol::Frame &frame);
    void closed();

private:
    void onText(const QString &text);
    void onBinary();
    void expire();

    std::unique_ptr<QWebSocket> m_socket;
    AuthIdentity m_identity;
    bool m_live = false;
    QTimer m_expiry;
};

} // namespace parley::server
