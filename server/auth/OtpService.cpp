#include "server/auth/OtpService.h"

#include "server/auth/OtpDelivery.h"
#include "server/storage/OtpStore.h"

#include <QDateTime>

#include <sodium.h>

namespace parley::server {

using protocol::Error;
using protocol::ErrorCode;
using protocol::Result;

namespace {

constexpr qint64 HourMs = 3600 * 1000;

Error tooSoon(qint64 waitMs)
{
    Error error{ErrorCode::RateLimited,
                QStringLiteral("a code was sent recently; wait before asking for another")};
    error.retryAfterSeconds = int((waitMs + 999) / 1000);
    return error;
}

} // namespace

OtpService::OtpService(OtpStore &store, std::shared_ptr<OtpDelivery> delivery, QByteArray pepper,
                       const AuthPolicy &policy)
    : m_store(store)
    , m_delivery(std::move(delivery))
    , m_pepper(std::move(pepper))
    , m_policy(policy)
{ }

QByteArray OtpService::hash(const QString &phoneNumber, const QString &code) const
{
    // Keyed with the server pepper: a leaked table alone cannot be brute-forced over 10^6 codes.
    const QByteArray input = phoneNumber.toUtf8() + ':' + code.toUtf8();
    QByteArray digest(crypto_generichash_BYTES, Qt::Uninitialized);
    crypto_generichash(
        reinterpret_cast<unsigned char *>(digest.data()), size_t(digest.size()),
        reinterpret_cast<const unsigned char *>(input.constData()), size_t(input.size()),
        reinterpret_cast<const unsigned char *>(m_pepper.constData()), size_t(m_pepper.size()));
    return digest;
}

Result<void> OtpService::sendCode(const CodeRequest &request)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QString key = request.key.isEmpty() ? request.phoneNumber : request.key;
    auto stored = m_store.challenge(key);
    if (!stored)
        return stored.error();
    OtpChallenge challenge;
    challenge.phoneNumber = key;
    if (stored.value())
        challenge = *stored.value();

    const qint64 resendAt = challenge.createdAt + m_policy.otpResendIntervalSeconds * 1000LL;
    if (!challenge.codeHash.isEmpty() && now < resendAt)
        return tooSoon(resendAt - now);
    if (now - challenge.hourStartedAt >= HourMs) {
        challenge.hourStartedAt = now;
        challenge.sentThisHour = 0;
    }
    if (challenge.sentThisHour >= m_policy.otpMaxPerHour)
        return tooSoon(challenge.hourStartedAt + HourMs - now);

    const QString code = QStringLiteral("%1").arg(
        randombytes_uniform(1000000), protocol::limits::OtpDigits, 10, QLatin1Char('0'));
    challenge.codeHash = hash(key, code);
    challenge.expiresAt = now + m_policy.otpLifetimeSeconds * 1000LL;
    challenge.attempts = 0;
    challenge.createdAt = now;
    ++challenge.sentThisHour;
    // A plain login after a registration (asking for the code again) keeps what was registered.
    if (!request.pendingName.isEmpty() || !request.pendingEmail.isEmpty()) {
        challenge.pendingName = request.pendingName;
        challenge.pendingEmail = request.pendingEmail;
    }
    if (auto saved = m_store.save(challenge); !saved)
        return saved;
    if (!request.deliver)
        return {};
    return m_delivery->deliver(
        {request.phoneNumber, request.deliveryEmail, code, m_policy.otpLifetimeSeconds});
}

Result<OtpService::VerifiedCode> OtpService::verifyCode(const QString &key, const QString &code)
{
    const QString &phoneNumber = key;
    auto stored = m_store.challenge(key);
    if (!stored)
        return stored.error();
    if (!stored.value() || stored.value()->codeHash.isEmpty())
        return Error{ErrorCode::OtpInvalid,
                     QStringLiteral("no code is pending; request a new one")};
    const OtpChallenge &challenge = *stored.value();
    if (QDateTime::currentMSecsSinceEpoch() >= challenge.expiresAt)
        return Error{ErrorCode::OtpExpired,
                     QStringLiteral("the code has expired; request a new one")};
    const Error deadCode{ErrorCode::OtpAttemptsExceeded,
                         QStringLiteral("too many wrong codes; request a new one")};
    if (challenge.attempts >= m_policy.otpMaxAttempts)
        return deadCode;
    const QByteArray candidate = hash(phoneNumber, code);
    if (candidate.size() != challenge.codeHash.size()
        || sodium_memcmp(candidate.constData(), challenge.codeHash.constData(),
                         size_t(candidate.size()))
            != 0) {
        if (auto counted = m_store.countFailedAttempt(phoneNumber); !counted)
            return counted.error();
        const int left = m_policy.otpMaxAttempts - challenge.attempts - 1;
        if (left <= 0)
            return deadCode;
        return Error{ErrorCode::OtpInvalid, QStringLiteral("wrong code; %1 tries left").arg(left)};
    }
    if (auto consumed = m_store.consume(phoneNumber); !consumed)
        return consumed.error();
    return VerifiedCode{challenge.pendingName, challenge.pendingEmail};
}

} // namespace parley::server
