#pragma once

// The HTTP vocabulary of protocol v1 beyond paths and JSON bodies (docs/protocol.md 1.2, 3.2,
// 4.1, 4.2, 4.17, 4.18, 6.1): the header names and values a client and the server must agree on.
namespace parley::protocol::http {

// The bearer token of every authenticated request. The scheme name is case-insensitive
// (RFC 7235 section 2.1) and followed by one space.
inline constexpr char AuthorizationHeader[] = "Authorization";
inline constexpr char BearerPrefix[] = "Bearer ";
// The WebSocket upgrade also takes the token as a query parameter: browsers cannot set headers.
inline constexpr char AccessTokenParameter[] = "access_token";

// Every body is JSON.
inline constexpr char ContentTypeHeader[] = "Content-Type";
inline constexpr char JsonMediaType[] = "application/json";
inline constexpr char ContentLengthHeader[] = "Content-Length";
// Whole seconds to wait, with every 429.
inline constexpr char RetryAfterHeader[] = "Retry-After";

// A plain request to the WebSocket path is answered 426 with these two headers (RFC 9110
// 15.5.22 and 7.8), and an upgrade request carries the first.
inline constexpr char UpgradeHeader[] = "Upgrade";
inline constexpr char WebSocketProtocol[] = "websocket";
inline constexpr char ConnectionHeader[] = "Connection";
inline constexpr char UpgradeOption[] = "Upgrade";

// Browsers: the Origin check and CORS for the allowed origins.
inline constexpr char OriginHeader[] = "Origin";
inline constexpr char AllowOriginHeader[] = "Access-Control-Allow-Origin";
inline constexpr char VaryHeader[] = "Vary";
inline constexpr char ExposeHeadersHeader[] = "Access-Control-Expose-Headers";
inline constexpr char AllowMethodsHeader[] = "Access-Control-Allow-Methods";
inline constexpr char AllowedMethods[] = "GET, POST, PUT, DELETE, OPTIONS";
inline constexpr char AllowHeadersHeader[] = "Access-Control-Allow-Headers";
inline constexpr char AllowedRequestHeaders[] = "Authorization, Content-Type";
inline constexpr char MaxAgeHeader[] = "Access-Control-Max-Age";
inline constexpr char PreflightMaxAgeSeconds[] = "600";

// The SMS gateway webhook of --otp-delivery webhook:URL: "sha256=<hex HMAC-SHA256 of the body>".
inline constexpr char SignatureHeader[] = "X-Parley-Signature";
inline constexpr char SignaturePrefix[] = "sha256=";

} // namespace parley::protocol::http
