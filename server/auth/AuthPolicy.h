#pragma once

#include "core/protocol/Limits.h"
#include "core/protocol/Result.h"

#include <QCommandLineParser>

namespace parley::server {

// The tunable rules of sign-in (docs/security.md). Defaults are the protocol's; an operator (or
// a test that must watch a code expire) can shorten or lengthen them on the command line.
struct AuthPolicy
{
    int otpLifetimeSeconds = protocol::limits::OtpLifetimeSeconds;
    int otpMaxAttempts = protocol::limits::OtpMaxAttempts;
    int otpResendIntervalSeconds = 60;
    int otpMaxPerHour = 5;
    int accessTokenLifetimeSeconds = protocol::limits::AccessTokenLifetimeSeconds;
    int refreshTokenLifetimeSeconds = 30 * 24 * 3600;
    // A refresh token used this recently may be presented once more and gets the same new pair
    // again: its answer was lost (docs/protocol.md 5.2). 0 turns the grace off.
    int refreshGraceSeconds = 60;

    static void addOptions(QCommandLineParser &parser);
    static protocol::Result<AuthPolicy> fromParser(const QCommandLineParser &parser);
};

} // namespace parley::server
