#pragma once

#include "core/protocol/ErrorCode.h"

#include <QString>

// WebSocket close codes of protocol v1 beyond RFC 6455's (docs/protocol.md, "Closing").
// 4000-4999 are reserved for applications.
namespace parley::protocol::closecode {

// The access token the socket was opened with expired: refresh it and reconnect.
inline constexpr int TokenExpired = 4401;
// The device was signed out or removed, or a stolen refresh token was detected: sign in again.
inline constexpr int TokenRevoked = 4403;
// Nothing came from the client (no frame, no pong) for the server's idle timeout.
inline constexpr int IdleTimeout = 4408;
// The client kept sending frames past its budget after being refused: slow down and reconnect.
inline constexpr int TooManyFrames = 4429;
// RFC 6455's "going away": the server is stopping.
inline constexpr int GoingAway = 1001;

// The reason sent with each of the codes above: the error code's name for 4401 and 4403.
inline QString reason(int closeCode)
{
    switch (closeCode) {
    case TokenExpired:
        return errorCodeName(ErrorCode::TokenExpired);
    case TokenRevoked:
        return errorCodeName(ErrorCode::TokenRevoked);
    case IdleTimeout:
        return QStringLiteral("idle_timeout");
    case TooManyFrames:
        return errorCodeName(ErrorCode::RateLimited);
    case GoingAway:
        return QStringLiteral("server stopping");
    default:
        return {};
    }
}

} // namespace parley::protocol::closecode
