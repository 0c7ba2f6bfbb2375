#include "AuthHandler.h"

#include "OtpService.h"
#include "TokenService.h"
#include "http/RequestBody.h"
#include "http/Router.h"
#include "protocol/Limits.h"
#include "protocol/RestPayloads.h"
#include "storage/Database.h"
#include "storage/IdentityStore.h"

namespace parley::server {

using namespace protocol;

AuthHandler::AuthHandler(IdentityStore &identities, OtpService &otp, TokenService &tokens)
    : m_identities(identities)
    , m_otp(otp)
    , m_tokens(tokens)
{
}

void AuthHandler::addRoutes(Router &router)
{
    using Method = Router::Method;
    router.add(Method::Post, QLatin1String(paths::Login), Router::Access::Public,
               [this](const HttpRequest &request) { return login(request); });
    router.add(Method::Post, QLatin1String(paths::VerifyOtp), Router::Access::Public,
               [this](const HttpRequest &request) { return verifyOtp(request); });
}

HttpResponse AuthHandler::login(const HttpRequest &request)
{
    auto body = parseBody<LoginRequest>(request);
    if (!body)
        return HttpResponse::error(body.error());
    // The same answer whether or not the number has an account: no enumeration of users.
    if (auto sent = m_otp.sendCode(body.value().phoneNumber); !sent)
        return HttpResponse::error(sent.error());
    return HttpResponse::json(LoginAccepted{limits::OtpLifetimeSeconds}.toJson());
}

HttpResponse AuthHandler::verifyOtp(const HttpRequest &request)
{
    auto body = parseBody<VerifyOtpRequest>(request);
    if (!body)
        return HttpResponse::error(body.error());
    const VerifyOtpRequest &verify = body.value();
    if (auto verified = m_otp.verifyCode(verify.phoneNumber, verify.code); !verified)
        return HttpResponse::error(verified.error());

    // First login of a number creates its account; every login registers a new device.
    auto existing = m_identities.userByPhone(verify.phoneNumber);
    if (!existing)
        return HttpResponse::error(existing.error());
    UserRecord user;
    if (existing.value()) {
        user = *existing.value();
    } else {
        auto created = m_identities.createUser(verify.phoneNumber);
        if (!created)
            return HttpResponse::error(created.error());
        user = created.value();
    }
    auto device = m_identities.addDevice(user.id, verify.deviceName, verify.publicKey);
    if (!device)
        return HttpResponse::error(device.error());

    const AuthIdentity identity{user.id, device.value().id};
    const SessionGrant grant{m_tokens.issue(identity), m_tokens.lifetimeSeconds(), user.id,
                             identity.deviceId, user.phoneNumber};
    return HttpResponse::json(grant.toJson());
}

} // namespace parley::server
