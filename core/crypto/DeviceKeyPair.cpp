#include "core/crypto/DeviceKeyPair.h"

#include "core/crypto/Sodium.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <sodium.h>

namespace parley::crypto {

using protocol::Error;
using protocol::ErrorCode;

namespace {

// File layout: the magic line, then the base64 of the 32-byte secret key on the second line.
// The public key is derived again on load, so the two can never disagree.
const QByteArray KeyFileMagic = QByteArrayLiteral("parley-device-key-v1");

QByteArray derivePublicKey(const QByteArray &secretKey)
{
    QByteArray publicKey(crypto_box_PUBLICKEYBYTES, Qt::Uninitialized);
    crypto_scalarmult_base(reinterpret_cast<unsigned char *>(publicKey.data()),
                           reinterpret_cast<const unsigned char *>(secretKey.constData()));
    return publicKey;
}

} // namespace

DeviceKeyPair::~DeviceKeyPair()
{
    if (!m_secretKey.isEmpty() && m_secretKey.isDetached())
        sodium_memzero(m_secretKey.data(), size_t(m_secretKey.size()));
}

DeviceKeyPair DeviceKeyPair::generate()
{
    ensureSodium();
    DeviceKeyPair pair;
    pair.m_publicKey.resize(crypto_box_PUBLICKEYBYTES);
    pair.m_secretKey.resize(crypto_box_SECRETKEYBYTES);
    crypto_box_keypair(reinterpret_cast<unsigned char *>(pair.m_publicKey.data()),
                       reinterpret_cast<unsigned char *>(pair.m_secretKey.data()));
    return pair;
}

protocol::Result<DeviceKeyPair> DeviceKeyPair::load(const QString &path)
{
    ensureSodium();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::NotFound, QStringLiteral("cannot read key file %1").arg(path)};
    return decode(file.read(4096), path);
}

protocol::Result<DeviceKeyPair> DeviceKeyPair::decode(const QByteArray &bytes, const QString &where)
{
    ensureSodium();
    const QList<QByteArray> lines = bytes.split('\n');
    if (lines.size() < 2 || lines.at(0) != KeyFileMagic)
        return Error{ErrorCode::InvalidField,
                     QStringLiteral("%1 is not a Parley key file").arg(where)};
    const auto decoded
        = QByteArray::fromBase64Encoding(lines.at(1), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != crypto_box_SECRETKEYBYTES)
        return Error{ErrorCode::InvalidField, QStringLiteral("%1 is damaged").arg(where)};
    DeviceKeyPair pair;
    pair.m_secretKey = *decoded;
    pair.m_publicKey = derivePublicKey(pair.m_secretKey);
    return pair;
}

QByteArray DeviceKeyPair::encode() const
{
    return KeyFileMagic + '\n' + m_secretKey.toBase64() + '\n';
}

protocol::Result<DeviceKeyPair> DeviceKeyPair::loadOrCreate(const QString &path)
{
    if (QFileInfo::exists(path))
        return load(path);
    DeviceKeyPair pair = generate();
    auto saved = pair.save(path);
    if (!saved)
        return saved.error();
    return pair;
}

protocol::Result<void> DeviceKeyPair::save(const QString &path) const
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    // Restrict permissions before any secret byte is written.
    if (!file.open(QIODevice::WriteOnly)
        || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        return Error{ErrorCode::InternalError,
                     QStringLiteral("cannot write key file %1").arg(path)};
    }
    file.write(encode());
    if (!file.commit())
        return Error{ErrorCode::InternalError, QStringLiteral("cannot save key file %1").arg(path)};
    return {};
}

} // namespace parley::crypto
