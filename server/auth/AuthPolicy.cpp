#include "server/auth/AuthPolicy.h"

namespace parley::server {

using protocol::Error;
using protocol::ErrorCode;

namespace {

struct IntegerOption
{
    const char *name;
    const char *help;
    int AuthPolicy::*field;
    int minimum;
};

const IntegerOption Options[] = {
    {"otp-lifetime", "Seconds a login code stays valid.", &AuthPolicy::otpLifetimeSeconds, 1},
    {"otp-resend-interval", "Seconds before another code can be sent to the same number.",
     &AuthPolicy::otpResendIntervalSeconds, 0},
    {"otp-hourly-limit", "Codes sent to one number per hour at most.", &AuthPolicy::otpMaxPerHour,
     1},
    {"access-token-lifetime", "Seconds an access token stays valid.",
     &AuthPolicy::accessTokenLifetimeSeconds, 1},
    {"refresh-token-lifetime", "Seconds a refresh token stays valid if unused.",
     &AuthPolicy::refreshTokenLifetimeSeconds, 1},
    {"refresh-grace",
     "Seconds after a refresh in which the same refresh token, presented again because the "
     "answer was lost, gets the same new pair once (0: never).",
     &AuthPolicy::refreshGraceSeconds, 0},
};

} // namespace

void AuthPolicy::addOptions(QCommandLineParser &parser)
{
    const AuthPolicy defaults;
    for (const IntegerOption &option : Options) {
        parser.addOption({QString::fromLatin1(option.name),
                          QString::fromLatin1(option.help)
                              + QStringLiteral(" Default: %1.").arg(defaults.*option.field),
                          QStringLiteral("N")});
    }
}

protocol::Result<AuthPolicy> AuthPolicy::fromParser(const QCommandLineParser &parser)
{
    AuthPolicy policy;
    for (const IntegerOption &option : Options) {
        const QString name = QString::fromLatin1(option.name);
        if (!parser.isSet(name))
            continue;
        bool ok = false;
        const int value = parser.value(name).toInt(&ok);
        if (!ok || value < option.minimum) {
            return Error{ErrorCode::InvalidField,
                         QStringLiteral("--%1 takes a whole number of at least %2; got '%3'")
                             .arg(name)
                             .arg(option.minimum)
                             .arg(parser.value(name))};
        }
        policy.*option.field = value;
    }
    return policy;
}

} // namespace parley::server
