#include "server/auth/ServerSecret.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <sodium.h>

namespace parley::server {

using protocol::Error;
using protocol::ErrorCode;

namespace {
constexpr char KdfContext[crypto_kdf_CONTEXTBYTES + 1] = "parleysv";
constexpr quint64 TokenKeyId = 1;
constexpr quint64 OtpPepperId = 2;
} // namespace

protocol::Result<ServerSecret> ServerSecret::loadOrCreate(const QString &path)
{
    ServerSecret secret;
    QFile existing(path);
    if (existing.open(QIODevice::ReadOnly)) {
        const auto decoded = QByteArray::fromBase64Encoding(
            existing.readAll().trimmed(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || decoded.decoded.size() != crypto_kdf_KEYBYTES)
            return Error{ErrorCode::InternalError, QStringLiteral("%1 is damaged").arg(path)};
        secret.m_master = *decoded;
        return secret;
    }
    if (QFileInfo::exists(path))
        return Error{ErrorCode::InternalError, QStringLiteral("cannot read %1").arg(path)};

    secret.m_master.resize(crypto_kdf_KEYBYTES);
    crypto_kdf_keygen(reinterpret_cast<unsigned char *>(secret.m_master.data()));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)
        || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || file.write(secret.m_master.toBase64() + '\n') < 0 || !file.commit()) {
        return Error{ErrorCode::InternalError, QStringLiteral("cannot write %1").arg(path)};
    }
    return secret;
}

QByteArray ServerSecret::derive(quint64 id) const
{
    QByteArray key(32, Qt::Uninitialized);
    crypto_kdf_derive_from_key(reinterpret_cast<unsigned char *>(key.data()), size_t(key.size()),
                               id, KdfContext,
                               reinterpret_cast<const unsigned char *>(m_master.constData()));
    return key;
}

QByteArray ServerSecret::tokenKey() const
{
    return derive(TokenKeyId);
}

QByteArray ServerSecret::otpPepper() const
{
    return derive(OtpPepperId);
}

} // namespace parley::server
