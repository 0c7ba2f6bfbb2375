#pragma once

#include "protocol/Result.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace parley::server {

class IdentityStore;
class OtpDelivery;

// One-time login codes: six digits from libsodium's CSPRNG, stored only as a keyed hash, valid
// for limits::OtpLifetimeSeconds and dead after limits::OtpMaxAttempts wrong tries.
class OtpService
{
public:
    OtpService(IdentityStore &identities, std::shared_ptr<OtpDelivery> delivery, QByteArray pepper);

    protocol::Result<bool> sendCode(const QString &phoneNumber);
    // Succeeds once per code: a verified code is deleted.
    protocol::Result<bool> verifyCode(const QString &phoneNumber, const QString &code);

private:
    QByteArray hash(const QString &phoneNumber, const QString &code) const;

    IdentityStore &m_identities;
    std::shared_ptr<OtpDelivery> m_delivery;
    QByteArray m_pepper;
};

} // namespace parley::server
