#include "core/account/UserDirectory.h"

#include "core/net/RestTransport.h"
#include "core/protocol/RestPayloads.h"

#include <QUrl>

namespace parley {

using namespace protocol;

UserDirectory::UserDirectory(net::RestTransport &rest, QObject *parent)
    : QObject(parent)
    , m_rest(rest)
{ }

void UserDirectory::search(const QString &query, const QObject *context, Callback done)
{
    UserSearchRequest request;
    request.query = query.trimmed();
    m_rest.getAs<UserSearchPage>(QLatin1String(paths::UserSearch), request.toUrlQuery(), context,
                                 std::move(done));
}

void UserDirectory::findByPhone(const QString &phoneNumber, const QObject *context,
                                std::function<void(Result<UserSearchHit>)> done)
{
    search(phoneNumber, context, [done = std::move(done)](Result<UserSearchPage> page) {
        if (!page)
            return done(page.error());
        // Only an exact number match carries the number.
        for (const UserSearchHit &hit : page->users) {
            if (hit.phoneNumber)
                return done(hit);
        }
        done(Error{ErrorCode::NotFound, tr("Nobody uses Parley with this number.")});
    });
}

void UserDirectory::card(const QString &userId, const QObject *context,
                         std::function<void(Result<UserCard>)> done)
{
    m_rest.getAs<UserCard>(QLatin1String(paths::UsersPrefix)
                               + QString::fromLatin1(QUrl::toPercentEncoding(userId)),
                           {}, context, std::move(done));
}

} // namespace parley
