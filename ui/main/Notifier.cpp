#include "ui/main/Notifier.h"

#include "core/account/Account.h"
#include "core/models/ChatListModel.h"
#include "ui/chat/ChatsPage.h"
#include "ui/common/Appearance.h"
#include "ui/main/DesktopNotifications.h"
#include "ui/settings/SettingsDialog.h"

#include <QApplication>
#include <QMenu>
#include <QPainter>
#include <QSettings>
#include <QSystemTrayIcon>
#include <QWidget>

// Outside any namespace, as Qt's resource initialisation asks (the resources live in a static
// library, so nothing else would pull them in).
static void initParleyResources()
{
    Q_INIT_RESOURCE(parley);
}

namespace parley::ui {

using models::ChatListModel;

namespace {
constexpr int NotificationMs = 5000;
constexpr int MaxPreview = 120;
} // namespace

Notifier::Notifier(QWidget *window, ChatsPage &chats, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_chats(chats)
{
    initParleyResources();
    m_desktop = new DesktopNotifications(QDBusConnection::sessionBus(), this);
    connect(m_desktop, &DesktopNotifications::activated, this, [this](qint64 chatId) {
        showWindow();
        m_chats.openChat(chatId);
    });
    // No notification server: the tray's balloon, and the sound here.
    connect(m_desktop, &DesktopNotifications::failed, this, &Notifier::showInTray);
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(iconWithCount(0), this);
    m_menu = new QMenu;
    m_menu->addAction(tr("Open Parley"), this, &Notifier::showWindow);
    m_menu->addSeparator();
    m_menu->addAction(tr("Quit"), qApp, &QCoreApplication::quit);
    m_tray->setContextMenu(m_menu);
    m_tray->setToolTip(tr("Parley"));
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](auto reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            showWindow();
    });
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
        showWindow();
        if (m_lastNotifiedChat != 0)
            m_chats.openChat(m_lastNotifiedChat);
    });
    m_tray->show();
}

Notifier::~Notifier()
{
    delete m_menu;
}

QIcon Notifier::iconWithCount(int count)
{
    const QIcon base(QStringLiteral(":/icons/parley.svg"));
    if (count <= 0)
        return base;
    QIcon icon;
    for (const int size : {16, 22, 24, 32, 48, 64}) {
        QPixmap pixmap = base.pixmap(size, size);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        const int badge = size * 5 / 8;
        const QRect r(size - badge, 0, badge, badge);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0xe5, 0x39, 0x35));
        painter.drawEllipse(r);
        QFont font = painter.font();
        font.setPixelSize(qMax(6, badge * 2 / 3));
        font.setBold(true);
        painter.setFont(font);
        painter.setPen(Qt::white);
        painter.drawText(r, Qt::AlignCenter,
                         count > 99 ? QStringLiteral("99+") : QString::number(count));
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

void Notifier::setAccount(Account *account)
{
    if (m_account)
        disconnect(&m_account->mailbox(), nullptr, this, nullptr);
    m_account = account;
    if (account)
        connect(&account->mailbox(), &sync::MailboxSync::messageReceived, this,
                &Notifier::onMessage);
}

void Notifier::setUnread(int total)
{
    if (!m_tray)
        return;
    m_tray->setIcon(iconWithCount(total));
    m_tray->setToolTip(total > 0 ? tr("Parley: %n unread message(s)", nullptr, total)
                                 : tr("Parley"));
}

void Notifier::onMessage(const store::StoredMessage &message)
{
    if (message.outgoing || message.kind != store::MessageKind::Text || !m_account)
        return;
    // Catching up after a start or a reconnect is not news: only what arrives live notifies.
    if (!m_account->mailbox().isSynced())
        return;
    if (!QSettings().value(SettingsDialog::NotificationsKey, true).toBool())
        return;
    const bool chatOnScreen = m_chats.openChatId() == message.chatId && m_window->isVisible()
        && m_window->isActiveWindow() && !m_window->isMinimized();
    if (chatOnScreen)
        return;
    ChatListModel *chats = m_chats.chatModel();
    QString title = tr("New message");
    if (chats) {
        const int row = chats->rowOfChat(message.chatId);
        if (row >= 0) {
            const QModelIndex index = chats->index(row);
            if (index.data(ChatListModel::MutedRole).toBool())
                return;
            title = index.data(ChatListModel::TitleRole).toString();
        }
    }
    QString text = message.deletedAt > 0 ? tr("This message was deleted") : message.body;
    if (text.size() > MaxPreview)
        text = text.left(MaxPreview) + QStringLiteral("…");
    m_lastNotifiedChat = message.chatId;
    const bool sound = QSettings().value(SettingsDialog::SoundKey, true).toBool();
    if (m_desktop->hasBus())
        m_desktop->show(message.chatId, title, text, sound); // the server plays the sound
    else
        showInTray(message.chatId, title, text);
    Q_EMIT notified(message.chatId, title, text);
}

void Notifier::showInTray(qint64 chatId, const QString &title, const QString &text)
{
    m_lastNotifiedChat = chatId;
    if (m_tray)
        m_tray->showMessage(title, text, iconWithCount(0), NotificationMs);
    if (QSettings().value(SettingsDialog::SoundKey, true).toBool())
        QApplication::beep();
}

void Notifier::showWindow()
{
    m_window->show();
    m_window->setWindowState(m_window->windowState() & ~Qt::WindowMinimized);
    m_window->raise();
    m_window->activateWindow();
}

} // namespace parley::ui
