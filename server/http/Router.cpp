#include "server/http/Router.h"

namespace parley::server {

void Router::add(Method method, const QString &pattern, Access access, Handler handler,
                 RateLimiter *limiter, qsizetype maxBodyBytes)
{
    m_routes.push_back(Route{method, pattern.split(u'/', Qt::SkipEmptyParts), access,
                             std::move(handler), limiter, maxBodyBytes});
}

bool Router::matchSegments(const QStringList &pattern, const QStringList &path,
                           QHash<QString, QString> &params)
{
    if (pattern.size() != path.size())
        return false;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        if (pattern.at(i).startsWith(u':'))
            params.insert(pattern.at(i).mid(1), path.at(i));
        else if (pattern.at(i) != path.at(i))
            return false;
    }
    return true;
}

Router::Match Router::match(Method method, const QString &path) const
{
    const QStringList segments = path.split(u'/', Qt::SkipEmptyParts);
    Match result;
    for (const Route &route : m_routes) {
        QHash<QString, QString> params;
        if (!matchSegments(route.segments, segments, params))
            continue;
        if (route.method != method) {
            result.kind = Match::Kind::WrongMethod;
            continue;
        }
        return Match{Match::Kind::Found, &route.handler, route.access,
                     route.limiter,      params,         route.maxBodyBytes};
    }
    return result;
}

} // namespace parley::server
