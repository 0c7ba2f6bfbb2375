#pragma once

#include <QtGlobal>

// Protocol v1 limits (docs/protocol.md, "Limits"). Both sides enforce them; the server answers a
// violation with an error code and never stores anything from the offending request.
namespace parley::protocol::limits {

// One WebSocket text frame (a whole JSON document). Larger ones get `frame_too_large`.
inline constexpr qsizetype MaxFrameBytes = 256 * 1024;
// Past this the socket itself is closed with code 1009 (message too big) before parsing.
inline constexpr qsizetype MaxSocketMessageBytes = 1024 * 1024;
// One REST request body.
inline constexpr qsizetype MaxRestBodyBytes = 64 * 1024;
// Ciphertext of one envelope after base64 decoding (crypto_box MAC included).
inline constexpr qsizetype MaxCiphertextBytes = 64 * 1024;
// Envelopes in one message:send: every device of the recipient plus the sender's other devices.
inline constexpr qsizetype MaxEnvelopes = 64;
// Request ids, message ids, user and device ids.
inline constexpr qsizetype MaxIdLength = 64;
inline constexpr qsizetype MaxDeviceNameLength = 64;
inline constexpr qsizetype MaxPhoneNumberLength = 16; // '+' and at most 15 digits (E.164)

// libsodium crypto_box sizes, restated so that the server needs no crypto headers to validate.
inline constexpr qsizetype PublicKeyBytes = 32;
inline constexpr qsizetype NonceBytes = 24;
inline constexpr qsizetype BoxMacBytes = 16;

inline constexpr int OtpDigits = 6;
inline constexpr int OtpLifetimeSeconds = 5 * 60;
inline constexpr int OtpMaxAttempts = 5;
inline constexpr int AccessTokenLifetimeSeconds = 15 * 60;

// JSON numbers are IEEE doubles in JavaScript clients; integers stay below 2^53.
inline constexpr qint64 MaxJsonInteger = (qint64(1) << 53) - 1;

} // namespace parley::protocol::limits
