#include "tests/support/TestClient.h"

#include "core/account/LoginService.h"
#include "tests/support/ServerProcess.h"

#include <QSignalSpy>
#include <QTest>

namespace {
constexpr int WaitMs = 10000;
}

TestClient::TestClient(const QUrl &serverUrl)
    : m_keys(parley::crypto::DeviceKeyPair::generate())
    , m_api(serverUrl)
{ }

TestClient::~TestClient() = default;

bool TestClient::login(const ServerProcess &server, const QString &phoneNumber)
{
    parley::LoginService login(m_api, m_keys, QStringLiteral("test device"));
    QSignalSpy sent(&login, &parley::LoginService::codeSent);
    QSignalSpy loggedIn(&login, &parley::LoginService::loggedIn);
    QSignalSpy failed(&login, &parley::LoginService::failed);
    login.requestCode(phoneNumber);
    if (!sent.wait(WaitMs)) {
        m_lastError = failed.isEmpty()
            ? QStringLiteral("no answer to login")
            : failed.first().first().value<parley::protocol::Error>().message;
        return false;
    }
    login.submitCode(server.takeCode(phoneNumber));
    if (!loggedIn.wait(WaitMs)) {
        m_lastError = failed.isEmpty()
            ? QStringLiteral("no answer to verify-otp")
            : failed.first().first().value<parley::protocol::Error>().message;
        return false;
    }
    m_session = loggedIn.first().first().value<parley::Session>();
    m_keeper = std::make_unique<parley::SessionKeeper>(m_api, m_session);
    m_messaging
        = std::make_unique<parley::sync::MessagingService>(m_session, m_keys, m_api, m_socket);
    m_messaging->followSession(*m_keeper);
    return true;
}

bool TestClient::startMessaging()
{
    if (!m_messaging)
        return false;
    QSignalSpy synced(m_messaging.get(), &parley::sync::MessagingService::syncedChanged);
    m_keeper->start();
    m_messaging->start();
    return m_messaging->isSynced() || synced.wait(WaitMs);
}
