#pragma once

#include "core/net/MessageTransport.h"
#include "core/protocol/Frame.h"
#include "core/protocol/Result.h"

#include <QHash>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

#include <functional>
#include <memory>

namespace parley::net {

// The device's WebSocket to /api/v1/ws: request/answer matching by id, events as signals, and
// reconnection with capped exponential backoff until close() is called.
class SyncSocket : public MessageTransport
{
    Q_OBJECT
public:
    explicit SyncSocket(QObject *parent = nullptr);
    ~SyncSocket() override;

    // serverUrl is the http(s) base URL; the socket uses ws(s) on the same host and port.
    void open(const QUrl &serverUrl, const QString &accessToken);
    void close();
    bool isConnected() const override;
    // Used from the next (re)connection on.
    void setAccessToken(const QString &accessToken);

    // No answer within 20 s counts as NetworkError.
    void request(protocol::FrameType type, const QJsonObject &data, const QObject *context,
                 ReplyCallback callback) override;

Q_SIGNALS:
    // The server closed the socket because its access token expired (close code 4401): refresh
    // the token; the socket reconnects with the new one.
    void accessTokenExpired();
    // The device was signed out (4403): the socket stays closed.
    void signedOut();

private:
    void connectNow();
    void onConnected();
    void onDisconnected();
    void onText(const QString &text);
    void failPending(const QString &why);
    void expireRequests();

    struct Pending
    {
        QPointer<const QObject> context;
        ReplyCallback callback;
        qint64 deadline = 0;

        void answer(const protocol::Result<QJsonObject> &result) const
        {
            if (context)
                callback(result);
        }
    };

    // Made at the first connection: a QWebSocket sets up TLS when it is made, which the
    // start of the app (its chats shown from the store) need not wait for.
    QWebSocket &socket();
    std::unique_ptr<QWebSocket> m_socket;
    QNetworkRequest m_request;
    QTimer m_reconnectTimer;
    QTimer m_timeoutTimer;
    QHash<QString, Pending> m_pending;
    quint64 m_nextRequestId = 1;
    int m_backoffMs = 0;
    bool m_wanted = false;
};

} // namespace parley::net
