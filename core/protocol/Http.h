#pragma once

// The HTTP vocabulary of protocol v1 beyond paths and JSON bodies (docs/protocol.md 1.2, 3.2,
// 4.2, 6.1): the header names and values a client and the server must agree on.
namespace parley::protocol::http {

// A plain request to the WebSocket path is answered 426 with these two headers (RFC 9110
// 15.5.22 and 7.8), and an upgrade request carries the first.
inline constexpr char UpgradeHeader[] = "Upgrade";
inline constexpr char WebSocketProtocol[] = "websocket";
inline constexpr char ConnectionHeader[] = "Connection";
inline constexpr char UpgradeOption[] = "Upgrade";

} // namespace parley::protocol::http
