#pragma once

#include "core/store/StoreTypes.h"

#include <QAbstractListModel>
#include <QSet>
#include <QTimer>

namespace parley::store {
class LocalStore;
}
namespace parley::sync {
class MailboxSync;
class Outbox;
} // namespace parley::sync

namespace parley::models {

// The account's chats for the chat list, read from the store (never the network): pinned first,
// then by last activity, with unread counts, the last message for the preview and its ticks,
// and who is typing. It reloads (coalesced) whenever the services report a stored change, and
// keeps rows stable for views: removed, inserted, then moved, so a selection survives.
class ChatListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        ChatIdRole = Qt::UserRole + 1,
        PeerUserIdRole,
        TitleRole, // the chat's title, else the number, else the user id
        PreviewRole, // the last message's text ("" when none)
        LastActivityRole, // ms since the epoch
        UnreadCountRole,
        PinnedRole,
        ArchivedRole,
        MutedRole,
        LastMessageOutgoingRole,
        LastMessageStatusRole, // store::MessageStatus as int
        TypingRole,
        PeerPhoneRole, // "" until known
        PeerAboutRole,
        LastMessageKindRole, // PreviewKind as int
        MutedUntilRole, // ms since the epoch, 0 when not muted
    };
    // What the preview shows, for views that word or style it themselves.
    enum class PreviewKind {
        None, // no message yet
        Text,
        Deleted, // deleted for everyone
        Undecryptable,
        System, // a line of this device's own (the preview is its event name)
    };

    ChatListModel(store::LocalStore &store, sync::MailboxSync &mailbox, sync::Outbox &outbox,
                  QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Reads the chats again from the store (also done by itself after every change).
    void reload();
    // The same, soon: changes that come together make one read.
    void scheduleReload();
    // Whether the other person of a chat is typing (from typing events; expires elsewhere).
    void setTyping(const QString &peerUserId, bool typing);
    int rowOfChat(qint64 chatId) const;

Q_SIGNALS:
    void loaded();

private:
    void apply(QList<store::ChatSummary> chats);

    store::LocalStore &m_store;
    QList<store::ChatSummary> m_chats;
    QSet<QString> m_typing;
    QTimer m_reloadTimer;
};

} // namespace parley::models
