#pragma once

#include <QDBusConnection>
#include <QHash>
#include <QObject>

#include <functional>

namespace parley::ui {

// Messages as the desktop's own notifications: the freedesktop Desktop Notifications protocol
// (org.freedesktop.Notifications on the session bus, which GNOME, KDE, XFCE and the small
// notification daemons all serve). One notification per chat, replaced by the next message of
// that chat, as WhatsApp Desktop does; clicking it opens the chat. Every call is asynchronous:
// nothing waits for the bus. Where no notification server answers, `failed` says so and the
// caller shows the message another way (the tray).
class DesktopNotifications : public QObject
{
    Q_OBJECT
public:
    static constexpr auto Service = "org.freedesktop.Notifications";
    static constexpr auto Path = "/org/freedesktop/Notifications";
    static constexpr auto Interface = "org.freedesktop.Notifications";

    explicit DesktopNotifications(QDBusConnection bus = QDBusConnection::sessionBus(),
                                  QObject *parent = nullptr);

    bool hasBus() const { return m_bus.isConnected(); }
    // The text is plain: it is escaped for servers that read markup in the body.
    void show(qint64 chatId, const QString &title, const QString &text, bool sound);
    // Takes back the notification of a chat (it was opened and read).
    void withdraw(qint64 chatId);

Q_SIGNALS:
    void activated(qint64 chatId);
    // No notification server took it (no session bus, or none on it).
    void failed(qint64 chatId, const QString &title, const QString &text);

private Q_SLOTS:
    void onActionInvoked(uint id, const QString &action);
    void onClosed(uint id, uint reason);

private:
    QDBusConnection m_bus;
    QHash<qint64, uint> m_idOfChat; // the notification on screen for each chat
};

} // namespace parley::ui
