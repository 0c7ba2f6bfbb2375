#pragma once

#include <QtGlobal>

// Protocol v1 limits (docs/protocol.md, "Limits"). Both sides enforce them; the server answers a
// violation with an error code and never stores anything from the offending request.
namespace parley::protocol::limits {

// One WebSocket text frame (a whole JSON document). Larger ones get `frame_too_large`. Sized so
// that a message:send with MaxEnvelopes envelopes of MaxCiphertextBytes (base64: 4/3) fits.
inline constexpr qsizetype MaxFrameBytes = 512 * 1024;
// Past this the socket itself is closed with code 1009 (message too big) before parsing.
inline constexpr qsizetype MaxSocketMessageBytes = 1024 * 1024;
// One REST request body.
inline constexpr qsizetype MaxRestBodyBytes = 64 * 1024;
// Ciphertext of one envelope after base64 decoding (crypto_box MAC included).
inline constexpr qsizetype MaxCiphertextBytes = 20 * 1024;
// Plaintext that fits one envelope.
inline constexpr qsizetype MaxPlaintextBytes = MaxCiphertextBytes - 16;
// Envelopes in one message:send: every device of the recipient plus the sender's other devices.
inline constexpr qsizetype MaxEnvelopes = 16;
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

static_assert(MaxEnvelopes * (MaxCiphertextBytes * 4 / 3 + 200) + 1024 < MaxFrameBytes,
              "a message:send with every envelope at its largest must fit in one frame");

// JSON numbers are IEEE doubles in JavaScript clients; integers stay below 2^53.
inline constexpr qint64 MaxJsonInteger = (qint64(1) << 53) - 1;

} // namespace parley::protocol::limits
