#pragma once

#include <QString>

#include <optional>

namespace parley::protocol {

// Every error a client can see, over REST and over the WebSocket. The wire names and HTTP statuses
// are listed in docs/protocol.md, section "Error codes"; add a row there with every new value.
enum class ErrorCode {
    MalformedJson,
    MalformedFrame,
    FrameTooLarge,
    UnknownType,
    MissingField,
    InvalidField,
    PayloadTooLarge,
    InvalidPhoneNumber,
    OtpInvalid,
    OtpExpired,
    OtpAttemptsExceeded,
    RateLimited,
    Unauthorized,
    TokenInvalid,
    TokenExpired,
    TokenRevoked,
    RefreshTokenReused,
    OriginNotAllowed,
    NotFound,
    MethodNotAllowed,
    UpgradeRequired,
    UnknownUser,
    UnknownDevice,
    DeviceMismatch,
    DuplicateRequest,
    Forbidden,
    AlreadyDeleted,
    InternalError,
    // Client-side only, never on the wire: the server could not be reached or did not answer.
    // Keep it last: tests walk the enum up to it.
    NetworkError,
};

// The lower-case wire name, e.g. "frame_too_large".
QString errorCodeName(ErrorCode code);
std::optional<ErrorCode> errorCodeFromName(const QString &name);

// The HTTP status a REST answer carries for this error.
int httpStatus(ErrorCode code);

struct Error
{
    ErrorCode code = ErrorCode::InternalError;
    QString message;
    // For rate_limited: seconds until a retry can succeed (HTTP Retry-After); 0 when unknown.
    int retryAfterSeconds = 0;

    friend bool operator==(const Error &, const Error &) = default;
};

} // namespace parley::protocol
