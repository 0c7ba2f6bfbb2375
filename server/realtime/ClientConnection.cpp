#include "server/realtime/ClientConnection.h"

#include "core/protocol/CloseCode.h"
#include "core/protocol/Limits.h"

#include <QDateTime>

#include <limits>

namespace parley::server {

using namespace protocol;

namespace {
// How long a closed connection waits for the client's close frame before dropping the TCP link.
constexpr int CloseGraceMs = 5000;
} // namespace

ClientConnection::ClientConnection(std::unique_ptr<QWebSocket> socket, AuthIdentity identity,
                                   const SocketPolicy &policy, QObject *parent)
    : QObject(parent)
    , m_socket(std::move(socket))
    , m_identity(std::move(identity))
    , m_policy(policy)
    , m_lastHeard(QDateTime::currentMSecsSinceEpoch())
    , m_tokens(policy.frameBurst)
    , m_tokensAt(m_lastHeard)
{
    // QWebSocketServer has no size setters in Qt 6.4: each socket gets its limits here. Past
    // them Qt closes the socket with 1009; below them decodeFrame() answers frame_too_large.
    m_socket->setMaxAllowedIncomingFrameSize(quint64(limits::MaxSocketMessageBytes));
    m_socket->setMaxAllowedIncomingMessageSize(quint64(limits::MaxSocketMessageBytes));
    connect(m_socket.get(), &QWebSocket::textMessageReceived, this, &ClientConnection::onText);
    connect(m_socket.get(), &QWebSocket::binaryMessageReceived, this, &ClientConnection::onBinary);
    connect(m_socket.get(), &QWebSocket::disconnected, this, &ClientConnection::closed);
    // Qt answers pings itself; a pong, like any frame, shows the client is there.
    connect(m_socket.get(), &QWebSocket::pong, this,
            [this] { m_lastHeard = QDateTime::currentMSecsSinceEpoch(); });
    m_keepAlive.setInterval(qMax(1, m_policy.pingIntervalSeconds) * 1000 / 2);
    connect(&m_keepAlive, &QTimer::timeout, this, &ClientConnection::keepAlive);
    m_keepAlive.start();
    // A socket lives no longer than the token that opened it: the client refreshes the token
    // and reconnects (docs/protocol.md, "Closing").
    if (m_identity.tokenExpiresAt > 0) {
        const qint64 left = m_identity.tokenExpiresAt - QDateTime::currentMSecsSinceEpoch();
        m_expiry.setSingleShot(true);
        m_expiry.setTimerType(Qt::PreciseTimer); // a coarse timer may fire 5% early
        connect(&m_expiry, &QTimer::timeout, this, &ClientConnection::expire);
        m_expiry.start(int(qBound(qint64(0), left + 1, qint64(std::numeric_limits<int>::max()))));
    }
}

void ClientConnection::expire()
{
    send(Frame::failure({},
                        Error{ErrorCode::TokenExpired,
                              QStringLiteral("the access token has expired; refresh it and "
                                             "reconnect")}));
    close(QWebSocketProtocol::CloseCode(closecode::TokenExpired),
          closecode::reason(closecode::TokenExpired));
}

ClientConnection::~ClientConnection()
{
    m_socket->disconnect(this);
}

void ClientConnection::send(const Frame &frame)
{
    m_socket->sendTextMessage(QString::fromUtf8(encodeFrame(frame)));
}

void ClientConnection::close(QWebSocketProtocol::CloseCode code, const QString &reason)
{
    m_socket->close(code, reason);
    m_socket->flush();
    // A peer that never answers the close (a dead one, a hostile one) does not keep it open.
    QTimer::singleShot(CloseGraceMs, m_socket.get(),
                       [socket = m_socket.get()] { socket->abort(); });
}

void ClientConnection::keepAlive()
{
    const qint64 silent = QDateTime::currentMSecsSinceEpoch() - m_lastHeard;
    if (silent >= qint64(m_policy.idleTimeoutSeconds) * 1000) {
        m_keepAlive.stop();
        close(QWebSocketProtocol::CloseCode(closecode::IdleTimeout),
              closecode::reason(closecode::IdleTimeout));
    } else if (silent >= qint64(m_policy.pingIntervalSeconds) * 1000) {
        m_socket->ping();
    }
}

bool ClientConnection::takeFrame(qint64 now)
{
    if (m_policy.framesPerSecond <= 0)
        return true;
    m_tokens = qMin(double(m_policy.frameBurst),
                    m_tokens + double(now - m_tokensAt) * m_policy.framesPerSecond / 1000.0);
    m_tokensAt = now;
    if (m_tokens >= 1) {
        m_tokens -= 1;
        return true;
    }
    if (now - m_refusedSince >= SocketPolicy::HardLimitWindowMs) {
        m_refusedSince = now;
        m_refused = 0;
    }
    ++m_refused;
    return false;
}

void ClientConnection::onText(const QString &text)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_lastHeard = now;
    if (!takeFrame(now)) {
        if (m_refused > m_policy.hardRefusals) {
            close(QWebSocketProtocol::CloseCode(closecode::TooManyFrames),
                  closecode::reason(closecode::TooManyFrames));
            return;
        }
        const int waitMs
            = m_policy.framesPerSecond > 0 ? qMax(1, 1000 / m_policy.framesPerSecond) : 0;
        Error refused{ErrorCode::RateLimited,
                      QStringLiteral("too many frames; this one was not handled, slow down")};
        refused.retryAfterSeconds = (waitMs + 999) / 1000;
        send(Frame::failure(decodeFrame(text.toUtf8()).requestId, refused));
        return;
    }
    DecodedFrame decoded = decodeFrame(text.toUtf8());
    if (!decoded.frame) {
        send(Frame::failure(decoded.requestId, decoded.frame.error()));
        return;
    }
    const Frame &frame = decoded.frame.value();
    if (auto error = checkClientRequest(frame)) {
        send(Frame::failure(frame.id, *error));
        return;
    }
    Q_EMIT requestReceived(frame);
}

void ClientConnection::onBinary()
{
    m_lastHeard = QDateTime::currentMSecsSinceEpoch();
    send(Frame::failure({},
                        Error{ErrorCode::MalformedFrame,
                              QStringLiteral("binary frames are not part of protocol v1")}));
}

} // namespace parley::server
