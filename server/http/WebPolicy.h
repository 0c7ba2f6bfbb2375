#pragma once

#include "core/protocol/Result.h"
#include "server/http/RateLimiter.h"

#include <QCommandLineParser>
#include <QStringList>

namespace parley::server {

// Abuse limits and browser rules for the HTTP side (docs/security.md).
struct WebPolicy
{
    RateLimit restPerIp{100, 15 * 60}; // every REST request
    RateLimit otpSendPerIp{20, 60 * 60}; // register and login
    RateLimit otpVerifyPerIp{30, 15 * 60};
    RateLimit searchPerUser{30, 60};
    // Origins allowed to call the API from a browser (CORS) and to open the WebSocket. Requests
    // without an Origin header (native apps, curl) are not affected.
    QStringList allowedOrigins;

    static void addOptions(QCommandLineParser &parser);
    static protocol::Result<WebPolicy> fromParser(const QCommandLineParser &parser);
};

} // namespace parley::server
