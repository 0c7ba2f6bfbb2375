#include "ChatWindowFixture.h"

#include "core/account/Account.h"
#include "core/account/LoginService.h"
#include "core/net/ApiClient.h"
#include "tests/support/TestHttp.h"
#include "ui/chat/Composer.h"
#include "ui/common/Language.h"
#include "ui/main/Notifier.h"

#include <QDir>
#include <QTest>

using namespace parley;
using models::MessageModel;

ChatWindowFixture::ChatWindowFixture() = default;
ChatWindowFixture::~ChatWindowFixture() = default;

void ChatWindowFixture::startWindow()
{
    qputenv("XDG_CONFIG_HOME", m_config.path().toLocal8Bit());
    ui::language::apply(QStringLiteral("en")); // as main() does: English plurals
    m_server = std::make_unique<ServerProcess>();
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    m_alice = std::make_unique<TestClient>(m_server->url());
    m_bob = std::make_unique<TestClient>(m_server->url());
    QVERIFY2(m_alice->login(*m_server, AlicePhone), qPrintable(m_alice->lastError()));
    QVERIFY2(m_bob->login(*m_server, BobPhone), qPrintable(m_bob->lastError()));
    QCOMPARE(
        TestHttp::putJson(m_server->url().resolved(QUrl(QStringLiteral("/api/v1/users/profile"))),
                          {{QStringLiteral("displayName"), QStringLiteral("Bob Builder")},
                           {QStringLiteral("about"), QStringLiteral("Can we fix it?")}},
                          m_bob->session().accessToken)
            .status,
        200);
    QVERIFY2(m_alice->startMessaging(), qPrintable(m_alice->lastError()));
    QVERIFY2(m_bob->startMessaging(), qPrintable(m_bob->lastError()));

    m_api = std::make_unique<net::ApiClient>(m_server->url());
    m_login = std::make_unique<LoginService>(*m_api, m_alice->keys(), QStringLiteral("UI test"));
    m_window = std::make_unique<ui::MainWindow>(*m_login);
    m_window->resize(1000, 680);
    m_window->showChats(m_alice->session());
    m_window->setAccount(m_alice->account());
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    saveScreenshot(QStringLiteral("chats-empty.png"));
    // The app's icon comes from the resources (an SVG: Qt's SVG plugin is there).
    QVERIFY(!m_window->windowIcon().pixmap(32, 32).isNull());
    QVERIFY(!ui::Notifier::iconWithCount(3).pixmap(32, 32).isNull());
}

void ChatWindowFixture::stopWindow()
{
    // The window before the account it shows.
    m_window.reset();
    m_alice.reset();
    m_bob.reset();
    if (m_server)
        QCOMPARE(m_server->stop(), 0);
}

void ChatWindowFixture::saveScreenshot(const QString &fileName, QWidget *widget)
{
    const QDir folder(QStringLiteral(PARLEY_SCREENSHOT_DIR));
    QVERIFY(folder.mkpath(QStringLiteral(".")));
    QVERIFY((widget ? widget : m_window.get())->grab().save(folder.filePath(fileName)));
}

int ChatWindowFixture::rowOfBody(const QString &body) const
{
    MessageModel *model = messages();
    for (int row = model ? model->rowCount() - 1 : -1; row >= 0; --row) {
        if (model->index(row).data(MessageModel::BodyRole).toString() == body)
            return row;
    }
    return -1;
}

QString ChatWindowFixture::sendFromWindow(const QString &text)
{
    ui::Composer *composer = chatView()->composer();
    composer->setFocus();
    QTest::keyClicks(composer, text);
    QTest::keyClick(composer, Qt::Key_Return);
    if (!QTest::qWaitFor([&] { return rowOfBody(text) >= 0; }, WaitMs))
        return {};
    return messages()->index(rowOfBody(text)).data(MessageModel::MessageIdRole).toString();
}
