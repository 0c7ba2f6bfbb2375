#include "core/net/SyncSocket.h"

#include "core/protocol/CloseCode.h"
#include "core/protocol/Http.h"
#include "core/protocol/Limits.h"
#include "core/protocol/MessagePayloads.h"
#include "core/protocol/RestPayloads.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QUrlQuery>

namespace parley::net {

using namespace protocol;

namespace {
constexpr int FirstBackoffMs = 500;
constexpr int MaxBackoffMs = 30000;
constexpr int RequestTimeoutMs = 20000;
} // namespace

SyncSocket::SyncSocket(QObject *parent)
    : MessageTransport(parent)
{
    m_reconnectTimer.setSingleShot(true);
    m_timeoutTimer.setInterval(1000);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &SyncSocket::connectNow);
    connect(&m_timeoutTimer, &QTimer::timeout, this, &SyncSocket::expireRequests);
}

SyncSocket::~SyncSocket()
{
    m_wanted = false;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

QWebSocket &SyncSocket::socket()
{
    if (!m_socket) {
        m_socket = std::make_unique<QWebSocket>();
        m_socket->setMaxAllowedIncomingMessageSize(quint64(limits::MaxSocketMessageBytes));
        m_socket->setMaxAllowedIncomingFrameSize(quint64(limits::MaxSocketMessageBytes));
        connect(m_socket.get(), &QWebSocket::connected, this, &SyncSocket::onConnected);
        connect(m_socket.get(), &QWebSocket::disconnected, this, &SyncSocket::onDisconnected);
        connect(m_socket.get(), &QWebSocket::textMessageReceived, this, &SyncSocket::onText);
    }
    return *m_socket;
}

void SyncSocket::open(const QUrl &serverUrl, const QString &accessToken)
{
    QUrl url = serverUrl;
    url.setScheme(serverUrl.scheme() == QLatin1String("https") ? QStringLiteral("wss")
                                                               : QStringLiteral("ws"));
    QString prefix = serverUrl.path();
    if (prefix.endsWith(u'/'))
        prefix.chop(1);
    url.setPath(prefix + QLatin1String(paths::WebSocket));
    // The header keeps the token out of URLs (and so out of access logs); the protocol's
    // ?access_token= form exists for browsers, which cannot set headers on a WebSocket.
    m_request = QNetworkRequest(url);
    setAccessToken(accessToken);
    m_wanted = true;
    m_backoffMs = 0;
    connectNow();
}

void SyncSocket::close()
{
    m_wanted = false;
    m_reconnectTimer.stop();
    if (m_socket)
        m_socket->close();
}

bool SyncSocket::isConnected() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

void SyncSocket::connectNow()
{
    if (m_wanted && socket().state() == QAbstractSocket::UnconnectedState)
        m_socket->open(m_request);
}

void SyncSocket::onConnected()
{
    // QWebSocket writes a frame's header and payload separately; with Nagle's algorithm the
    // payload then waits for the peer's delayed ACK (about 40 ms per message on Linux).
    if (auto *tcp = m_socket->findChild<QTcpSocket *>())
        tcp->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_backoffMs = 0;
    m_timeoutTimer.start();
    Q_EMIT connected();
}

void SyncSocket::setAccessToken(const QString &accessToken)
{
    m_request.setRawHeader(http::AuthorizationHeader, http::BearerPrefix + accessToken.toLatin1());
}

void SyncSocket::onDisconnected()
{
    m_timeoutTimer.stop();
    const int closeCode = int(m_socket->closeCode());
    if (closeCode == closecode::TokenRevoked)
        m_wanted = false;
    failPending(QStringLiteral("the connection to the server was lost"));
    Q_EMIT disconnected();
    if (closeCode == closecode::TokenExpired)
        Q_EMIT accessTokenExpired();
    else if (closeCode == closecode::TokenRevoked)
        Q_EMIT signedOut();
    if (!m_wanted)
        return;
    // Jittered so that many clients do not all come back at the same instant after an outage.
    m_backoffMs = m_backoffMs == 0 ? FirstBackoffMs : qMin(m_backoffMs * 2, MaxBackoffMs);
    const int jitter = int(QRandomGenerator::global()->bounded(m_backoffMs / 4 + 1));
    m_reconnectTimer.start(m_backoffMs + jitter);
}

void SyncSocket::request(FrameType type, const QJsonObject &data, const QObject *context,
                         ReplyCallback callback)
{
    if (!isConnected()) {
        callback(Error{ErrorCode::NetworkError, QStringLiteral("not connected to the server")});
        return;
    }
    const QString id = QString::number(m_nextRequestId++);
    m_pending.insert(
        id, {context, std::move(callback), QDateTime::currentMSecsSinceEpoch() + RequestTimeoutMs});
    m_socket->sendTextMessage(QString::fromUtf8(encodeFrame(Frame::request(type, id, data))));
}

void SyncSocket::onText(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    DecodedFrame decoded = decodeFrame(bytes);
    if (!decoded.frame) {
        // An event type from a newer server still holds a place in the mailbox sequence.
        const qint64 seq = eventSeq(frameData(QJsonDocument::fromJson(bytes).object()));
        if (decoded.frame.error().code == ErrorCode::UnknownType && seq >= 1) {
            Q_EMIT unknownEventReceived(seq);
            return;
        }
        qWarning().noquote() << "ignoring a malformed frame from the server:"
                             << decoded.frame.error().message;
        return;
    }
    const Frame &frame = decoded.frame.value();
    if (frame.type != FrameType::Ack && frame.type != FrameType::Error) {
        Q_EMIT eventReceived(frame);
        return;
    }
    const auto pending = m_pending.find(frame.re);
    if (pending == m_pending.end()) {
        if (frame.type == FrameType::Error)
            qWarning().noquote() << "server error:" << frame.error.message;
        return;
    }
    const Pending request = std::move(*pending);
    m_pending.erase(pending);
    if (frame.type == FrameType::Ack)
        request.answer(frame.data);
    else
        request.answer(frame.error);
}

void SyncSocket::failPending(const QString &why)
{
    // Callbacks may send new requests; take the table first so that they do not see stale ones.
    const auto pending = std::exchange(m_pending, {});
    for (const Pending &request : pending)
        request.answer(Error{ErrorCode::NetworkError, why});
}

void SyncSocket::expireRequests()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<Pending> expired;
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (it->deadline > now) {
            ++it;
            continue;
        }
        expired.append(std::move(*it));
        it = m_pending.erase(it);
    }
    for (const Pending &request : expired)
        request.answer(
            Error{ErrorCode::NetworkError, QStringLiteral("the server did not answer in time")});
}

} // namespace parley::net
