#pragma once

#include "core/models/MessageModel.h"
#include "tests/support/ServerProcess.h"
#include "tests/support/TestClient.h"
#include "ui/chat/ChatView.h"
#include "ui/chat/ChatsPage.h"
#include "ui/chat/MessageListView.h"
#include "ui/main/MainWindow.h"

#include <QObject>
#include <QTemporaryDir>

#include <memory>

namespace parley {
class LoginService;
namespace net {
class ApiClient;
}
} // namespace parley

// What the UI tests of the chat screens share: a real server on loopback, Alice signed in and
// shown in the real MainWindow, Bob Builder as a second real client core. Screenshots land in
// ${CMAKE_BINARY_DIR}/screenshots (PARLEY_SCREENSHOT_DIR).
class ChatWindowFixture : public QObject
{
public:
    static constexpr int WaitMs = 10000;
    static inline const QString AlicePhone = QStringLiteral("+12025550181");
    static inline const QString BobPhone = QStringLiteral("+12025550182");

    ChatWindowFixture();
    ~ChatWindowFixture() override;

protected:
    // For initTestCase and cleanupTestCase (they fail the test case through QVERIFY).
    void startWindow();
    void stopWindow();

    // The window, or another top-level widget (a popup is not in the window's picture).
    void saveScreenshot(const QString &fileName, QWidget *widget = nullptr);
    parley::ui::ChatView *chatView() const { return m_window->chatsPage()->chatView(); }
    parley::models::MessageModel *messages() const
    {
        return chatView()->messageList()->messageModel();
    }
    int rowOfBody(const QString &body) const;
    QString sendFromWindow(const QString &text);

    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<TestClient> m_alice;
    std::unique_ptr<TestClient> m_bob;
    std::unique_ptr<parley::net::ApiClient> m_api;
    std::unique_ptr<parley::LoginService> m_login;
    std::unique_ptr<parley::ui::MainWindow> m_window;
    QTemporaryDir m_config; // QSettings of this run, not the user's
};
