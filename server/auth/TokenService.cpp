#include "TokenService.h"

#include "protocol/JsonReader.h"
#include "protocol/Limits.h"
#include "storage/IdentityStore.h"

#include <QDateTime>
#include <QJsonDocument>

#include <sodium.h>

namespace parley::server {

using protocol::Error;
using protocol::ErrorCode;

namespace {
constexpr auto Base64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

Error invalid()
{
    return Error{ErrorCode::TokenInvalid, QStringLiteral("the access token is not valid")};
}
} // namespace

TokenService::TokenService(QByteArray key, IdentityStore &identities, int lifetimeSeconds)
    : m_key(std::move(key))
    , m_identities(identities)
    , m_lifetimeSeconds(lifetimeSeconds)
{ }

QByteArray TokenService::mac(const QByteArray &claims) const
{
    QByteArray tag(crypto_auth_hmacsha256_BYTES, Qt::Uninitialized);
    crypto_auth_hmacsha256(reinterpret_cast<unsigned char *>(tag.data()),
                           reinterpret_cast<const unsigned char *>(claims.constData()),
                           quint64(claims.size()),
                           reinterpret_cast<const unsigned char *>(m_key.constData()));
    return tag;
}

QString TokenService::issue(const AuthIdentity &identity) const
{
    const qint64 expires = QDateTime::currentSecsSinceEpoch() + m_lifetimeSeconds;
    const QJsonObject claims{{QLatin1String("sub"), identity.userId},
                             {QLatin1String("dev"), identity.deviceId},
                             {QLatin1String("exp"), double(expires)}};
    const QByteArray encoded
        = QJsonDocument(claims).toJson(QJsonDocument::Compact).toBase64(Base64Url);
    return QString::fromLatin1(encoded + '.' + mac(encoded).toBase64(Base64Url));
}

protocol::Result<AuthIdentity> TokenService::verify(const QString &token) const
{
    const QByteArray bytes = token.toLatin1();
    const qsizetype dot = bytes.indexOf('.');
    if (token.size() > 1024 || dot <= 0)
        return invalid();
    const QByteArray encoded = bytes.left(dot);
    const auto tag = QByteArray::fromBase64Encoding(
        bytes.mid(dot + 1), Base64Url | QByteArray::AbortOnBase64DecodingErrors);
    if (!tag || tag.decoded.size() != crypto_auth_hmacsha256_BYTES
        || crypto_auth_hmacsha256_verify(
               reinterpret_cast<const unsigned char *>(tag.decoded.constData()),
               reinterpret_cast<const unsigned char *>(encoded.constData()),
               quint64(encoded.size()), reinterpret_cast<const unsigned char *>(m_key.constData()))
            != 0) {
        return invalid();
    }
    const auto claimsJson = QByteArray::fromBase64Encoding(encoded, Base64Url);
    const auto parsed = protocol::parseJsonObject(*claimsJson, 4096);
    protocol::JsonReader claims(parsed.object);
    const AuthIdentity identity{claims.string("sub", protocol::limits::MaxIdLength),
                                claims.string("dev", protocol::limits::MaxIdLength)};
    const qint64 expires = claims.integer("exp", protocol::limits::MaxJsonInteger);
    if (parsed.error || claims.failed())
        return invalid();
    if (QDateTime::currentSecsSinceEpoch() >= expires)
        return Error{ErrorCode::TokenExpired, QStringLiteral("the access token has expired")};

    auto device = m_identities.device(identity.deviceId);
    if (!device)
        return device.error();
    if (!device.value() || device.value()->revoked || device.value()->userId != identity.userId)
        return Error{ErrorCode::TokenInvalid, QStringLiteral("this device was signed out")};
    return identity;
}

} // namespace parley::server
