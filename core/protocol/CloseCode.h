#pragma once

// WebSocket close codes of protocol v1 beyond RFC 6455's (docs/protocol.md, "Closing").
// 4000-4999 are reserved for applications.
namespace parley::protocol::closecode {

// The access token the socket was opened with expired: refresh it and reconnect.
inline constexpr int TokenExpired = 4401;
// The device was signed out or removed, or a stolen refresh token was detected: sign in again.
inline constexpr int TokenRevoked = 4403;

} // namespace parley::protocol::closecode
