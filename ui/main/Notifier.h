#pragma once

#include <QIcon>
#include <QObject>
#include <QPointer>

class QMenu;
class QSystemTrayIcon;
class QWidget;

namespace parley {
class Account;
namespace store {
struct StoredMessage;
}
} // namespace parley

namespace parley::ui {

class ChatsPage;
class DesktopNotifications;

// The tray icon and the desktop notifications for new messages: the desktop's own
// notifications (DesktopNotifications, freedesktop over D-Bus), else a message of the tray
// icon, where there is one. A message notifies unless notifications are off in Settings, it is
// your own, its chat is muted, or its chat is open in the active window. The unread count
// shows on the tray icon and in its tooltip.
class Notifier : public QObject
{
    Q_OBJECT
public:
    Notifier(QWidget *window, ChatsPage &chats, QObject *parent = nullptr);
    ~Notifier() override;

    void setAccount(Account *account);
    void setUnread(int total);
    bool hasTray() const { return m_tray != nullptr; }
    // The app's icon with the unread count on it (0: none).
    static QIcon iconWithCount(int count);
    DesktopNotifications *desktop() const { return m_desktop; }

Q_SIGNALS:
    // A notification was shown for a message (also where no tray can show it).
    void notified(qint64 chatId, const QString &title, const QString &text);

private:
    void onMessage(const store::StoredMessage &message);
    void showWindow();
    void showInTray(qint64 chatId, const QString &title, const QString &text);

    QWidget *m_window;
    ChatsPage &m_chats;
    QPointer<Account> m_account;
    DesktopNotifications *m_desktop = nullptr;
    QSystemTrayIcon *m_tray = nullptr;
    QMenu *m_menu = nullptr;
    qint64 m_lastNotifiedChat = 0;
};

} // namespace parley::ui
