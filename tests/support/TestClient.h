#pragma once

#include "core/account/Account.h"
#include "core/account/Session.h"
#include "core/crypto/DeviceKeyPair.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

class ServerProcess;

// One real client device, built from the same core classes the desktop app uses: its own key
// pair, the OTP login against a running server, and an Account (with its own store in a
// temporary profile folder, or in `profileDir`) once logged in.
class TestClient
{
public:
    explicit TestClient(const QUrl &serverUrl, const QString &profileDir = {});
    ~TestClient();

    // Requests a code, reads it from the server's file delivery and verifies it (bounded waits).
    bool login(const ServerProcess &server, const QString &phoneNumber);
    // Opens the store, connects and waits until the mailbox has synced.
    bool startMessaging();
    // One request on this device's socket and its answer (network_error when none came in
    // time).
    parley::protocol::Result<QJsonObject> request(parley::protocol::FrameType type,
                                                  const QJsonObject &data);

    parley::Account &account() { return *m_account; }
    parley::sync::Outbox &outbox() { return m_account->outbox(); }
    parley::sync::MailboxSync &mailbox() { return m_account->mailbox(); }
    parley::UserDirectory &users() { return m_account->users(); }
    parley::SessionKeeper &keeper() { return m_account->keeper(); }
    parley::net::SyncSocket &socket() { return m_account->socket(); }
    const parley::Session &session() const { return m_session; }
    const parley::crypto::DeviceKeyPair &keys() const { return m_keys; }
    QString profileDir() const { return m_profileDir; }
    QString lastError() const { return m_lastError; }

private:
    QUrl m_serverUrl;
    QTemporaryDir m_tempDir;
    QString m_profileDir;
    parley::crypto::DeviceKeyPair m_keys;
    parley::Session m_session;
    std::unique_ptr<parley::Account> m_account;
    QString m_lastError;
};
