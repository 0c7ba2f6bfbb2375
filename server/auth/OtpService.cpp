#include "OtpService.h"

#include "OtpDelivery.h"
#include "protocol/Limits.h"
#include "storage/IdentityStore.h"

#include <QDateTime>

#include <sodium.h>

namespace parley::server {

using protocol::Error;
using protocol::ErrorCode;
namespace limits = protocol::limits;

OtpService::OtpService(IdentityStore &identities, std::shared_ptr<OtpDelivery> delivery,
                       QByteArray pepper)
    : m_identities(identities)
    , m_delivery(std::move(delivery))
    , m_pepper(std::move(pepper))
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

protocol::Result<bool> OtpService::sendCode(const QString &phoneNumber)
{
    const QString code = QStringLiteral("%1").arg(randombytes_uniform(1000000), limits::OtpDigits,
                                                  10, QLatin1Char('0'));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    auto saved = m_identities.saveChallenge(
        {phoneNumber, hash(phoneNumber, code), now + limits::OtpLifetimeSeconds * 1000LL, 0, now});
    if (!saved)
        return saved;
    return m_delivery->deliver(phoneNumber, code);
}

protocol::Result<bool> OtpService::verifyCode(const QString &phoneNumber, const QString &code)
{
    auto stored = m_identities.challenge(phoneNumber);
    if (!stored)
        return stored.error();
    if (!stored.value())
        return Error{ErrorCode::OtpInvalid,
                     QStringLiteral("no code is pending; request a new one")};
    const auto &challenge = *stored.value();
    if (QDateTime::currentMSecsSinceEpoch() >= challenge.expiresAt) {
        m_identities.deleteChallenge(phoneNumber);
        return Error{ErrorCode::OtpExpired,
                     QStringLiteral("the code has expired; request a new one")};
    }
    if (challenge.attempts >= limits::OtpMaxAttempts) {
        return Error{ErrorCode::OtpAttemptsExceeded,
                     QStringLiteral("too many wrong codes; request a new one")};
    }
    const QByteArray candidate = hash(phoneNumber, code);
    if (candidate.size() != challenge.codeHash.size()
        || sodium_memcmp(candidate.constData(), challenge.codeHash.constData(),
                         size_t(candidate.size()))
            != 0) {
        m_identities.countFailedAttempt(phoneNumber);
        const int left = limits::OtpMaxAttempts - challenge.attempts - 1;
        if (left <= 0) {
            return Error{ErrorCode::OtpAttemptsExceeded,
                         QStringLiteral("too many wrong codes; request a new one")};
        }
        return Error{ErrorCode::OtpInvalid, QStringLiteral("wrong code; %1 tries left").arg(left)};
    }
    auto removed = m_identities.deleteChallenge(phoneNumber);
    if (!removed)
        return removed;
    return true;
}

} // namespace parley::server
