#include "server/http/WebPolicy.h"

#include <QUrl>

namespace parley::server {

using protocol::Error;
using protocol::ErrorCode;

namespace {

struct LimitOption
{
    const char *name;
    const char *help;
    RateLimit WebPolicy::*field;
};

const LimitOption Options[] = {
    {"rate-limit", "REST requests per client IP address.", &WebPolicy::restPerIp},
    {"otp-ip-limit", "Login codes requested per client IP address.", &WebPolicy::otpSendPerIp},
    {"verify-ip-limit", "Code verifications per client IP address.", &WebPolicy::otpVerifyPerIp},
    {"search-limit", "User searches per account.", &WebPolicy::searchPerUser},
};

const QString CorsOption = QStringLiteral("cors-origin");

} // namespace

void WebPolicy::addOptions(QCommandLineParser &parser)
{
    const WebPolicy defaults;
    for (const LimitOption &option : Options) {
        const RateLimit limit = defaults.*option.field;
        parser.addOption({QString::fromLatin1(option.name),
                          QString::fromLatin1(option.help)
                              + QStringLiteral(" N/SECONDS, 0/1 for none. Default: %1/%2.")
                                    .arg(limit.requests)
                                    .arg(limit.windowSeconds),
                          QStringLiteral("N/SECONDS")});
    }
    parser.addOption({CorsOption,
                      QStringLiteral("A browser origin allowed to use the API and the WebSocket, "
                                     "like https://chat.example.org. Repeat for more."),
                      QStringLiteral("ORIGIN")});
}

protocol::Result<WebPolicy> WebPolicy::fromParser(const QCommandLineParser &parser)
{
    WebPolicy policy;
    for (const LimitOption &option : Options) {
        const QString name = QString::fromLatin1(option.name);
        if (!parser.isSet(name))
            continue;
        const auto limit = RateLimit::parse(parser.value(name));
        if (!limit) {
            return Error{ErrorCode::InvalidField,
                         QStringLiteral("--%1 takes N/SECONDS, like 100/900; got '%2'")
                             .arg(name, parser.value(name))};
        }
        policy.*option.field = *limit;
    }
    for (const QString &origin : parser.values(CorsOption)) {
        const QUrl url(origin);
        const bool bare = url.isValid() && !url.host().isEmpty() && url.path().isEmpty()
            && (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http"));
        if (!bare) {
            return Error{
                ErrorCode::InvalidField,
                QStringLiteral("--cors-origin takes an origin like https://chat.example.org "
                               "(scheme, host and port only); got '%1'")
                    .arg(origin)};
        }
        // Browsers leave a scheme's default port out of Origin.
        QUrl canonical = url;
        if ((url.scheme() == QLatin1String("https") && url.port() == 443)
            || (url.scheme() == QLatin1String("http") && url.port() == 80)) {
            canonical.setPort(-1);
        }
        policy.allowedOrigins.append(canonical.toString(QUrl::RemovePath));
    }
    return policy;
}

} // namespace parley::server
