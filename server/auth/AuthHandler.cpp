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

AuthHandler::AuthHandler(Database &db, IdentityStore &identities, OtpService &otp,
                         TokenService &tokens)
    : m_db(db)
    , m_identities(identities)
    , m_otp(otp)
    , m_tokens(tokens)
{ }

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

    auto identity = signIn(verify.phoneNumber, verify.deviceName, verify.publicKey);
    if (!identity)
        return HttpResponse::error(identity.error());
    const SessionGrant grant{m_tokens.issue(identity.value()), m_tokens.lifetimeSeconds(),
                             identity.value().userId, identity.value().deviceId,
                             verify.phoneNumber};
    return HttpResponse::json(grant.toJson());
}

// The first login of a number creates its account. A device is known by its public key: signing
// in again with the same key (the same installation) keeps its device id, so one desktop does
// not collect a new device at every login; a new key registers a new device.
Result<AuthIdentity> AuthHandler::signIn(const QString &phoneNumber, const QString &deviceName,
                                         const QByteArray &publicKey)
{
    const Error storageError{ErrorCode::InternalError, QStringLiteral("storage error")};
    Transaction transaction(m_db);
    if (!transaction.ok())
        return storageError;
    auto existing = m_identities.userByPhone(phoneNumber);
    if (!existing)
        return existing.error();
    auto user = existing.value() ? Result<UserRecord>(*existing.value())
                                 : m_identities.createUser(phoneNumber);
    if (!user)
        return user.error();
    const QString userId = user.value().id;

    auto known = m_identities.deviceByKey(userId, publicKey);
    if (!known)
        return known.error();
    QString deviceId;
    if (known.value()) {
        deviceId = known.value()->id;
        if (auto updated = m_identities.reactivateDevice(deviceId, deviceName); !updated)
            return updated.error();
    } else {
        auto added = m_identities.addDevice(userId, deviceName, publicKey);
        if (!added)
            return added.error();
        deviceId = added.value().id;
    }
    if (!transaction.commit())
        return storageError;
    return AuthIdentity{userId, deviceId};
}

} // namespace parley::server
