#include "ui/main/MainWindow.h"

#include "core/account/Account.h"
#include "core/account/LoginService.h"
#include "core/models/ChatListModel.h"
#include "ui/chat/ChatsPage.h"
#include "ui/login/LoginPage.h"

#include <QLabel>
#include <QStackedWidget>
#include <QStatusBar>

namespace parley::ui {

MainWindow::MainWindow(LoginService &login, QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Parley"));
    // Room for the chat list beside a readable conversation; smaller screens get a tight fit.
    setMinimumSize(720, 480);
    resize(900, 600);

    m_loginPage = new LoginPage(login, this);
    m_loginPage->setObjectName(QStringLiteral("loginPage"));
    m_chatsPage = new ChatsPage(this);
    m_chatsPage->setObjectName(QStringLiteral("chatsPage"));
    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("pages"));
    m_pages->addWidget(m_loginPage);
    m_pages->addWidget(m_chatsPage);
    setCentralWidget(m_pages);

    m_accountLabel = new QLabel(this);
    m_accountLabel->setObjectName(QStringLiteral("accountLabel"));
    m_connectionLabel = new QLabel(this);
    m_connectionLabel->setObjectName(QStringLiteral("connectionLabel"));
    statusBar()->addWidget(m_accountLabel);
    statusBar()->addPermanentWidget(m_connectionLabel);
    // Nothing to report before there is an account.
    statusBar()->hide();

    connect(&login, &LoginService::loggedIn, this, &MainWindow::showChats);
}

void MainWindow::setAccount(Account &account)
{
    // The model lives and dies with the account; the view lets go of it when it goes.
    m_chatsPage->setChatListModel(
        new models::ChatListModel(account.store(), account.mailbox(), account.outbox(), &account));
    connect(&account.mailbox(), &sync::MailboxSync::syncedChanged, this, &MainWindow::showSynced);
    showSynced(account.mailbox().isSynced());
}

void MainWindow::showChats(const Session &session)
{
    m_accountLabel->setText(tr("Signed in as %1").arg(session.phoneNumber));
    showSynced(false);
    statusBar()->show();
    m_pages->setCurrentWidget(m_chatsPage);
    m_chatsPage->setFocus();
}

void MainWindow::showSignedOut(const protocol::Error &reason)
{
    statusBar()->hide();
    m_pages->setCurrentWidget(m_loginPage);
    m_loginPage->startOver(reason);
}

void MainWindow::showSynced(bool synced)
{
    // Synced, not merely connected: until the mailbox is caught up, the chats may be stale.
    m_connectionLabel->setText(synced ? tr("Connected") : tr("Connecting…"));
}

} // namespace parley::ui
