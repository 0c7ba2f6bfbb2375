#pragma once

#include "core/protocol/Result.h"

#include <QByteArray>
#include <QString>

namespace parley::crypto {

// The X25519 key pair that identifies one device (crypto_box). The secret key never leaves the
// device; it is kept in the system keychain or in a file readable only by its owner (mode
// 0600), see core/account/SecretVault.h.
class DeviceKeyPair
{
public:
    DeviceKeyPair() = default;
    DeviceKeyPair(const DeviceKeyPair &other) = default;
    DeviceKeyPair &operator=(const DeviceKeyPair &other) = default;
    ~DeviceKeyPair();

    static DeviceKeyPair generate();
    // Reads a key file written by save(); a missing, short or damaged file is an error, never a
    // silently new identity.
    static protocol::Result<DeviceKeyPair> load(const QString &path);
    // Loads the key at `path`, or creates and saves a new one when no file exists yet.
    static protocol::Result<DeviceKeyPair> loadOrCreate(const QString &path);
    protocol::Result<void> save(const QString &path) const;
    // The bytes of a key file (a magic line and the base64 of the secret key), for a keychain
    // entry; decode() reads them back, naming `where` they came from in its errors.
    QByteArray encode() const;
    static protocol::Result<DeviceKeyPair> decode(const QByteArray &bytes, const QString &where);

    bool isValid() const { return m_publicKey.size() == 32 && m_secretKey.size() == 32; }
    const QByteArray &publicKey() const { return m_publicKey; }
    const QByteArray &secretKey() const { return m_secretKey; }

private:
    QByteArray m_publicKey;
    QByteArray m_secretKey;
};

} // namespace parley::crypto
