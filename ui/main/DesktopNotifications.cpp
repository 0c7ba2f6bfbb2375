#include "ui/main/DesktopNotifications.h"

#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QVariantMap>

namespace parley::ui {

namespace {
const QString AppName = QStringLiteral("Parley");
const QString DefaultAction = QStringLiteral("default");
constexpr int ExpireDefault = -1; // the server's own time
} // namespace

DesktopNotifications::DesktopNotifications(QDBusConnection bus, QObject *parent)
    : QObject(parent)
    , m_bus(std::move(bus))
{
    if (!m_bus.isConnected())
        return;
    m_bus.connect(QLatin1String(Service), QLatin1String(Path), QLatin1String(Interface),
                  QStringLiteral("ActionInvoked"), this, SLOT(onActionInvoked(uint, QString)));
    m_bus.connect(QLatin1String(Service), QLatin1String(Path), QLatin1String(Interface),
                  QStringLiteral("NotificationClosed"), this, SLOT(onClosed(uint, uint)));
}

void DesktopNotifications::show(qint64 chatId, const QString &title, const QString &text,
                                bool sound)
{
    if (!m_bus.isConnected()) {
        Q_EMIT failed(chatId, title, text);
        return;
    }
    QDBusMessage call
        = QDBusMessage::createMethodCall(QLatin1String(Service), QLatin1String(Path),
                                         QLatin1String(Interface), QStringLiteral("Notify"));
    QVariantMap hints{{QStringLiteral("category"), QStringLiteral("im.received")},
                      {QStringLiteral("desktop-entry"), QStringLiteral("parley")},
                      {QStringLiteral("urgency"), QVariant::fromValue(uchar(1))}};
    if (sound)
        hints.insert(QStringLiteral("sound-name"), QStringLiteral("message-new-instant"));
    else
        hints.insert(QStringLiteral("suppress-sound"), true);
    // The body may be read as markup (the "body-markup" capability): a message is plain text.
    call << AppName << m_idOfChat.value(chatId, 0u) << QStringLiteral("mail-unread") << title
         << text.toHtmlEscaped() << QStringList{DefaultAction, tr("Open")} << hints
         << ExpireDefault;
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    connect(
        watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, chatId, title, text] {
            watcher->deleteLater();
            const QDBusPendingReply<uint> reply = *watcher;
            if (reply.isError()) {
                qInfo().noquote() << "desktop notification not shown:" << reply.error().message();
                Q_EMIT failed(chatId, title, text);
                return;
            }
            m_idOfChat.insert(chatId, reply.value());
        });
}

void DesktopNotifications::withdraw(qint64 chatId)
{
    const uint id = m_idOfChat.take(chatId);
    if (id == 0 || !m_bus.isConnected())
        return;
    QDBusMessage call = QDBusMessage::createMethodCall(QLatin1String(Service), QLatin1String(Path),
                                                       QLatin1String(Interface),
                                                       QStringLiteral("CloseNotification"));
    call << id;
    m_bus.asyncCall(call);
}

void DesktopNotifications::onActionInvoked(uint id, const QString &action)
{
    // Another application's notification, or one of ours without a chat: not ours to act on.
    for (auto it = m_idOfChat.cbegin(); it != m_idOfChat.cend(); ++it) {
        if (it.value() == id) {
            if (action == DefaultAction)
                Q_EMIT activated(it.key());
            return;
        }
    }
}

void DesktopNotifications::onClosed(uint id, uint)
{
    for (auto it = m_idOfChat.begin(); it != m_idOfChat.end(); ++it) {
        if (it.value() == id) {
            m_idOfChat.erase(it);
            return;
        }
    }
}

} // namespace parley::ui
