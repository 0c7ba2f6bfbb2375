#include "core/account/Account.h"
#include "core/account/LoginService.h"
#include "core/crypto/DeviceKeyPair.h"
#include "core/models/ChatListModel.h"
#include "core/net/ApiClient.h"
#include "core/store/LocalStore.h"
#include "core/store/StoreContext.h"
#include "tests/support/ServerProcess.h"
#include "tests/support/TestClient.h"
#include "ui/chat/ChatListView.h"
#include "ui/login/LoginPage.h"
#include "ui/main/MainWindow.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace parley;

namespace {

// Covers a server round trip on a loaded CI machine; QTRY_* returns as soon as it holds.
constexpr int AnswerTimeoutMs = 10000;

QString testNumber()
{
    return QStringLiteral("+12025550123");
}

QString otherCode(const QString &code)
{
    QString wrong = code;
    wrong[0] = QChar(u'0' + (code.at(0).digitValue() + 1) % 10);
    return wrong;
}

} // namespace

class TestLoginPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void invalidNumberShowsErrorAndStaysOnPhoneStep_data();
    void invalidNumberShowsErrorAndStaysOnPhoneStep();
    void validNumberMovesToCodeStepAfterServerAnswers();
    void buttonsAreDisabledWhileTheServerIsAsked();
    void verifyNeedsAllSixDigits();
    void useAnotherNumberGoesBackToPhoneStep();
    void wrongCodeShowsServerError();
    void newCodeCanBeAskedForOnceTheResendIntervalIsOver();
    void newCodeReplacesTheOldOne();
    void rightCodeSwitchesMainWindowToChatView();
    void statusBarShowsConnectedOnceSynced();
    void aRestoredSessionShowsItsChatsWithTheServerDown();
    void unreachableServerShowsPlainLanguageError();
    void theCountryPickerGivesTheCallingCodeAndNumbersAreCheckedAsTyped();
    void theServerCanBeChangedAndOneThatIsNotParleyIsNamed();
    void firstSignInAsksForANameThenShowsTheChats();

private:
    template<typename T> T *child(const char *name) const
    {
        return m_window->findChild<T *>(QLatin1String(name));
    }
    QString currentStep() const { return m_steps->currentWidget()->objectName(); }
    QString currentPage() const { return m_pages->currentWidget()->objectName(); }
    void goToCodeStep();
    void signIn();
    void saveScreenshot(const QString &fileName);

    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<net::ApiClient> m_api;
    std::unique_ptr<LoginService> m_login;
    std::unique_ptr<ui::MainWindow> m_window;
    QTemporaryDir m_profile;
    QTemporaryDir m_config; // QSettings of this run, not the user's
    std::unique_ptr<Account> m_account;
    crypto::DeviceKeyPair m_keys;

    QStackedWidget *m_pages = nullptr;
    QStackedWidget *m_steps = nullptr;
    QLineEdit *m_phoneField = nullptr;
    QPushButton *m_continueButton = nullptr;
    QLabel *m_phoneError = nullptr;
    QLabel *m_codePrompt = nullptr;
    QLineEdit *m_codeField = nullptr;
    QPushButton *m_verifyButton = nullptr;
    QPushButton *m_newCodeButton = nullptr;
    QPushButton *m_otherNumberButton = nullptr;
    QLabel *m_codeError = nullptr;
};

void TestLoginPage::initTestCase()
{
    qputenv("XDG_CONFIG_HOME", m_config.path().toLocal8Bit());
}

void TestLoginPage::init()
{
    QSettings().clear(); // each test starts with no country or server chosen before
    m_server = std::make_unique<ServerProcess>();
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    m_keys = crypto::DeviceKeyPair::generate();
    m_api = std::make_unique<net::ApiClient>(m_server->url());
    m_login = std::make_unique<LoginService>(*m_api, m_keys, QStringLiteral("UI test"));
    m_window = std::make_unique<ui::MainWindow>(*m_login);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));

    QVERIFY(m_pages = child<QStackedWidget>("pages"));
    QVERIFY(m_steps = child<QStackedWidget>("loginSteps"));
    QVERIFY(m_phoneField = child<QLineEdit>("phoneField"));
    QVERIFY(m_continueButton = child<QPushButton>("continueButton"));
    QVERIFY(m_phoneError = child<QLabel>("phoneError"));
    QVERIFY(m_codePrompt = child<QLabel>("codePrompt"));
    QVERIFY(m_codeField = child<QLineEdit>("codeField"));
    QVERIFY(m_verifyButton = child<QPushButton>("verifyButton"));
    QVERIFY(m_newCodeButton = child<QPushButton>("newCodeButton"));
    QVERIFY(m_otherNumberButton = child<QPushButton>("otherNumberButton"));
    QVERIFY(m_codeError = child<QLabel>("codeError"));
    // The test server lets a number ask again at once (ServerProcess's permissive limits).
    child<ui::LoginPage>("loginPage")->setResendInterval(0);
    // Numbers without a country code are read as this country's.
    child<ui::LoginPage>("loginPage")->setCountry(QStringLiteral("US"));
    QCOMPARE(currentPage(), QStringLiteral("loginPage"));
    QCOMPARE(currentStep(), QStringLiteral("phoneStep"));
}

void TestLoginPage::cleanup()
{
    // Users before what they use: the window watches the account.
    m_window.reset();
    m_account.reset();
    m_login.reset();
    m_api.reset();
    m_server.reset();
}

void TestLoginPage::goToCodeStep()
{
    QTest::keyClicks(m_phoneField, QStringLiteral("+1 202 555 0123"));
    QTest::keyClick(m_phoneField, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(currentStep(), QStringLiteral("codeStep"), AnswerTimeoutMs);
}

void TestLoginPage::signIn()
{
    goToCodeStep();
    if (QTest::currentTestFailed())
        return;
    QTest::keyClicks(m_codeField, m_server->takeCode(testNumber()));
    QTest::mouseClick(m_verifyButton, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(currentPage(), QStringLiteral("chatsPage"), AnswerTimeoutMs);
}

void TestLoginPage::saveScreenshot(const QString &fileName)
{
    const QDir folder(QStringLiteral(PARLEY_SCREENSHOT_DIR));
    QVERIFY(folder.mkpath(QStringLiteral(".")));
    QVERIFY(m_window->grab().save(folder.filePath(fileName)));
}

void TestLoginPage::invalidNumberShowsErrorAndStaysOnPhoneStep_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("says");
    QTest::newRow("empty") << QString() << QStringLiteral("Enter your phone number.");
    QTest::newRow("not in use in the country picked")
        << QStringLiteral("555 123 4567")
        << QStringLiteral("This is not a number in use in United States.");
    QTest::newRow("country code 0")
        << QStringLiteral("+0 555 123 4567") << QStringLiteral("No country has this calling code.");
    QTest::newRow("too short") << QStringLiteral("+1 555")
                               << QStringLiteral("This number is too short for United States.");
    QTest::newRow("letters") << QStringLiteral("+1 555 CALL NOW")
                             << QStringLiteral("This number is too short for United States.");
}

void TestLoginPage::invalidNumberShowsErrorAndStaysOnPhoneStep()
{
    QFETCH(QString, typed);
    QFETCH(QString, says);
    QTest::keyClicks(m_phoneField, typed);
    QTest::mouseClick(m_continueButton, Qt::LeftButton);

    QVERIFY(m_phoneError->isVisible());
    QVERIFY2(m_phoneError->text().startsWith(says), qPrintable(m_phoneError->text()));
    QCOMPARE(currentStep(), QStringLiteral("phoneStep"));
    QVERIFY(m_continueButton->isEnabled());
    QVERIFY(QDir(m_server->otpDir()).entryList(QDir::Files).isEmpty());

    // Editing the number takes the complaint away.
    QTest::keyClick(m_phoneField, Qt::Key_1);
    QVERIFY(!m_phoneError->isVisible());
}

void TestLoginPage::validNumberMovesToCodeStepAfterServerAnswers()
{
    QTest::keyClicks(m_phoneField, QStringLiteral("+1 202 555 0123"));
    saveScreenshot(QStringLiteral("login-phone.png"));
    QTest::keyClick(m_phoneField, Qt::Key_Return);

    QTRY_COMPARE_WITH_TIMEOUT(currentStep(), QStringLiteral("codeStep"), AnswerTimeoutMs);
    QVERIFY(m_codePrompt->text().contains(testNumber()));
    QVERIFY(m_codeField->hasFocus());
    QVERIFY(!m_codeError->isVisible());
    QCOMPARE(m_server->takeCode(testNumber()).size(), 6);
    saveScreenshot(QStringLiteral("login-code.png"));
}

void TestLoginPage::buttonsAreDisabledWhileTheServerIsAsked()
{
    QTest::keyClicks(m_phoneField, QStringLiteral("+1 202 555 0123"));
    QTest::mouseClick(m_continueButton, Qt::LeftButton);
    QVERIFY(m_login->isBusy());
    QVERIFY(!m_continueButton->isEnabled());

    QTRY_COMPARE_WITH_TIMEOUT(currentStep(), QStringLiteral("codeStep"), AnswerTimeoutMs);
    QTest::keyClicks(m_codeField, m_server->takeCode(testNumber()));
    QTest::keyClick(m_codeField, Qt::Key_Return);
    QVERIFY(m_login->isBusy());
    QVERIFY(!m_verifyButton->isEnabled());
    QVERIFY(!m_newCodeButton->isEnabled());
    QVERIFY(!m_otherNumberButton->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(currentPage(), QStringLiteral("chatsPage"), AnswerTimeoutMs);
}

void TestLoginPage::verifyNeedsAllSixDigits()
{
    goToCodeStep();
    QVERIFY(!m_verifyButton->isEnabled());
    QTest::keyClicks(m_codeField, QStringLiteral("12a3"));
    QCOMPARE(m_codeField->text(), QStringLiteral("123"));
    QVERIFY(!m_verifyButton->isEnabled());
    QTest::keyClicks(m_codeField, QStringLiteral("45678"));
    QCOMPARE(m_codeField->text(), QStringLiteral("123456"));
    QVERIFY(m_verifyButton->isEnabled());
}

void TestLoginPage::useAnotherNumberGoesBackToPhoneStep()
{
    goToCodeStep();
    QTest::mouseClick(m_otherNumberButton, Qt::LeftButton);
    QCOMPARE(currentStep(), QStringLiteral("phoneStep"));
    QCOMPARE(m_phoneField->text(), QStringLiteral("+1 202 555 0123"));
    QVERIFY(m_phoneField->hasFocus());

    m_phoneField->clear();
    QTest::keyClicks(m_phoneField, QStringLiteral("+44 20 7946 0958"));
    QTest::keyClick(m_phoneField, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(currentStep(), QStringLiteral("codeStep"), AnswerTimeoutMs);
    QVERIFY(m_codePrompt->text().contains(QLatin1String("+442079460958")));
}

void TestLoginPage::wrongCodeShowsServerError()
{
    goToCodeStep();
    const QString code = m_server->takeCode(testNumber());
    QCOMPARE(code.size(), 6);
    QTest::keyClicks(m_codeField, otherCode(code));
    QTest::mouseClick(m_verifyButton, Qt::LeftButton);

    QTRY_VERIFY_WITH_TIMEOUT(m_codeError->isVisible(), AnswerTimeoutMs);
    QVERIFY2(m_codeError->text().startsWith(QLatin1String("Wrong code")),
             qPrintable(m_codeError->text()));
    QCOMPARE(currentStep(), QStringLiteral("codeStep"));
    QCOMPARE(currentPage(), QStringLiteral("loginPage"));
    saveScreenshot(QStringLiteral("login-code-error.png"));
    // The next attempt replaces the wrong one as it is typed.
    QCOMPARE(m_codeField->selectedText(), otherCode(code));
    QTest::keyClicks(m_codeField, code);
    QCOMPARE(m_codeField->text(), code);
    QVERIFY(!m_codeError->isVisible());
}

void TestLoginPage::newCodeCanBeAskedForOnceTheResendIntervalIsOver()
{
    child<ui::LoginPage>("loginPage")->setResendInterval(2);
    goToCodeStep();
    QVERIFY(!m_newCodeButton->isEnabled());
    QVERIFY2(m_newCodeButton->text().contains(QLatin1String("0:0")),
             qPrintable(m_newCodeButton->text()));
    saveScreenshot(QStringLiteral("login-code-countdown.png"));
    QTRY_VERIFY_WITH_TIMEOUT(m_newCodeButton->isEnabled(), 5000);
    QCOMPARE(m_newCodeButton->text(), QStringLiteral("Send a new code"));
}

void TestLoginPage::newCodeReplacesTheOldOne()
{
    goToCodeStep();
    const QString oldCode = m_server->takeCode(testNumber());
    QTest::mouseClick(m_newCodeButton, Qt::LeftButton);
    const QString newCode = m_server->takeCode(testNumber());
    QCOMPARE(newCode.size(), 6);
    QTRY_VERIFY_WITH_TIMEOUT(!m_login->isBusy(), AnswerTimeoutMs);
    QCOMPARE(currentStep(), QStringLiteral("codeStep"));

    if (oldCode != newCode) {
        QTest::keyClicks(m_codeField, oldCode);
        QTest::keyClick(m_codeField, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(m_codeError->isVisible(), AnswerTimeoutMs);
    }
    m_codeField->clear();
    QTest::keyClicks(m_codeField, newCode);
    QTest::keyClick(m_codeField, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(currentPage(), QStringLiteral("chatsPage"), AnswerTimeoutMs);
}

void TestLoginPage::rightCodeSwitchesMainWindowToChatView()
{
    signIn();
    if (QTest::currentTestFailed())
        return;
    QVERIFY(m_window->statusBar()->isVisible());
    QCOMPARE(child<QLabel>("accountLabel")->text(),
             QStringLiteral("Signed in as %1").arg(testNumber()));
    auto *chatList = child<ui::ChatListView>("chatList");
    QVERIFY(chatList && chatList->isVisible());
    // The chats come with the account (app/main.cpp wires it after login); none yet here.
    QVERIFY(!chatList->model() || chatList->model()->rowCount() == 0);
    QVERIFY(chatList->placeholderText().startsWith(QLatin1String("No chats yet")));
    QVERIFY(child<QLabel>("noChatSelected")->isVisible());
}

void TestLoginPage::aRestoredSessionShowsItsChatsWithTheServerDown()
{
    // The next start on a train: the session and the store from before, no server. The app's
    // wiring (app/main.cpp) starts the account, then gives it to the window.
    Session session;
    connect(m_login.get(), &LoginService::loggedIn, this, [&](const Session &s) { session = s; });
    signIn();
    if (QTest::currentTestFailed())
        return;
    {
        store::LocalStore store;
        QVERIFY(store.openAndWait(Account::storePath(m_profile.path(), session.userId)));
        store::InboundMessage message;
        message.messageId = QStringLiteral("m-1");
        message.senderUserId = message.peerUserId = QStringLiteral("friend-user");
        message.senderDeviceId = QStringLiteral("friend-device");
        message.body = QStringLiteral("See you at the station");
        message.sentAt = message.serverTime = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(store.runAndWait([&](store::StoreContext &context) {
            return context.messages().storeInbox({message}, {}, 1, message.sentAt).ok();
        }));
    }
    QCOMPARE(m_server->stop(), 0);
    session.accessToken.clear(); // restored sessions have none
    m_window->showChats(session);
    m_account = std::make_unique<Account>(session, m_keys, m_profile.path());
    m_account->start();
    m_window->setAccount(*m_account);
    auto *chatList = child<QAbstractItemView>("chatList");
    QTRY_COMPARE_WITH_TIMEOUT(chatList->model()->rowCount(), 1, AnswerTimeoutMs);
    QCOMPARE(chatList->model()->index(0, 0).data(models::ChatListModel::PreviewRole).toString(),
             QStringLiteral("See you at the station"));
}

void TestLoginPage::statusBarShowsConnectedOnceSynced()
{
    // The app's wiring after login (app/main.cpp): the account of the new session.
    Session session;
    connect(m_login.get(), &LoginService::loggedIn, this, [&](const Session &s) { session = s; });
    signIn();
    if (QTest::currentTestFailed())
        return;
    QVERIFY(session.isValid());
    auto *connection = child<QLabel>("connectionLabel");
    QCOMPARE(connection->text(), QStringLiteral("Connecting…"));

    m_account = std::make_unique<Account>(session, m_keys, m_profile.path());
    m_account->start();
    m_window->setAccount(*m_account);
    QTRY_COMPARE_WITH_TIMEOUT(connection->text(), QStringLiteral("Connected"), AnswerTimeoutMs);
    // A new account has no name: asked for once, skipped here.
    QTRY_COMPARE_WITH_TIMEOUT(currentPage(), QStringLiteral("profileSetupPage"), AnswerTimeoutMs);
    QTest::mouseClick(child<QPushButton>("setupSkip"), Qt::LeftButton);
    QCOMPARE(currentPage(), QStringLiteral("chatsPage"));

    // Someone writes: the chat list shows the chat, read from the store.
    TestClient friendClient(m_server->url());
    QVERIFY(friendClient.login(*m_server, QStringLiteral("+12025550177")));
    QVERIFY(friendClient.startMessaging());
    friendClient.outbox().sendText(session.userId, QStringLiteral("Welcome to Parley! 👋"));
    auto *chatList = child<QAbstractItemView>("chatList");
    QTRY_COMPARE_WITH_TIMEOUT(chatList->model()->rowCount(), 1, AnswerTimeoutMs);
    QCOMPARE(chatList->model()->index(0, 0).data(models::ChatListModel::PreviewRole).toString(),
             QStringLiteral("Welcome to Parley! 👋"));
    saveScreenshot(QStringLiteral("main-window.png"));

    m_server->stop();
    QTRY_COMPARE_WITH_TIMEOUT(connection->text(), QStringLiteral("Connecting…"), AnswerTimeoutMs);
}

void TestLoginPage::unreachableServerShowsPlainLanguageError()
{
    m_server->stop();
    QTest::keyClicks(m_phoneField, QStringLiteral("+1 202 555 0123"));
    QTest::keyClick(m_phoneField, Qt::Key_Return);

    QTRY_VERIFY_WITH_TIMEOUT(m_phoneError->isVisible(), AnswerTimeoutMs);
    QCOMPARE(m_phoneError->text(),
             QStringLiteral("Cannot reach the Parley server at 127.0.0.1:%1. Check the address "
                            "and your connection, and try again.")
                 .arg(m_server->url().port()));
    QCOMPARE(currentStep(), QStringLiteral("phoneStep"));
    QVERIFY(m_continueButton->isEnabled());
    saveScreenshot(QStringLiteral("login-phone-error.png"));
}

void TestLoginPage::theCountryPickerGivesTheCallingCodeAndNumbersAreCheckedAsTyped()
{
    auto *country = child<QComboBox>("countryBox");
    auto *callingCode = child<QLabel>("callingCode");
    auto *hint = child<QLabel>("phoneHint");
    QVERIFY(country && callingCode && hint);
    QVERIFY(country->count() > 200); // every region libphonenumber knows
    QCOMPARE(callingCode->text(), QStringLiteral("+1"));

    // Germany: the number without its country code.
    child<ui::LoginPage>("loginPage")->setCountry(QStringLiteral("DE"));
    QVERIFY(country->currentText().contains(QLatin1String("Germany")));
    QVERIFY(country->currentText().contains(QStringLiteral("🇩🇪")));
    QCOMPARE(callingCode->text(), QStringLiteral("+49"));
    QTest::keyClicks(m_phoneField, QStringLiteral("1512 345"));
    QVERIFY(!hint->isVisible()); // still being typed: nothing to complain about
    QTest::keyClicks(m_phoneField, QStringLiteral("6789"));
    QCOMPARE(hint->text(), QStringLiteral("✓ +49 1512 3456789 (Germany)"));
    QVERIFY(hint->isVisible());
    saveScreenshot(QStringLiteral("login-country.png"));
    QTest::keyClicks(m_phoneField, QStringLiteral("01234"));
    QCOMPARE(hint->text(), QStringLiteral("Too long for a number in Germany."));
    m_phoneField->clear();

    // A number with its + picks its own country.
    QTest::keyClicks(m_phoneField, QStringLiteral("+44 20 7946 0958"));
    QCOMPARE(child<ui::LoginPage>("loginPage")->country(), QStringLiteral("GB"));
    QCOMPARE(callingCode->text(), QStringLiteral("+44"));
    QCOMPARE(hint->text(), QStringLiteral("✓ +44 20 7946 0958 (United Kingdom)"));

    // The German number goes to the server in E.164, and the country is remembered.
    child<ui::LoginPage>("loginPage")->setCountry(QStringLiteral("DE"));
    m_phoneField->clear();
    QTest::keyClicks(m_phoneField, QStringLiteral("01512 3456789")); // with the trunk 0
    QTest::keyClick(m_phoneField, Qt::Key_Return);
    QTRY_VERIFY2_WITH_TIMEOUT(currentStep() == QLatin1String("codeStep"),
                              qPrintable(m_phoneError->text()), AnswerTimeoutMs);
    QVERIFY(m_codePrompt->text().contains(QLatin1String("+4915123456789")));
    QCOMPARE(m_server->takeCode(QStringLiteral("+4915123456789")).size(), 6);
    QCOMPARE(QSettings().value(ui::LoginPage::CountryKey).toString(), QStringLiteral("DE"));
}

void TestLoginPage::theServerCanBeChangedAndOneThatIsNotParleyIsNamed()
{
    auto *serverButton = child<QPushButton>("serverButton");
    auto *serverField = child<QLineEdit>("serverField");
    QVERIFY(serverButton && serverField);
    const QString real = QStringLiteral("127.0.0.1:%1").arg(m_server->url().port());
    QCOMPARE(serverButton->text(), QStringLiteral("Server: %1 · Change").arg(real));
    QTest::mouseClick(serverButton, Qt::LeftButton);
    QVERIFY(serverField->isVisible());
    QCOMPARE(QUrl(serverField->text()), m_server->url());

    // Not an address.
    serverField->setText(QStringLiteral("http://"));
    QTest::keyClicks(m_phoneField, QStringLiteral("202 555 0123"));
    QTest::mouseClick(m_continueButton, Qt::LeftButton);
    QVERIFY(m_phoneError->text().startsWith(QLatin1String("Enter the server's address")));
    QCOMPARE(m_login->serverUrl(), m_server->url());

    // A web server that is not Parley: named as such.
    QTcpServer web;
    QVERIFY(web.listen(QHostAddress::LocalHost));
    connect(&web, &QTcpServer::newConnection, this, [&web] {
        QTcpSocket *socket = web.nextPendingConnection();
        connect(socket, &QTcpSocket::readyRead, socket, [socket] {
            socket->readAll();
            socket->write("HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n"
                          "Content-Length: 9\r\nConnection: close\r\n\r\nNot here.");
            socket->disconnectFromHost();
        });
    });
    serverField->setText(QStringLiteral("127.0.0.1:%1").arg(web.serverPort()));
    QTest::mouseClick(m_continueButton, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_phoneError->isVisible(), AnswerTimeoutMs);
    QCOMPARE(m_phoneError->text(),
             QStringLiteral("127.0.0.1:%1 does not answer as a Parley server does. Check the "
                            "address.")
                 .arg(web.serverPort()));
    QCOMPARE(m_login->serverUrl(),
             QUrl(QStringLiteral("http://127.0.0.1:%1").arg(web.serverPort())));
    saveScreenshot(QStringLiteral("login-server-error.png"));

    // Nothing listening there.
    web.close();
    serverField->setText(QStringLiteral("http://127.0.0.1:1"));
    QTest::mouseClick(m_continueButton, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_phoneError->text().contains(QLatin1String("127.0.0.1:1.")),
                             AnswerTimeoutMs);
    QVERIFY(m_phoneError->text().startsWith(QLatin1String("Cannot reach the Parley server at")));

    // The right one: the code comes, the address is kept for the next start.
    serverField->setText(m_server->url().toString());
    QTest::mouseClick(m_continueButton, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(currentStep(), QStringLiteral("codeStep"), AnswerTimeoutMs);
    QCOMPARE(m_server->takeCode(testNumber()).size(), 6);
    QCOMPARE(QUrl(QSettings().value(ui::LoginPage::ServerKey).toString()), m_server->url());
    QVERIFY(!serverField->isVisible());
    QCOMPARE(serverButton->text(), QStringLiteral("Server: %1 · Change").arg(real));
}

void TestLoginPage::firstSignInAsksForANameThenShowsTheChats()
{
    Session session;
    connect(m_login.get(), &LoginService::loggedIn, this, [&](const Session &s) { session = s; });
    signIn();
    if (QTest::currentTestFailed())
        return;
    m_account = std::make_unique<Account>(session, m_keys, m_profile.path());
    m_account->start();
    m_window->setAccount(*m_account);
    QTRY_COMPARE_WITH_TIMEOUT(currentPage(), QStringLiteral("profileSetupPage"), AnswerTimeoutMs);
    auto *name = child<QLineEdit>("setupName");
    auto *next = child<QPushButton>("setupContinue");
    QVERIFY(name->hasFocus());
    QVERIFY(!next->isEnabled()); // a name is needed to continue (or "Skip for now")
    name->setText(QStringLiteral("Zoë Example")); // QTest types ASCII only
    saveScreenshot(QStringLiteral("profile-setup.png"));
    QTest::keyClick(name, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(currentPage(), QStringLiteral("chatsPage"), AnswerTimeoutMs);
    std::optional<protocol::Result<protocol::UserProfile>> profile;
    m_account->settings().profile(this,
                                  [&](protocol::Result<protocol::UserProfile> p) { profile = p; });
    QTRY_VERIFY_WITH_TIMEOUT(profile.has_value(), AnswerTimeoutMs);
    QVERIFY(*profile);
    QCOMPARE(profile->value().displayName, QStringLiteral("Zoë Example"));
}

QTEST_MAIN(TestLoginPage)
#include "tst_loginpage.moc"
