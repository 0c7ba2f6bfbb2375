#include "core/models/ChatListModel.h"

#include "core/store/LocalStore.h"
#include "core/store/StoreContext.h"
#include "core/sync/MailboxSync.h"
#include "core/sync/Outbox.h"

#include <QDateTime>

namespace parley::models {

using protocol::Result;

namespace {
// Changes that come together (a sync page) make one reload.
constexpr int ReloadDelayMs = 30;

ChatListModel::PreviewKind previewKind(const std::optional<store::StoredMessage> &last)
{
    using Kind = ChatListModel::PreviewKind;
    if (!last)
        return Kind::None;
    if (last->deletedAt > 0)
        return Kind::Deleted;
    switch (last->kind) {
    case store::MessageKind::Undecryptable:
        return Kind::Undecryptable;
    case store::MessageKind::System:
        return Kind::System;
    default:
        return Kind::Text;
    }
}
} // namespace

ChatListModel::ChatListModel(store::LocalStore &store, sync::MailboxSync &mailbox,
                             sync::Outbox &outbox, QObject *parent)
    : QAbstractListModel(parent)
    , m_store(store)
{
    m_reloadTimer.setSingleShot(true);
    m_reloadTimer.setInterval(ReloadDelayMs);
    connect(&m_reloadTimer, &QTimer::timeout, this, &ChatListModel::reload);
    const auto later = [this] { scheduleReload(); };
    connect(&mailbox, &sync::MailboxSync::messageReceived, this, later);
    connect(&mailbox, &sync::MailboxSync::messageUndecryptable, this, later);
    connect(&mailbox, &sync::MailboxSync::statusChanged, this, later);
    connect(&outbox, &sync::Outbox::messageQueued, this, later);
    connect(&outbox, &sync::Outbox::statusChanged, this, later);
    connect(&outbox, &sync::Outbox::messageChanged, this, later);
    connect(&mailbox, &sync::MailboxSync::messageChanged, this, later);
    connect(&mailbox, &sync::MailboxSync::chatChanged, this, later);
    connect(&outbox, &sync::Outbox::chatChanged, this, later);
    connect(&outbox, &sync::Outbox::messageRemoved, this, later);
    reload();
}

int ChatListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_chats.size());
}

QVariant ChatListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const store::ChatSummary &chat = m_chats.at(index.row());
    const auto &last = chat.lastMessage;
    const QString title = chat.displayTitle();
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return title;
    case ChatIdRole:
        return chat.id;
    case PeerUserIdRole:
        return chat.peerUserId;
    case PreviewRole:
        return last ? last->body : QString();
    case LastActivityRole:
        return chat.lastActivity;
    case UnreadCountRole:
        return chat.unreadCount;
    case PinnedRole:
        return chat.pinned;
    case ArchivedRole:
        return chat.archived;
    case MutedRole:
        return chat.mutedUntil > QDateTime::currentMSecsSinceEpoch();
    case LastMessageOutgoingRole:
        return last && last->outgoing;
    case LastMessageStatusRole:
        return last ? int(last->status) : -1;
    case TypingRole:
        return m_typing.contains(chat.peerUserId);
    case PeerPhoneRole:
        return chat.peerPhone;
    case PeerAboutRole:
        return chat.peerAbout;
    case LastMessageKindRole:
        return int(previewKind(last));
    case MutedUntilRole:
        return chat.mutedUntil;
    default:
        return {};
    }
}

QHash<int, QByteArray> ChatListModel::roleNames() const
{
    return {{ChatIdRole, "chatId"},
            {PeerUserIdRole, "peerUserId"},
            {TitleRole, "title"},
            {PreviewRole, "preview"},
            {LastActivityRole, "lastActivity"},
            {UnreadCountRole, "unreadCount"},
            {PinnedRole, "pinned"},
            {ArchivedRole, "archived"},
            {MutedRole, "muted"},
            {LastMessageOutgoingRole, "lastMessageOutgoing"},
            {LastMessageStatusRole, "lastMessageStatus"},
            {TypingRole, "typing"},
            {PeerPhoneRole, "peerPhone"},
            {PeerAboutRole, "peerAbout"},
            {LastMessageKindRole, "lastMessageKind"},
            {MutedUntilRole, "mutedUntil"}};
}

void ChatListModel::scheduleReload()
{
    m_reloadTimer.start();
}

void ChatListModel::reload()
{
    m_store.run(
        this, [](store::StoreContext &store) { return store.chats().chats(); },
        [this](Result<QList<store::ChatSummary>> chats) {
            if (!chats) {
                qWarning().noquote() << "cannot read the chats:" << chats.error().message;
                return;
            }
            apply(std::move(chats).value());
            Q_EMIT loaded();
        });
}

int ChatListModel::rowOfChat(qint64 chatId) const
{
    for (qsizetype row = 0; row < m_chats.size(); ++row) {
        if (m_chats.at(row).id == chatId)
            return int(row);
    }
    return -1;
}

void ChatListModel::apply(QList<store::ChatSummary> chats)
{
    QSet<qint64> fresh;
    for (const store::ChatSummary &chat : chats)
        fresh.insert(chat.id);
    // 1. Chats that are gone.
    for (qsizetype row = m_chats.size() - 1; row >= 0; --row) {
        if (fresh.contains(m_chats.at(row).id))
            continue;
        beginRemoveRows({}, int(row), int(row));
        m_chats.removeAt(row);
        endRemoveRows();
    }
    // 2. New chats, at the end for now.
    QSet<qint64> kept;
    for (const store::ChatSummary &chat : std::as_const(m_chats))
        kept.insert(chat.id);
    for (const store::ChatSummary &chat : chats) {
        if (kept.contains(chat.id))
            continue;
        beginInsertRows({}, int(m_chats.size()), int(m_chats.size()));
        m_chats.append(chat);
        endInsertRows();
    }
    // 3. The new order, moving persistent indexes (a selection) with their chats.
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    QHash<qint64, int> newRow;
    for (qsizetype row = 0; row < chats.size(); ++row)
        newRow.insert(chats.at(row).id, int(row));
    const QModelIndexList persistent = persistentIndexList();
    QModelIndexList moved;
    for (const QModelIndex &old : persistent)
        moved.append(index(newRow.value(m_chats.at(old.row()).id), old.column()));
    m_chats = std::move(chats);
    changePersistentIndexList(persistent, moved);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    if (!m_chats.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_chats.size()) - 1));
}

void ChatListModel::setTyping(const QString &peerUserId, bool typing)
{
    const bool changed = m_typing.contains(peerUserId) != typing;
    if (typing)
        m_typing.insert(peerUserId);
    else
        m_typing.remove(peerUserId);
    if (!changed)
        return;
    for (qsizetype row = 0; row < m_chats.size(); ++row) {
        if (m_chats.at(row).peerUserId == peerUserId)
            Q_EMIT dataChanged(index(int(row)), index(int(row)), {TypingRole});
    }
}

} // namespace parley::models
