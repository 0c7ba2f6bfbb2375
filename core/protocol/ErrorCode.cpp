#include "core/protocol/ErrorCode.h"

#include <array>
#include <utility>

namespace parley::protocol {

namespace {

struct ErrorInfo
{
    ErrorCode code;
    const char *name;
    int httpStatus;
};

constexpr std::array errorTable{
    ErrorInfo{ErrorCode::MalformedJson, "malformed_json", 400},
    ErrorInfo{ErrorCode::MalformedFrame, "malformed_frame", 400},
    ErrorInfo{ErrorCode::FrameTooLarge, "frame_too_large", 413},
    ErrorInfo{ErrorCode::UnknownType, "unknown_type", 400},
    ErrorInfo{ErrorCode::MissingField, "missing_field", 400},
    ErrorInfo{ErrorCode::InvalidField, "invalid_field", 400},
    ErrorInfo{ErrorCode::PayloadTooLarge, "payload_too_large", 413},
    ErrorInfo{ErrorCode::InvalidPhoneNumber, "invalid_phone_number", 400},
    ErrorInfo{ErrorCode::OtpInvalid, "otp_invalid", 401},
    ErrorInfo{ErrorCode::OtpExpired, "otp_expired", 401},
    ErrorInfo{ErrorCode::OtpAttemptsExceeded, "otp_attempts_exceeded", 401},
    ErrorInfo{ErrorCode::RateLimited, "rate_limited", 429},
    ErrorInfo{ErrorCode::Unauthorized, "unauthorized", 401},
    ErrorInfo{ErrorCode::TokenInvalid, "token_invalid", 401},
    ErrorInfo{ErrorCode::TokenExpired, "token_expired", 401},
    ErrorInfo{ErrorCode::TokenRevoked, "token_revoked", 401},
    ErrorInfo{ErrorCode::RefreshTokenReused, "refresh_token_reused", 401},
    ErrorInfo{ErrorCode::OriginNotAllowed, "origin_not_allowed", 403},
    ErrorInfo{ErrorCode::NotFound, "not_found", 404},
    ErrorInfo{ErrorCode::MethodNotAllowed, "method_not_allowed", 405},
    ErrorInfo{ErrorCode::UpgradeRequired, "upgrade_required", 426},
    ErrorInfo{ErrorCode::UnknownUser, "unknown_user", 404},
    ErrorInfo{ErrorCode::UnknownDevice, "unknown_device", 404},
    ErrorInfo{ErrorCode::DeviceMismatch, "device_mismatch", 409},
    ErrorInfo{ErrorCode::DuplicateRequest, "duplicate_request", 409},
    ErrorInfo{ErrorCode::Forbidden, "forbidden", 403},
    ErrorInfo{ErrorCode::AlreadyDeleted, "already_deleted", 409},
    ErrorInfo{ErrorCode::NetworkError, "network_error", 0},
    ErrorInfo{ErrorCode::InternalError, "internal_error", 500},
};

const ErrorInfo &infoFor(ErrorCode code)
{
    for (const auto &info : errorTable) {
        if (info.code == code)
            return info;
    }
    return errorTable.back();
}

} // namespace

QString errorCodeName(ErrorCode code)
{
    return QString::fromLatin1(infoFor(code).name);
}

std::optional<ErrorCode> errorCodeFromName(const QString &name)
{
    for (const auto &info : errorTable) {
        if (name == QLatin1String(info.name))
            return info.code;
    }
    return std::nullopt;
}

int httpStatus(ErrorCode code)
{
    return infoFor(code).httpStatus;
}

} // namespace parley::protocol
