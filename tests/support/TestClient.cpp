#include "tests/support/TestClient.h"

#include "core/account/LoginService.h"
#include "core/net/ApiClient.h"
#include "tests/support/ServerProcess.h"

#include <QSignalSpy>
#include <QTest>

namespace {
constexpr int WaitMs = 10000;
}

TestClient::TestClient(const QUrl &serverUrl, const QString &profileDir)
    : m_serverUrl(serverUrl)
    , m_profileDir(profileDir.isEmpty() ? m_tempDir.path() : profileDir)
    , m_keys(parley::crypto::DeviceKeyPair::generate())
{ }

TestClient::~TestClient() = default;

bool TestClient::login(const ServerProcess &server, const QString &phoneNumber)
{
    parley::net::ApiClient api(m_serverUrl);
    parley::LoginService login(api, m_keys, QStringLiteral("test device"));
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
    m_account = std::make_unique<parley::Account>(m_session, m_keys, m_profileDir);
    return true;
}

parley::protocol::Result<QJsonObject> TestClient::request(parley::protocol::FrameType type,
                                                          const QJsonObject &data)
{
    std::optional<parley::protocol::Result<QJsonObject>> answer;
    socket().request(type, data, m_account.get(),
                     [&answer](parley::protocol::Result<QJsonObject> result) { answer = result; });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, WaitMs))
        return parley::protocol::Error{parley::protocol::ErrorCode::NetworkError,
                                       QStringLiteral("no answer")};
    return *answer;
}

bool TestClient::startMessaging()
{
    if (!m_account)
        return false;
    QSignalSpy failed(m_account.get(), &parley::Account::failed);
    QSignalSpy synced(&m_account->mailbox(), &parley::sync::MailboxSync::syncedChanged);
    m_account->start();
    if (!(m_account->mailbox().isSynced() || synced.wait(WaitMs))) {
        m_lastError = failed.isEmpty()
            ? QStringLiteral("the mailbox did not sync")
            : failed.first().first().value<parley::protocol::Error>().message;
        return false;
    }
    return true;
}
