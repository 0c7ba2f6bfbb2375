#pragma once

#include "core/protocol/Result.h"
#include "server/auth/AuthPolicy.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace parley::server {

class OtpDelivery;
class OtpStore;

// One-time login codes (docs/security.md): six digits from libsodium's CSPRNG, stored only as a
// keyed hash, valid for AuthPolicy::otpLifetimeSeconds, dead after otpMaxAttempts wrong tries,
// sent at most once per otpResendIntervalSeconds and otpMaxPerHour times an hour per number.
class OtpService
{
public:
    struct CodeRequest
    {
        QString phoneNumber; // E.164; where SMS-like deliveries send it
        QString deliveryEmail; // where e-mail delivery sends it: the account's, or a new one's
        QString pendingName; // from /auth/register, applied if the number is new
        QString pendingEmail;
        // What the code is stored under: the number, or "email:<address>" for an e-mail login.
        QString key;
        // False for an e-mail that has no account: the code is stored and throttled like any
        // other (so the answer and its timing reveal nothing), but sent to no one.
        bool deliver = true;
    };
    struct VerifiedCode
    {
        QString pendingName;
        QString pendingEmail;
    };

    OtpService(OtpStore &store, std::shared_ptr<OtpDelivery> delivery, QByteArray pepper,
               const AuthPolicy &policy);

    // rate_limited (with retryAfterSeconds) when the number asked too often.
    protocol::Result<void> sendCode(const CodeRequest &request);
    // Succeeds once per code: a verified code is cleared.
    protocol::Result<VerifiedCode> verifyCode(const QString &key, const QString &code);

private:
    QByteArray hash(const QString &phoneNumber, const QString &code) const;

    OtpStore &m_store;
    std::shared_ptr<OtpDelivery> m_delivery;
    QByteArray m_pepper;
    AuthPolicy m_policy;
};

} // namespace parley::server
