#pragma once

#include "core/protocol/Limits.h"
#include "server/http/HttpTypes.h"

#include <QHttpServerRequest>

#include <functional>
#include <vector>

namespace parley::server {

class RateLimiter;

// Maps (method, path) to a handler. Patterns are literal segments and ":name" captures,
// e.g. "/api/v1/users/:id/devices"; a capture matches one non-empty segment.
class Router
{
public:
    using Method = QHttpServerRequest::Method;
    using Handler = std::function<HttpResponse(const HttpRequest &)>;
    enum class Access { Public, Authenticated };

    // `limiter` (optional) counts requests per client IP on public routes and per account on
    // authenticated ones; over the limit the request gets 429 before the handler runs.
    // `maxBodyBytes`: larger request bodies get 413 payload_too_large before the handler runs.
    void add(Method method, const QString &pattern, Access access, Handler handler,
             RateLimiter *limiter = nullptr,
             qsizetype maxBodyBytes = protocol::limits::MaxRestBodyBytes);

    struct Match
    {
        enum class Kind { Found, NoSuchPath, WrongMethod } kind = Kind::NoSuchPath;
        const Handler *handler = nullptr;
        Access access = Access::Public;
        RateLimiter *limiter = nullptr;
        QHash<QString, QString> params;
        qsizetype maxBodyBytes = protocol::limits::MaxRestBodyBytes;
    };
    Match match(Method method, const QString &path) const;

private:
    struct Route
    {
        Method method;
        QStringList segments;
        Access access;
        Handler handler;
        RateLimiter *limiter;
        qsizetype maxBodyBytes;
    };
    static bool matchSegments(const QStringList &pattern, const QStringList &path,
                              QHash<QString, QString> &params);

    std::vector<Route> m_routes;
};

} // namespace parley::server
