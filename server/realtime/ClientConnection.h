#pragma once

#include "core/protocol/Frame.h"
#include "server/http/HttpTypes.h"
#include "server/realtime/SocketPolicy.h"

#include <QObject>
#include <QTimer>
#include <QWebSocket>

#include <memory>
#include <utility>

namespace parley::server {

// One authenticated WebSocket of one device. Decodes frames, answers undecodable ones itself and
// hands valid requests on. Events are pushed only once the device has synced ("live").
class ClientConnection : public QObject
{
    Q_OBJECT
public:
    ClientConnection(std::unique_ptr<QWebSocket> socket, AuthIdentity identity,
                     const SocketPolicy &policy, QObject *parent = nullptr);
    ~ClientConnection() override;

    const AuthIdentity &identity() const { return m_identity; }
    bool isLive() const { return m_live; }
    void setLive(bool live) { m_live = live; }
    // True once, for the connection's first sync: its `after` is what the device has handled.
    bool takeFirstSync() { return !std::exchange(m_synced, true); }

    void send(const protocol::Frame &frame);
    void close(QWebSocketProtocol::CloseCode code, const QString &reason);

Q_SIGNALS:
    void requestReceived(const protocol::Frame &frame);
    void closed();

private:
    void onText(const QString &text);
    void onBinary();
    void expire();
    void keepAlive();
    // Takes one frame from the budget; false when it is spent (docs/protocol.md 6.11).
    bool takeFrame(qint64 now);

    std::unique_ptr<QWebSocket> m_socket;
    AuthIdentity m_identity;
    SocketPolicy m_policy;
    bool m_live = false;
    bool m_synced = false;
    QTimer m_expiry;
    QTimer m_keepAlive;
    qint64 m_lastHeard = 0; // when the client last sent anything (a frame or a pong)
    double m_tokens = 0; // the frame budget's bucket
    qint64 m_tokensAt = 0;
    int m_refused = 0; // frames refused in the current hard-limit window
    qint64 m_refusedSince = 0;
};

} // namespace parley::server
