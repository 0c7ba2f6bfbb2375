#include "UserHandler.h"

#include "http/Router.h"
#include "protocol/RestPayloads.h"
#include "storage/IdentityStore.h"

namespace parley::server {

using namespace protocol;

UserHandler::UserHandler(IdentityStore &identities)
    : m_identities(identities)
{ }

void UserHandler::addRoutes(Router &router)
{
    using Method = Router::Method;
    router.add(Method::Get, QLatin1String(paths::UserSearch), Router::Access::Authenticated,
               [this](const HttpRequest &request) { return search(request); });
    router.add(Method::Get,
               QLatin1String(paths::UsersPrefix) + QLatin1String(":id")
                   + QLatin1String(paths::DevicesSuffix),
               Router::Access::Authenticated,
               [this](const HttpRequest &request) { return devices(request); });
}

HttpResponse UserHandler::search(const HttpRequest &request)
{
    const QString query = request.query.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded);
    if (!isE164(query)) {
        return HttpResponse::error(ErrorCode::InvalidPhoneNumber,
                                   QStringLiteral("q must be a phone number in E.164 form"));
    }
    auto user = m_identities.userByPhone(query);
    if (!user)
        return HttpResponse::error(user.error());
    UserSearchResult result;
    if (user.value()) {
        const UserRecord &found = *user.value();
        result.users.append({found.id, found.phoneNumber, found.displayName});
    }
    return HttpResponse::json(result.toJson());
}

HttpResponse UserHandler::devices(const HttpRequest &request)
{
    const QString userId = request.pathParams.value(QStringLiteral("id"));
    auto user = m_identities.userById(userId);
    if (!user)
        return HttpResponse::error(user.error());
    if (!user.value())
        return HttpResponse::error(ErrorCode::UnknownUser, QStringLiteral("no such user"));
    auto devices = m_identities.activeDevices(userId);
    if (!devices)
        return HttpResponse::error(devices.error());
    DeviceKeyList list{userId, {}};
    for (const DeviceRecord &device : devices.value())
        list.devices.append({device.id, device.publicKey});
    return HttpResponse::json(list.toJson());
}

} // namespace parley::server
