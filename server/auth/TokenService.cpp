#include "server/auth/TokenService.h"

#include "core/protocol/JsonReader.h"
#include "core/protocol/Limits.h"
#include "core/sql/Database.h"
#include "server/storage/IdentityStore.h"
#include "server/storage/RefreshTokenStore.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QUuid>

#include <sodium.h>

namespace parley::server {

using protocol::Error;
using protocol::ErrorCode;
using protocol::Result;

namespace {

constexpr auto Base64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
constexpr int RefreshTokenBytes = 32;

Error invalid()
{
    return Error{ErrorCode::TokenInvalid, QStringLiteral("the token is not valid")};
}

Error revoked()
{
    return Error{ErrorCode::TokenRevoked,
                 QStringLiteral("this device was signed out; sign in again")};
}

Error storageError()
{
    return Error{ErrorCode::InternalError, QStringLiteral("storage error")};
}

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QByteArray refreshHash(const QByteArray &token)
{
    QByteArray digest(crypto_generichash_BYTES, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char *>(digest.data()), size_t(digest.size()),
                       reinterpret_cast<const unsigned char *>(token.constData()),
                       size_t(token.size()), nullptr, 0);
    return digest;
}

// The key that seals the pair a refresh answered: derived from the refresh token that was
// presented, which the server stores only as a hash, so the database alone cannot open it.
QByteArray graceKey(const QByteArray &refreshToken)
{
    static const QByteArray context("parley refresh grace v1");
    QByteArray key(crypto_secretbox_KEYBYTES, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char *>(key.data()), size_t(key.size()),
                       reinterpret_cast<const unsigned char *>(context.constData()),
                       size_t(context.size()),
                       reinterpret_cast<const unsigned char *>(refreshToken.constData()),
                       size_t(refreshToken.size()));
    return key;
}

// nonce || secretbox(JSON {"access","refresh","exp"}).
QByteArray sealSuccessor(const QByteArray &refreshToken, const TokenService::Tokens &tokens,
                         qint64 accessExpiresAt)
{
    const QByteArray plain
        = QJsonDocument(QJsonObject{{QStringLiteral("access"), tokens.accessToken},
                                    {QStringLiteral("refresh"), tokens.refreshToken},
                                    {QStringLiteral("exp"), double(accessExpiresAt)}})
              .toJson(QJsonDocument::Compact);
    QByteArray sealed(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plain.size(),
                      Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(sealed.data());
    randombytes_buf(out, crypto_secretbox_NONCEBYTES);
    const QByteArray key = graceKey(refreshToken);
    crypto_secretbox_easy(out + crypto_secretbox_NONCEBYTES,
                          reinterpret_cast<const unsigned char *>(plain.constData()),
                          quint64(plain.size()), out,
                          reinterpret_cast<const unsigned char *>(key.constData()));
    return sealed;
}

struct Successor
{
    TokenService::Tokens tokens;
    qint64 accessExpiresAt = 0;
};

std::optional<Successor> openSuccessor(const QByteArray &refreshToken, const QByteArray &sealed)
{
    const qsizetype overhead = crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES;
    if (sealed.size() <= overhead)
        return std::nullopt;
    QByteArray plain(sealed.size() - overhead, Qt::Uninitialized);
    const auto *in = reinterpret_cast<const unsigned char *>(sealed.constData());
    const QByteArray key = graceKey(refreshToken);
    if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char *>(plain.data()),
                                   in + crypto_secretbox_NONCEBYTES,
                                   quint64(sealed.size() - crypto_secretbox_NONCEBYTES), in,
                                   reinterpret_cast<const unsigned char *>(key.constData()))
        != 0)
        return std::nullopt;
    const QJsonObject json = QJsonDocument::fromJson(plain).object();
    Successor successor{{json.value(QStringLiteral("access")).toString(),
                         json.value(QStringLiteral("refresh")).toString()},
                        qint64(json.value(QStringLiteral("exp")).toDouble())};
    if (successor.tokens.accessToken.isEmpty() || successor.tokens.refreshToken.isEmpty())
        return std::nullopt;
    return successor;
}

} // namespace

TokenService::TokenService(QByteArray key, sql::Database &db, IdentityStore &identities,
                           RefreshTokenStore &refreshTokens, const AuthPolicy &policy)
    : m_key(std::move(key))
    , m_db(db)
    , m_identities(identities)
    , m_refreshTokens(refreshTokens)
    , m_policy(policy)
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

QString TokenService::issueAccessToken(const AuthIdentity &identity) const
{
    const qint64 issued = now();
    const QJsonObject claims{
        {QLatin1String("sub"), identity.userId},
        {QLatin1String("dev"), identity.deviceId},
        {QLatin1String("iat"), double(issued)},
        {QLatin1String("exp"), double(issued + m_policy.accessTokenLifetimeSeconds * 1000LL)}};
    const QByteArray encoded
        = QJsonDocument(claims).toJson(QJsonDocument::Compact).toBase64(Base64Url);
    return QString::fromLatin1(encoded + '.' + mac(encoded).toBase64(Base64Url));
}

Result<QString> TokenService::issueRefreshToken(const AuthIdentity &identity,
                                                const QString &familyId)
{
    QByteArray token(RefreshTokenBytes, Qt::Uninitialized);
    randombytes_buf(token.data(), size_t(token.size()));
    const QByteArray text = token.toBase64(Base64Url);
    const qint64 issued = now();
    RefreshTokenRecord record;
    record.tokenHash = refreshHash(text);
    record.familyId = familyId;
    record.userId = identity.userId;
    record.deviceId = identity.deviceId;
    record.createdAt = issued;
    record.expiresAt = issued + m_policy.refreshTokenLifetimeSeconds * 1000LL;
    auto inserted = m_refreshTokens.insert(record);
    if (!inserted)
        return inserted.error();
    return QString::fromLatin1(text);
}

Result<TokenService::Tokens> TokenService::startSession(const AuthIdentity &identity)
{
    auto refreshToken
        = issueRefreshToken(identity, QUuid::createUuid().toString(QUuid::WithoutBraces));
    if (!refreshToken)
        return refreshToken.error();
    return Tokens{issueAccessToken(identity), refreshToken.value()};
}

Result<std::pair<AuthIdentity, TokenService::Tokens>>
TokenService::refresh(const QString &refreshToken)
{
    const QByteArray hash = refreshHash(refreshToken.toLatin1());
    sql::Transaction transaction(m_db);
    if (!transaction.ok())
        return storageError();
    auto found = m_refreshTokens.find(hash);
    if (!found)
        return found.error();
    if (!found.value())
        return invalid();
    const RefreshTokenRecord &record = *found.value();
    const qint64 at = now();
    if (record.revokedAt != 0)
        return revoked();
    if (record.usedAt != 0) {
        // The answer to the first use may have been lost on the way: within the grace, once,
        // the same successor pair comes back, if nobody has used it yet (docs/protocol.md 5.2).
        auto again = retryWithinGrace(record, refreshToken, at);
        if (!again)
            return again.error();
        if (again.value()) {
            if (!transaction.commit())
                return storageError();
            return *again.value();
        }
    }
    auto marked = record.usedAt != 0 ? Result<bool>(false) : m_refreshTokens.markUsed(hash, at);
    if (!marked)
        return marked.error();
    if (!marked.value()) {
        // A second use proves that a token of this family was copied: the family ends, whoever
        // holds its newest token. The device's other families are other sign-ins, each proven
        // with its own code, and keep their refresh tokens (docs/protocol.md 5.2). Access
        // tokens name no family, so every one of the device issued so far is refused: the
        // thief may hold one.
        if (!m_refreshTokens.revokeFamily(record.familyId, at)
            || !m_identities.revokeDeviceTokens(record.deviceId, at) || !transaction.commit()) {
            return storageError();
        }
        return Error{ErrorCode::RefreshTokenReused,
                     QStringLiteral("this refresh token was already used; every session of this "
                                    "login was ended, sign in again")};
    }
    if (at >= record.expiresAt)
        return Error{ErrorCode::TokenExpired, QStringLiteral("the refresh token has expired")};
    auto device = m_identities.device(record.deviceId);
    if (!device)
        return device.error();
    if (!device.value() || device.value()->revoked)
        return revoked();

    const AuthIdentity identity{record.userId, record.deviceId,
                                at + m_policy.accessTokenLifetimeSeconds * 1000LL};
    auto next = issueRefreshToken(identity, record.familyId);
    if (!next)
        return next.error();
    const Tokens tokens{issueAccessToken(identity), next.value()};
    if (m_policy.refreshGraceSeconds > 0
        && !m_refreshTokens.setSuccessor(
            hash, sealSuccessor(refreshToken.toLatin1(), tokens, identity.tokenExpiresAt)))
        return storageError();
    if (!transaction.commit())
        return storageError();
    return std::pair{identity, tokens};
}

Result<std::optional<std::pair<AuthIdentity, TokenService::Tokens>>>
TokenService::retryWithinGrace(const RefreshTokenRecord &record, const QString &refreshToken,
                               qint64 at)
{
    using Answer = std::optional<std::pair<AuthIdentity, Tokens>>;
    if (m_policy.refreshGraceSeconds <= 0 || record.graceUsed || record.successor.isEmpty()
        || at - record.usedAt > qint64(m_policy.refreshGraceSeconds) * 1000)
        return Answer();
    const auto successor = openSuccessor(refreshToken.toLatin1(), record.successor);
    if (!successor)
        return Answer();
    // Once the successor itself was used, the client did get the answer: this is a copy.
    auto next = m_refreshTokens.find(refreshHash(successor->tokens.refreshToken.toLatin1()));
    if (!next)
        return next.error();
    if (!next.value() || next.value()->usedAt != 0 || next.value()->revokedAt != 0)
        return Answer();
    auto device = m_identities.device(record.deviceId);
    if (!device)
        return device.error();
    if (!device.value() || device.value()->revoked)
        return revoked();
    auto taken = m_refreshTokens.takeGrace(record.tokenHash);
    if (!taken)
        return taken.error();
    if (!taken.value())
        return Answer();
    return Answer(
        std::pair{AuthIdentity{record.userId, record.deviceId, successor->accessExpiresAt},
                  successor->tokens});
}

std::optional<QString> TokenService::deviceOfRefreshToken(const QString &refreshToken)
{
    auto found = m_refreshTokens.find(refreshHash(refreshToken.toLatin1()));
    if (!found || !found.value())
        return std::nullopt;
    return found.value()->deviceId;
}

Result<void> TokenService::revokeDevice(const QString &deviceId)
{
    const qint64 at = now();
    sql::Transaction transaction(m_db);
    if (!transaction.ok() || !m_refreshTokens.revokeDevice(deviceId, at)
        || !m_identities.revokeDeviceTokens(deviceId, at) || !transaction.commit()) {
        return storageError();
    }
    return {};
}

Result<AuthIdentity> TokenService::verify(const QString &accessToken) const
{
    const QByteArray bytes = accessToken.toLatin1();
    const qsizetype dot = bytes.indexOf('.');
    if (accessToken.size() > 1024 || dot <= 0)
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
    AuthIdentity identity{claims.string("sub", protocol::limits::MaxIdLength),
                          claims.string("dev", protocol::limits::MaxIdLength), 0};
    const qint64 issued = claims.integer("iat", protocol::limits::MaxJsonInteger);
    identity.tokenExpiresAt = claims.integer("exp", protocol::limits::MaxJsonInteger);
    if (parsed.error || claims.failed())
        return invalid();
    if (now() >= identity.tokenExpiresAt)
        return Error{ErrorCode::TokenExpired,
                     QStringLiteral("the access token has expired; refresh it")};

    auto device = m_identities.device(identity.deviceId);
    if (!device)
        return device.error();
    if (!device.value() || device.value()->userId != identity.userId)
        return invalid();
    if (device.value()->revoked || issued <= device.value()->tokensRevokedAt)
        return revoked();
    return identity;
}

} // namespace parley::server
