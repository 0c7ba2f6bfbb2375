#pragma once

#include <QMainWindow>

class QLabel;
class QStackedWidget;

namespace parley {
class Account;
class LoginService;
struct Session;
namespace protocol {
struct Error;
}
} // namespace parley

namespace parley::ui {

class ChatsPage;
class LoginPage;
class ProfileSetupPage;
class Notifier;

// The one top-level window. It shows the login page until LoginService signs the device in,
// then the chats page, with the account and its connection state in the status bar. It only
// wires pages to services; the pages do the work.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(LoginService &login, QWidget *parent = nullptr);

    // The signed-in account, created after login; the status bar follows its mailbox's sync
    // state from then on.
    void setAccount(Account &account);
    // The chats of a signed-in account (after login, or a session restored at start).
    void showChats(const Session &session);
    // The login page (made when first needed: a restored session never builds it). A window
    // shown with neither chats nor the login page chosen shows this.
    void showLogin();
    // Back to the login page, saying why (the device was signed out, the session expired).
    void showSignedOut(const protocol::Error &reason);
    ChatsPage *chatsPage() const { return m_chatsPage; }
    Notifier *notifier() const { return m_notifier; }

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void showSynced(bool synced);
    void createShortcuts();
    void showUnread(int total);
    void askForNameIfNone(Account &account);

    LoginPage *loginPage();

    LoginService &m_login;
    QStackedWidget *m_pages = nullptr;
    LoginPage *m_loginPage = nullptr; // made by loginPage()
    bool m_pageChosen = false; // showChats or showLogin was called
    ChatsPage *m_chatsPage = nullptr;
    QLabel *m_accountLabel = nullptr;
    QLabel *m_connectionLabel = nullptr;
    Notifier *m_notifier = nullptr;
    ProfileSetupPage *m_setupPage = nullptr;
    bool m_askForName = false; // signed in with a code: ask for a name if the profile has none
};

} // namespace parley::ui
