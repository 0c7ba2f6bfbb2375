#pragma once

#include "core/account/Session.h"
#include "core/account/SessionKeeper.h"
#include "core/crypto/DeviceKeyPair.h"
#include "core/net/ApiClient.h"
#include "core/net/SyncSocket.h"
#include "core/sync/MessagingService.h"

#include <QString>

#include <memory>

class ServerProcess;

// One real client device, built from the same core classes the desktop app uses: its own key
// pair, the OTP login against a running server, and a MessagingService once started.
class TestClient
{
public:
    explicit TestClient(const QUrl &serverUrl);
    ~TestClient();

    // Requests a code, reads it from the server's file delivery and verifies it (bounded waits).
    bool login(const ServerProcess &server, const QString &phoneNumber);
    // Connects the MessagingService and waits until it has synced.
    bool startMessaging();

    parley::sync::MessagingService &messaging() { return *m_messaging; }
    parley::SessionKeeper &keeper() { return *m_keeper; }
    parley::net::SyncSocket &socket() { return m_socket; }
    const parley::Session &session() const { return m_session; }
    const parley::crypto::DeviceKeyPair &keys() const { return m_keys; }
    QString lastError() const { return m_lastError; }

private:
    parley::crypto::DeviceKeyPair m_keys;
    parley::net::ApiClient m_api;
    parley::net::SyncSocket m_socket;
    parley::Session m_session;
    std::unique_ptr<parley::SessionKeeper> m_keeper;
    std::unique_ptr<parley::sync::MessagingService> m_messaging;
    QString m_lastError;
};
