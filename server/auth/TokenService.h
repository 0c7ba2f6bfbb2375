#pragma once

#include "core/protocol/Result.h"
#include "server/auth/AuthPolicy.h"
#include "server/http/HttpTypes.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace parley::sql {
class Database;
}

namespace parley::server {

class IdentityStore;
class RefreshTokenStore;
struct RefreshTokenRecord;

// Access and refresh tokens (docs/protocol.md "Access tokens", docs/security.md).
// - Access token: base64url(JSON claims) "." base64url(HMAC-SHA-256), naming user and device,
//   valid AuthPolicy::accessTokenLifetimeSeconds. Checked without a token table, but against
//   the device: a removed or signed-out device's earlier tokens are refused (token_revoked).
// - Refresh token: 32 random bytes, stored only as a hash, used once: each use returns a new
//   pair. Presenting a used one again means it was copied: the whole family (every token since
//   that login) is revoked and the device is signed out (refresh_token_reused). The one
//   exception is the grace: within AuthPolicy::refreshGraceSeconds of its use, while the new
//   pair is unused, the same token gets the same pair once more (its answer was lost).
class TokenService
{
public:
    struct Tokens
    {
        QString accessToken;
        QString refreshToken;
    };

    TokenService(QByteArray key, sql::Database &db, IdentityStore &identities,
                 RefreshTokenStore &refreshTokens, const AuthPolicy &policy);

    // A new family, at login.
    protocol::Result<Tokens> startSession(const AuthIdentity &identity);
    // Rotates a refresh token; the identity it belongs to comes back with the new pair.
    protocol::Result<std::pair<AuthIdentity, Tokens>> refresh(const QString &refreshToken);
    // Logout and device removal: every token of the device stops working now.
    protocol::Result<void> revokeDevice(const QString &deviceId);
    // The device a refresh token was issued to, if it is one of ours.
    std::optional<QString> deviceOfRefreshToken(const QString &refreshToken);

    protocol::Result<AuthIdentity> verify(const QString &accessToken) const;
    const AuthPolicy &policy() const { return m_policy; }

private:
    QString issueAccessToken(const AuthIdentity &identity) const;
    protocol::Result<QString> issueRefreshToken(const AuthIdentity &identity,
                                                const QString &familyId);
    QByteArray mac(const QByteArray &claims) const;
    // The pair a used refresh token answered, when its retry is within the grace; nothing when
    // the use counts as a reuse.
    protocol::Result<std::optional<std::pair<AuthIdentity, Tokens>>>
    retryWithinGrace(const RefreshTokenRecord &record, const QString &refreshToken, qint64 at);

    QByteArray m_key;
    sql::Database &m_db;
    IdentityStore &m_identities;
    RefreshTokenStore &m_refreshTokens;
    AuthPolicy m_policy;
};

} // namespace parley::server
