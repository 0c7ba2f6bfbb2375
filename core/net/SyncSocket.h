#pragma once

#include "protocol/Frame.h"
#include "protocol/Result.h"

#include <QHash>
#include <QNetworkRequest>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

#include <functional>

namespace parley::net {

// The device's WebSocket to /api/v1/ws: request/answer matching by id, events as signals, and
// reconnection with capped exponential backoff until close() is called.
class SyncSocket : public QObject
{
    Q_OBJECT
public:
    using ReplyCallback = std::function<void(protocol::Result<QJsonObject>)>;

    explicit SyncSocket(QObject *parent = nullptr);
    ~SyncSocket() override;

    // serverUrl is the http(s) base URL; the socket uses ws(s) on the same host and port.
    void open(const QUrl &serverUrl, const QString &accessToken);
    void close();
    bool isConnected() const;

    // Sends a request; the callback gets the ack data or the error, or NetworkError when the
    // connection drops or no answer comes within the request timeout.
    void request(protocol::FrameType type, const QJsonObject &data, ReplyCallback callback);

Q_SIGNALS:
    void connected();
    void disconnected();
    void eventReceived(const protocol::Frame &event);

private:
    void connectNow();
    void onConnected();
    void onDisconnected();
    void onText(const QString &text);
    void failPending(const QString &why);
    void expireRequests();

    struct Pending
    {
        ReplyCallback callback;
        qint64 deadline = 0;
    };

    QWebSocket m_socket;
    QNetworkRequest m_request;
    QTimer m_reconnectTimer;
    QTimer m_timeoutTimer;
    QHash<QString, Pending> m_pending;
    quint64 m_nextRequestId = 1;
    int m_backoffMs = 0;
    bool m_wanted = false;
};

} // namespace parley::net
