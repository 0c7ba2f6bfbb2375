#pragma once

#include "core/protocol/Result.h"
#include "server/http/HttpTypes.h"

#include <functional>

namespace parley::sql {
class Database;
}

namespace parley::server {

class IdentityStore;
class OtpService;
class RateLimiter;
class Router;
class TokenService;

// /api/v1/auth/{register,login,verify-otp,refresh-token,logout} and /api/v1/devices.
class AuthHandler
{
public:
    struct Limits
    {
        RateLimiter *otpSendPerIp = nullptr;
        RateLimiter *otpVerifyPerIp = nullptr;
    };
    // Called after a device's tokens were revoked, so that its open sockets can be closed.
    using SignedOutHook = std::function<void(const QString &deviceId)>;

    AuthHandler(sql::Database &db, IdentityStore &identities, OtpService &otp, TokenService &tokens,
                Limits limits, SignedOutHook signedOut);
    void addRoutes(Router &router);

private:
    HttpResponse registerNumber(const HttpRequest &request);
    HttpResponse login(const HttpRequest &request);
    HttpResponse verifyOtp(const HttpRequest &request);
    HttpResponse refresh(const HttpRequest &request);
    HttpResponse logout(const HttpRequest &request);
    HttpResponse listDevices(const HttpRequest &request);
    HttpResponse removeDevice(const HttpRequest &request);

    HttpResponse sendCode(const QString &rawNumber, const QString &email, const QString &name);
    HttpResponse sendCodeByEmail(const QString &email);
    static QString emailKey(const QString &email);
    protocol::Result<AuthIdentity> signIn(const QString &phoneNumber, const QString &deviceName,
                                          const QByteArray &publicKey, const QString &pendingName,
                                          const QString &pendingEmail);
    HttpResponse grant(const AuthIdentity &identity, const QString &accessToken,
                       const QString &refreshToken);

    sql::Database &m_db;
    IdentityStore &m_identities;
    OtpService &m_otp;
    TokenService &m_tokens;
    Limits m_limits;
    SignedOutHook m_signedOut;
};

} // namespace parley::server
