#pragma once

#include "core/account/Session.h"
#include "core/crypto/DeviceKeyPair.h"
#include "core/protocol/ErrorCode.h"
#include "core/protocol/Result.h"

#include <QObject>
#include <QString>

#include <chrono>
#include <memory>
#include <optional>

namespace parley {

// Where a profile keeps its two secrets, the device's secret key and the refresh token
// (docs/architecture.md, "Secrets"): the system keychain (Secret Service: GNOME Keyring,
// KWallet, through QtKeychain) where one runs, else files in the profile folder that only their
// owner can read (mode 0600). The rest of the session (server, user and device ids, number)
// stays in session.json either way. Once a profile's secrets are in the keychain they stay
// there: without it the profile does not open, rather than quietly becoming a new device.
class SecretVault : public QObject
{
    Q_OBJECT
public:
    enum class Kind { Keychain, File };

    // Where the secrets of `profileDir` are: probes the keychain (a test entry written, read
    // back and deleted, each step within `probeTimeout`) unless `useKeychain` is false, and
    // moves secrets kept in files into it when it works. Fails only when the profile's secrets
    // are in a keychain that does not answer now.
    static protocol::Result<std::unique_ptr<SecretVault>>
    open(const QString &profileDir, bool useKeychain = true,
         std::chrono::milliseconds probeTimeout = std::chrono::seconds(10));
    // Files only: parley-cli and the tests.
    static std::unique_ptr<SecretVault> files(const QString &profileDir);

    ~SecretVault() override;

    Kind kind() const { return m_kind; }
    // For Settings: "the system keychain" or "files only you can read in …", with why not the
    // keychain when it was tried.
    QString description() const;
    QString profileDir() const { return m_profileDir; }

    // The device key, created and stored at the first start. Waits for the keychain (bounded).
    protocol::Result<crypto::DeviceKeyPair> loadOrCreateDeviceKey();
    // The saved session with its refresh token; not_found when there is none. Waits for the
    // keychain (bounded).
    protocol::Result<Session> loadSession();
    // Keeps the session (its refresh token rotates at every refresh). The keychain is written
    // in the background, in order, the latest token last; `failed` tells when it could not be.
    void saveSession(const Session &session);
    // Forgets the session (log out, or the server ended it); the device key stays.
    void forgetSession();

    // The path of the session file and of the key file of a profile.
    static QString sessionPath(const QString &profileDir);
    static QString keyPath(const QString &profileDir);

Q_SIGNALS:
    void failed(const parley::protocol::Error &error);

private:
    class Keychain;
    SecretVault(Kind kind, QString profileDir, std::unique_ptr<Keychain> keychain);
    protocol::Result<void> moveFilesIntoKeychain();

    Kind m_kind;
    QString m_profileDir;
    std::unique_ptr<Keychain> m_keychain;
    QString m_why; // why files, when the keychain was tried
};

} // namespace parley
