#include "server/auth/AuthHandler.h"

#include "core/protocol/RestPayloads.h"
#include "core/sql/Database.h"
#include "server/auth/OtpService.h"
#include "server/auth/PhoneNumbers.h"
#include "server/auth/TokenService.h"
#include "server/http/RequestBody.h"
#include "server/http/Router.h"
#include "server/storage/IdentityStore.h"

#include <QDateTime>

namespace parley::server {

using namespace protocol;

namespace {
const Error StorageError{ErrorCode::InternalError, QStringLiteral("storage error")};
}

AuthHandler::AuthHandler(sql::Database &db, IdentityStore &identities, OtpService &otp,
                         TokenService &tokens, Limits limits, SignedOutHook signedOut)
    : m_db(db)
    , m_identities(identities)
    , m_otp(otp)
    , m_tokens(tokens)
    , m_limits(limits)
    , m_signedOut(std::move(signedOut))
{ }

void AuthHandler::addRoutes(Router &router)
{
    using Method = Router::Method;
    using Access = Router::Access;
    auto bind = [this](HttpResponse (AuthHandler::*handler)(const HttpRequest &)) {
        return [this, handler](const HttpRequest &request) { return (this->*handler)(request); };
    };
    router.add(Method::Post, QLatin1String(paths::Register), Access::Public,
               bind(&AuthHandler::registerNumber), m_limits.otpSendPerIp);
    router.add(Method::Post, QLatin1String(paths::Login), Access::Public, bind(&AuthHandler::login),
               m_limits.otpSendPerIp);
    router.add(Method::Post, QLatin1String(paths::VerifyOtp), Access::Public,
               bind(&AuthHandler::verifyOtp), m_limits.otpVerifyPerIp);
    router.add(Method::Post, QLatin1String(paths::RefreshToken), Access::Public,
               bind(&AuthHandler::refresh), m_limits.otpVerifyPerIp);
    router.add(Method::Post, QLatin1String(paths::Logout), Access::Authenticated,
               bind(&AuthHandler::logout));
    router.add(Method::Get, QLatin1String(paths::Devices), Access::Authenticated,
               bind(&AuthHandler::listDevices));
    router.add(Method::Delete, QLatin1String(paths::Devices) + QLatin1String("/:deviceId"),
               Access::Authenticated, bind(&AuthHandler::removeDevice));
}

HttpResponse AuthHandler::sendCode(const QString &rawNumber, const QString &email,
                                   const QString &name)
{
    auto number = normalizePhoneNumber(rawNumber);
    if (!number)
        return HttpResponse::error(number.error());
    auto existing = m_identities.userByPhone(number.value());
    if (!existing)
        return HttpResponse::error(existing.error());
    // An existing account keeps its e-mail: a code is never sent to an address the caller
    // chose for someone else's number. Registration data only names a new account.
    const QString deliveryEmail = existing.value() ? existing.value()->email : email;
    auto sent = m_otp.sendCode({number.value(), deliveryEmail, name, email, {}, true});
    if (!sent)
        return HttpResponse::error(sent.error());
    // The same answer whether or not the number has an account: no enumeration of users.
    return HttpResponse::json(LoginAccepted{m_tokens.policy().otpLifetimeSeconds}.toJson());
}

HttpResponse AuthHandler::registerNumber(const HttpRequest &request)
{
    auto body = parseBody<RegisterRequest>(request);
    if (!body)
        return HttpResponse::error(body.error());
    return sendCode(body.value().phoneNumber, body.value().email, body.value().displayName);
}

HttpResponse AuthHandler::login(const HttpRequest &request)
{
    auto body = parseBody<LoginRequest>(request);
    if (!body)
        return HttpResponse::error(body.error());
    if (body.value().email.isEmpty())
        return sendCode(body.value().phoneNumber, {}, {});
    return sendCodeByEmail(body.value().email);
}

// The e-mail address is the account's optional second identifier: the code goes to the
// account's own channels (its address, and its number for SMS-like deliveries). An address
// without an account is throttled and answered the same, and nothing is sent.
HttpResponse AuthHandler::sendCodeByEmail(const QString &email)
{
    auto account = m_identities.userByEmail(email);
    if (!account)
        return HttpResponse::error(account.error());
    OtpService::CodeRequest code;
    code.key = emailKey(email);
    if (account.value()) {
        code.phoneNumber = account.value()->phoneNumber;
        code.deliveryEmail = account.value()->email;
    } else {
        code.deliver = false;
    }
    if (auto sent = m_otp.sendCode(code); !sent)
        return HttpResponse::error(sent.error());
    return HttpResponse::json(LoginAccepted{m_tokens.policy().otpLifetimeSeconds}.toJson());
}

QString AuthHandler::emailKey(const QString &email)
{
    return QStringLiteral("email:") + email.toLower();
}

HttpResponse AuthHandler::verifyOtp(const HttpRequest &request)
{
    auto body = parseBody<VerifyOtpRequest>(request);
    if (!body)
        return HttpResponse::error(body.error());
    const VerifyOtpRequest &verify = body.value();
    Result<QString> number = verify.email.isEmpty() ? normalizePhoneNumber(verify.phoneNumber)
                                                    : Result<QString>(QString());
    if (!number)
        return HttpResponse::error(number.error());
    const QString key = verify.email.isEmpty() ? number.value() : emailKey(verify.email);
    auto verified = m_otp.verifyCode(key, verify.code);
    if (!verified)
        return HttpResponse::error(verified.error());
    if (!verify.email.isEmpty()) {
        // Only an address with an account ever had its code sent.
        auto account = m_identities.userByEmail(verify.email);
        if (!account || !account.value())
            return HttpResponse::error(ErrorCode::OtpInvalid, QStringLiteral("wrong code"));
        number = account.value()->phoneNumber;
    }
    auto identity = signIn(number.value(), verify.deviceName, verify.publicKey,
                           verified.value().pendingName, verified.value().pendingEmail);
    if (!identity)
        return HttpResponse::error(identity.error());
    auto tokens = m_tokens.startSession(identity.value());
    if (!tokens)
        return HttpResponse::error(tokens.error());
    return grant(identity.value(), tokens.value().accessToken, tokens.value().refreshToken);
}

HttpResponse AuthHandler::refresh(const HttpRequest &request)
{
    auto body = parseBody<RefreshRequest>(request);
    if (!body)
        return HttpResponse::error(body.error());
    auto refreshed = m_tokens.refresh(body.value().refreshToken);
    if (!refreshed) {
        if (refreshed.error().code == ErrorCode::RefreshTokenReused) {
            // The device's sockets run on tokens that are no longer trusted.
            if (auto device = m_tokens.deviceOfRefreshToken(body.value().refreshToken))
                m_signedOut(*device);
        }
        return HttpResponse::error(refreshed.error());
    }
    const auto &[identity, tokens] = refreshed.value();
    return grant(identity, tokens.accessToken, tokens.refreshToken);
}

HttpResponse AuthHandler::grant(const AuthIdentity &identity, const QString &accessToken,
                                const QString &refreshToken)
{
    auto user = m_identities.userById(identity.userId);
    if (!user || !user.value())
        return HttpResponse::error(StorageError);
    const AuthPolicy &policy = m_tokens.policy();
    const SessionGrant grant{accessToken,
                             policy.accessTokenLifetimeSeconds,
                             refreshToken,
                             policy.refreshTokenLifetimeSeconds,
                             identity.userId,
                             identity.deviceId,
                             user.value()->phoneNumber};
    return HttpResponse::json(grant.toJson());
}

HttpResponse AuthHandler::logout(const HttpRequest &request)
{
    if (auto revoked = m_tokens.revokeDevice(request.identity.deviceId); !revoked)
        return HttpResponse::error(revoked.error());
    m_signedOut(request.identity.deviceId);
    return HttpResponse::json({});
}

HttpResponse AuthHandler::listDevices(const HttpRequest &request)
{
    auto devices = m_identities.activeDevices(request.identity.userId);
    if (!devices)
        return HttpResponse::error(devices.error());
    DeviceInfoList list;
    for (const DeviceRecord &device : devices.value()) {
        list.devices.append(
            {device.id, device.name, device.createdAt, device.id == request.identity.deviceId});
    }
    return HttpResponse::json(list.toJson());
}

HttpResponse AuthHandler::removeDevice(const HttpRequest &request)
{
    const QString deviceId = request.pathParams.value(QStringLiteral("deviceId"));
    auto device = m_identities.device(deviceId);
    if (!device)
        return HttpResponse::error(device.error());
    if (!device.value() || device.value()->revoked
        || device.value()->userId != request.identity.userId) {
        return HttpResponse::error(ErrorCode::UnknownDevice,
                                   QStringLiteral("no such device on your account"));
    }
    if (auto removed = m_identities.removeDevice(deviceId, QDateTime::currentMSecsSinceEpoch());
        !removed) {
        return HttpResponse::error(removed.error());
    }
    if (auto revoked = m_tokens.revokeDevice(deviceId); !revoked)
        return HttpResponse::error(revoked.error());
    m_signedOut(deviceId);
    return HttpResponse::json({});
}

// The first login of a number creates its account, named from its registration if it had one.
// A device is known by its public key: signing in again with the same key (the same
// installation) keeps its device id; a new key registers a new device.
Result<AuthIdentity> AuthHandler::signIn(const QString &phoneNumber, const QString &deviceName,
                                         const QByteArray &publicKey, const QString &pendingName,
                                         const QString &pendingEmail)
{
    sql::Transaction transaction(m_db);
    if (!transaction.ok())
        return StorageError;
    auto existing = m_identities.userByPhone(phoneNumber);
    if (!existing)
        return existing.error();
    // An address already used by another account is not attached again: e-mail is an
    // identifier, so it belongs to one account (and registration must not reveal whose).
    QString email = pendingEmail;
    if (!email.isEmpty()) {
        auto owner = m_identities.userByEmail(email);
        if (!owner)
            return owner.error();
        if (owner.value())
            email.clear();
    }
    auto user = existing.value() ? Result<UserRecord>(*existing.value())
                                 : m_identities.createUser(phoneNumber, pendingName, email);
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
        return StorageError;
    return AuthIdentity{userId, deviceId, 0};
}

} // namespace parley::server
