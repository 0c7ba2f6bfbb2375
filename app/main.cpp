#include "core/account/Account.h"
#include "core/account/LoginService.h"
#include "core/account/SecretVault.h"
#include "core/crypto/DeviceKeyPair.h"
#include "core/net/ApiClient.h"
#include "core/net/SyncSocket.h"
#include "core/protocol/Limits.h"
#include "ui/common/Language.h"
#include "ui/common/Theme.h"
#include "ui/login/LoginPage.h"
#include "ui/main/MainWindow.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTimer>

#include <cstdio>
#include <memory>

using namespace parley;

namespace {

// The translation context of main()'s own strings.
class Main
{
    Q_DECLARE_TR_FUNCTIONS(Main)
};

// The name other devices of the same account see for this one.
QString deviceName()
{
    const QString host = QSysInfo::machineHostName();
    const QString name = host.isEmpty() ? Main::tr("Parley desktop") : host;
    return name.left(protocol::limits::MaxDeviceNameLength);
}

// For bench/bench_desktop (PARLEY_REPORT_READY=1): "parley: ready" on stderr once the chat
// list has been painted with chats in it.
class ReadyReporter : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && watched->parent()
            && watched->parent()->objectName() == QLatin1String("chatList")) {
            const auto *list = static_cast<const QAbstractItemView *>(watched->parent());
            if (list->model() && list->model()->rowCount() > 0) {
                // After this paint has reached the screen.
                QTimer::singleShot(0, qApp, [] { std::fputs("parley: ready\n", stderr); });
                qApp->removeEventFilter(this);
            }
        }
        return false;
    }
};

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Parley"));
    QApplication::setApplicationName(QStringLiteral("parley"));
    QApplication::setApplicationVersion(QStringLiteral(PARLEY_VERSION));
    // Before any widget or translated string exists.
    ui::language::apply(ui::language::effective());

    QCommandLineParser parser;
    parser.setApplicationDescription(Main::tr("Parley: end-to-end encrypted messenger."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption serverOption(QStringLiteral("server"),
                                          Main::tr("Base URL of the Parley server."),
                                          Main::tr("url"), QStringLiteral("http://127.0.0.1:8765"));
    const QCommandLineOption profileOption(
        QStringLiteral("profile"), Main::tr("Folder that keeps this device's key."),
        Main::tr("dir"), QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    const QCommandLineOption noKeychainOption(
        QStringLiteral("no-keychain"),
        Main::tr("Keep this device's key and sign-in in files only you can read, not in the "
                 "system keychain (also PARLEY_KEYCHAIN=0)."));
    parser.addOption(serverOption);
    parser.addOption(profileOption);
    parser.addOption(noKeychainOption);
    parser.process(app);

    // The server: --server, else the one the login page used last, else this machine's.
    QString server = parser.value(serverOption);
    if (!parser.isSet(serverOption)) {
        const QUrl saved(QSettings().value(ui::LoginPage::ServerKey).toString(), QUrl::StrictMode);
        if (net::ApiClient::isServerUrl(saved))
            server = saved.toString();
    }
    const QUrl serverUrl(server, QUrl::StrictMode);
    if (!net::ApiClient::isServerUrl(serverUrl)) {
        std::fprintf(
            stderr, "parley: %s\n",
            qPrintable(
                Main::tr("--server needs an http:// or https:// URL, not '%1'").arg(server)));
        return 2;
    }

    // The device key and the refresh token: in the system keychain where one answers, else in
    // 0600 files of the profile (core/account/SecretVault.h).
    const QString profileDir = parser.value(profileOption);
    const bool useKeychain
        = !parser.isSet(noKeychainOption) && qEnvironmentVariable("PARLEY_KEYCHAIN") != u"0";
    auto vault = SecretVault::open(profileDir, useKeychain);
    if (!vault) {
        QMessageBox::critical(nullptr, Main::tr("Parley"), vault.error().message);
        return 1;
    }
    SecretVault &secrets = *vault.value();
    const auto keys = secrets.loadOrCreateDeviceKey();
    if (!keys) {
        QMessageBox::critical(
            nullptr, Main::tr("Parley"),
            Main::tr("Parley cannot open this device's key, so it cannot sign in.")
                + QLatin1String("\n\n") + keys.error().message);
        return 1;
    }

    ui::Theme::instance().applySaved();
    net::ApiClient loginApi(serverUrl);
    LoginService login(loginApi, keys.value(), deviceName());
    ui::MainWindow window(login);
    std::unique_ptr<Account> account;
    auto signIn = [&](const Session &session) {
        account = std::make_unique<Account>(session, keys.value(), profileDir, secrets);
        QObject::connect(account.get(), &Account::ended, &window,
                         [&](const protocol::Error &reason) {
                             if (!account)
                                 return; // ended twice in one pass (logout and a refused refresh)
                             window.showSignedOut(reason);
                             account.release()->deleteLater();
                         });
        QObject::connect(account.get(), &Account::failed, &window,
                         [&](const protocol::Error &error) {
                             QMessageBox::critical(&window, Main::tr("Parley"), error.message);
                             QApplication::exit(1);
                         });
        // Started first: the store's jobs run in order, so opening it comes before the reads
        // of the screens' models (a restored session with no network shows its chats at once).
        account->start();
        window.setAccount(*account);
    };
    QObject::connect(&login, &LoginService::loggedIn, &window, signIn);
    // A saved session of this server signs in without a new code (its refresh token is checked
    // at once; if the server refuses it, the login page comes back with the reason).
    if (auto saved = secrets.loadSession(); saved && saved.value().serverUrl == serverUrl) {
        window.showChats(saved.value());
        signIn(saved.value());
    }
    if (qEnvironmentVariableIsSet("PARLEY_REPORT_READY"))
        app.installEventFilter(new ReadyReporter(&app));
    window.show();
    return app.exec();
}
