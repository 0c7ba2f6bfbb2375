#pragma once

#include "http/HttpTypes.h"
#include "protocol/Result.h"

namespace parley::server {

class Database;
class IdentityStore;
class OtpService;
class Router;
class TokenService;

// POST /api/v1/auth/login and /api/v1/auth/verify-otp.
class AuthHandler
{
public:
    AuthHandler(Database &db, IdentityStore &identities, OtpService &otp, TokenService &tokens);
    void addRoutes(Router &router);

private:
    HttpResponse login(const HttpRequest &request);
    HttpResponse verifyOtp(const HttpRequest &request);
    protocol::Result<AuthIdentity> signIn(const QString &phoneNumber, const QString &deviceName,
                                          const QByteArray &publicKey);

    Database &m_db;
    IdentityStore &m_identities;
    OtpService &m_otp;
    TokenService &m_tokens;
};

} // namespace parley::server
