#include "ui/main/MainWindow.h"

#include "core/account/Account.h"
#include "core/account/LoginService.h"
#include "core/models/ChatListModel.h"
#include "ui/chat/ChatView.h"
#include "ui/chat/ChatsPage.h"
#include "ui/login/LoginPage.h"
#include "ui/login/ProfileSetupPage.h"
#include "ui/main/Notifier.h"

#include <QApplication>
#include <QEvent>
#include <QLabel>
#include <QPointer>
#include <QSettings>
#include <QShortcut>
#include <QStackedWidget>
#include <QStatusBar>

#include <utility>

namespace parley::ui {

namespace {
const QString GeometryKey = QStringLiteral("window/geometry");
}

MainWindow::MainWindow(LoginService &login, QWidget *parent)
    : QMainWindow(parent)
    , m_login(login)
{
    setWindowTitle(tr("Parley"));
    // Room for the chat list beside a readable conversation; smaller screens get a tight fit.
    setMinimumSize(720, 480);
    resize(900, 600);
    restoreGeometry(QSettings().value(GeometryKey).toByteArray());

    m_chatsPage = new ChatsPage(this);
    m_chatsPage->setObjectName(QStringLiteral("chatsPage"));
    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("pages"));
    m_pages->addWidget(m_chatsPage);
    m_setupPage = new ProfileSetupPage(this);
    m_setupPage->setObjectName(QStringLiteral("profileSetupPage"));
    m_pages->addWidget(m_setupPage);
    connect(m_setupPage, &ProfileSetupPage::finished, this, [this] {
        m_pages->setCurrentWidget(m_chatsPage);
        m_chatsPage->setFocus();
    });
    setCentralWidget(m_pages);

    m_accountLabel = new QLabel(this);
    m_accountLabel->setObjectName(QStringLiteral("accountLabel"));
    m_connectionLabel = new QLabel(this);
    m_connectionLabel->setObjectName(QStringLiteral("connectionLabel"));
    statusBar()->addWidget(m_accountLabel);
    statusBar()->addPermanentWidget(m_connectionLabel);
    // Nothing to report before there is an account.
    statusBar()->hide();

    // A sign-in with a code (not a restored session) may be the account's first: its name is
    // asked for once the account runs (setAccount).
    connect(&login, &LoginService::loggedIn, this, [this](const Session &session) {
        m_askForName = true;
        showChats(session);
    });
    m_notifier = new Notifier(this, *m_chatsPage, this);
    setWindowIcon(Notifier::iconWithCount(0));
    connect(m_chatsPage, &ChatsPage::unreadChanged, this, &MainWindow::showUnread);
    createShortcuts();
}

void MainWindow::createShortcuts()
{
    // Only while the chats show; the login page has its own keys.
    auto add = [this](const QKeySequence &keys, auto slot) {
        auto *shortcut = new QShortcut(keys, this);
        shortcut->setContext(Qt::WindowShortcut);
        connect(shortcut, &QShortcut::activated, this, [this, slot] {
            if (m_pages->currentWidget() == m_chatsPage)
                slot();
        });
    };
    add(QKeySequence(Qt::CTRL | Qt::Key_N), [this] { m_chatsPage->startNewChat(); });
    add(QKeySequence(Qt::CTRL | Qt::Key_F), [this] { m_chatsPage->focusSearch(); });
    add(QKeySequence(Qt::CTRL | Qt::Key_Comma), [this] { m_chatsPage->openSettings(); });
    add(QKeySequence(Qt::ALT | Qt::Key_Up), [this] { m_chatsPage->openAdjacentChat(-1); });
    add(QKeySequence(Qt::ALT | Qt::Key_Down), [this] { m_chatsPage->openAdjacentChat(1); });
    add(QKeySequence(Qt::CTRL | Qt::Key_PageUp), [this] { m_chatsPage->openAdjacentChat(-1); });
    add(QKeySequence(Qt::CTRL | Qt::Key_PageDown), [this] { m_chatsPage->openAdjacentChat(1); });
    for (int n = 1; n <= 9; ++n)
        add(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_0 + n)),
            [this, n] { m_chatsPage->openNthChat(n); });
    auto *quit = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q), this);
    quit->setContext(Qt::ApplicationShortcut);
    connect(quit, &QShortcut::activated, qApp, &QCoreApplication::quit);
}

void MainWindow::showUnread(int total)
{
    setWindowTitle(total > 0 ? tr("(%1) Parley").arg(total) : tr("Parley"));
    m_notifier->setUnread(total);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings().setValue(GeometryKey, saveGeometry());
    m_chatsPage->saveState();
    QMainWindow::closeEvent(event);
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::ActivationChange && isActiveWindow() && m_chatsPage->chatView())
        m_chatsPage->chatView()->windowActivated();
}

void MainWindow::setAccount(Account &account)
{
    m_chatsPage->setAccount(account);
    m_notifier->setAccount(&account);
    // The page lets go of the account's models and services before it is deleted.
    connect(&account, &QObject::destroyed, m_chatsPage, &ChatsPage::clearAccount);
    connect(&account.mailbox(), &sync::MailboxSync::syncedChanged, this, &MainWindow::showSynced);
    showSynced(account.mailbox().isSynced());
    if (std::exchange(m_askForName, false)) {
        // Once connected (the access token is in use by then), once.
        auto once = std::make_shared<QMetaObject::Connection>();
        *once = connect(&account.mailbox(), &sync::MailboxSync::syncedChanged, this,
                        [this, once, guard = QPointer<Account>(&account)](bool synced) {
                            if (!synced || !guard)
                                return;
                            disconnect(*once);
                            askForNameIfNone(*guard);
                        });
    }
}

void MainWindow::askForNameIfNone(Account &account)
{
    QPointer<Account> guard(&account);
    account.settings().profile(this, [this, guard](protocol::Result<protocol::UserProfile> p) {
        // Unknown (offline) is not "no name": only a profile without one asks.
        if (!guard || !p || !p->displayName.isEmpty() || m_pages->currentWidget() != m_chatsPage)
            return;
        m_setupPage->start(guard->settings(), guard->profileDir(), guard->session().userId);
        m_pages->setCurrentWidget(m_setupPage);
    });
}

LoginPage *MainWindow::loginPage()
{
    if (!m_loginPage) {
        m_loginPage = new LoginPage(m_login, this);
        m_loginPage->setObjectName(QStringLiteral("loginPage"));
        m_pages->addWidget(m_loginPage);
    }
    return m_loginPage;
}

void MainWindow::showLogin()
{
    m_pageChosen = true;
    m_pages->setCurrentWidget(loginPage());
    m_loginPage->setFocus();
}

void MainWindow::showEvent(QShowEvent *event)
{
    if (!m_pageChosen)
        showLogin();
    QMainWindow::showEvent(event);
}

void MainWindow::showChats(const Session &session)
{
    m_pageChosen = true;
    m_accountLabel->setText(tr("Signed in as %1").arg(session.phoneNumber));
    showSynced(false);
    statusBar()->show();
    m_pages->setCurrentWidget(m_chatsPage);
    m_chatsPage->setFocus();
}

void MainWindow::showSignedOut(const protocol::Error &reason)
{
    m_chatsPage->clearAccount();
    m_notifier->setAccount(nullptr);
    showUnread(0);
    statusBar()->hide();
    showLogin();
    m_loginPage->startOver(reason);
}

void MainWindow::showSynced(bool synced)
{
    // Synced, not merely connected: until the mailbox is caught up, the chats may be stale.
    m_connectionLabel->setText(synced ? tr("Connected") : tr("Connecting…"));
}

} // namespace parley::ui
