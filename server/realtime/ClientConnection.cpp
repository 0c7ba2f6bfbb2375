#include "server/realtime/ClientConnection.h"

#include "core/protocol/CloseCode.h"
#include "core/protocol/Limits.h"

#include <QDateTime>

#include <limits>

namespace parley::server {

using namespace protocol;

ClientConnection::ClientConnection(std::unique_ptr<QWebSocket> socket, AuthIdentity identity,
                                   QObject *parent)
    : QObject(parent)
    , m_socket(std::move(socket))
    , m_identity(std::move(identity))
{
    // QWebSocketServer has no size setters in Qt 6.4: each socket gets its limits here. Past
    // them Qt closes the socket with 1009; below them decodeFrame() answers frame_too_large.
    m_socket->setMaxAllowedIncomingFrameSize(quint64(limits::MaxSocketMessageBytes));
    m_socket->setMaxAllowedIncomingMessageSize(quint64(limits::MaxSocketMessageBytes));
    connect(m_socket.get(), &QWebSocket::textMessageReceived, this, &ClientConnection::onText);
    connect(m_socket.get(), &QWebSocket::binaryMessageReceived, this, &ClientConnection::onBinary);
    connect(m_socket.get(), &QWebSocket::disconnected, this, &ClientConnection::closed);
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
}

void ClientConnection::onText(const QString &text)
{
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
    send(Frame::failure({},
                        Error{ErrorCode::MalformedFrame,
                              QStringLiteral("binary frames are not part of protocol v1")}));
}

} // namespace parley::server
