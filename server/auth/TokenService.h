#pragma once

#include "http/HttpTypes.h"
#include "protocol/Result.h"

#include <QByteArray>
#include <QString>

namespace parley::server {

class IdentityStore;

// Short-lived signed access tokens naming a user and a device (docs/protocol.md,
// "Access tokens"): base64url(JSON claims) "." base64url(HMAC-SHA-256). Stateless to check;
// the device is looked up so that a removed device is refused at once.
class TokenService
{
public:
    TokenService(QByteArray key, IdentityStore &identities, int lifetimeSeconds);

    QString issue(const AuthIdentity &identity) const;
    protocol::Result<AuthIdentity> verify(const QString &token) const;
    int lifetimeSeconds() const { return m_lifetimeSeconds; }

private:
    QByteArray mac(const QByteArray &claims) const;

    QByteArray m_key;
    IdentityStore &m_identities;
    int m_lifetimeSeconds;
};

} // namespace parley::server
