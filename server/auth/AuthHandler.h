#pragma once

#include "http/HttpTypes.h"

namespace parley::server {

class IdentityStore;
class OtpService;
class Router;
class TokenService;

// POST /api/v1/auth/login and /api/v1/auth/verify-otp.
class AuthHandler
{
public:
    AuthHandler(IdentityStore &identities, OtpService &otp, TokenService &tokens);
    void addRoutes(Router &router);

private:
    HttpResponse login(const HttpRequest &request);
    HttpResponse verifyOtp(const HttpRequest &request);

    IdentityStore &m_identities;
    OtpService &m_otp;
    TokenService &m_tokens;
};

} // namespace parley::server
