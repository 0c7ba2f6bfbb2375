#include "core/models/MessageModel.h"

#include "core/store/LocalStore.h"
#include "core/store/StoreContext.h"
#include "core/sync/MailboxSync.h"
#include "core/sync/Outbox.h"

namespace parley::models {

using protocol::Result;

MessageModel::MessageModel(store::LocalStore &store, sync::MailboxSync &mailbox,
                           sync::Outbox &outbox, qint64 chatId, QObject *parent)
    : QAbstractListModel(parent)
    , m_store(store)
    , m_chatId(chatId)
{
    connect(&mailbox, &sync::MailboxSync::messageReceived, this, &MessageModel::add);
    connect(&outbox, &sync::Outbox::messageQueued, this, &MessageModel::add);
    connect(&mailbox, &sync::MailboxSync::statusChanged, this, &MessageModel::changeStatus);
    connect(&outbox, &sync::Outbox::statusChanged, this, &MessageModel::changeStatus);
    connect(&mailbox, &sync::MailboxSync::messageChanged, this, &MessageModel::replace);
    connect(&outbox, &sync::Outbox::messageChanged, this, &MessageModel::replace);
    connect(&outbox, &sync::Outbox::messageRemoved, this, &MessageModel::remove);
    // Another device deleted the chat's history: read it again from the store.
    connect(&mailbox, &sync::MailboxSync::historyCleared, this, &MessageModel::reload);
    connect(&outbox, &sync::Outbox::historyCleared, this, &MessageModel::reload);
    fetchMore({});
}

int MessageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_messages.size());
}

QVariant MessageModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const store::StoredMessage &m = m_messages.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case BodyRole:
        return m.body;
    case RowIdRole:
        return m.row;
    case MessageIdRole:
        return m.messageId;
    case OutgoingRole:
        return m.outgoing;
    case SenderUserIdRole:
        return m.senderUserId;
    case StatusRole:
        return int(m.status);
    case SentAtRole:
        return m.sentAt;
    case ServerTimeRole:
        return m.serverTime;
    case UndecryptableRole:
        return m.kind == store::MessageKind::Undecryptable;
    case SystemEventRole:
        return m.kind == store::MessageKind::System ? m.body : QString();
    case ReplyToMessageIdRole:
        return m.replyTo ? m.replyTo->messageId : QString();
    case ReplyToSenderRole:
        return m.replyTo ? m.replyTo->senderUserId : QString();
    case EditedRole:
        return m.editedAt > 0;
    case DeletedRole:
        return m.deletedAt > 0;
    case ReactionsRole: {
        QVariantList reactions;
        for (const store::Reaction &reaction : m.reactions)
            reactions.append(QVariantMap{{QStringLiteral("userId"), reaction.userId},
                                         {QStringLiteral("emoji"), reaction.emoji}});
        return reactions;
    }
    case ReplyPreviewRole:
        return m.replyPreview ? QVariant(*m.replyPreview) : QVariant();
    case TimeRole:
        return m.serverTime > 0 ? m.serverTime : m.sentAt > 0 ? m.sentAt : m.storedAt;
    default:
        return {};
    }
}

QHash<int, QByteArray> MessageModel::roleNames() const
{
    return {{RowIdRole, "rowId"},
            {MessageIdRole, "messageId"},
            {BodyRole, "body"},
            {OutgoingRole, "outgoing"},
            {SenderUserIdRole, "sender"},
            {StatusRole, "status"},
            {SentAtRole, "sentAt"},
            {ServerTimeRole, "serverTime"},
            {UndecryptableRole, "undecryptable"},
            {SystemEventRole, "systemEvent"},
            {ReplyToMessageIdRole, "replyToMessageId"},
            {ReplyToSenderRole, "replyToSender"},
            {EditedRole, "edited"},
            {DeletedRole, "deleted"},
            {ReactionsRole, "reactions"},
            {ReplyPreviewRole, "replyPreview"},
            {TimeRole, "time"}};
}

bool MessageModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atStart && !m_fetching;
}

void MessageModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_fetching = true;
    const qint64 before = m_messages.isEmpty() ? 0 : m_messages.first().row;
    const qint64 chatId = m_chatId;
    m_store.run(
        this,
        [chatId, before](store::StoreContext &store) {
            return store.messages().messages(chatId, before, PageSize);
        },
        [this](Result<QList<store::StoredMessage>> page) {
            m_fetching = false;
            if (m_reloadPending) {
                // The history was cleared while this page was read: it is stale.
                m_reloadPending = false;
                reload(m_chatId);
                return;
            }
            if (!page) {
                qWarning().noquote() << "cannot read messages:" << page.error().message;
                return;
            }
            // Messages stored while the page was read may already be here (add()).
            QList<store::StoredMessage> older;
            const qint64 oldest = m_messages.isEmpty() ? std::numeric_limits<qint64>::max()
                                                       : m_messages.first().row;
            for (auto it = page->crbegin(); it != page->crend(); ++it) {
                if (it->row < oldest)
                    older.append(*it);
            }
            m_atStart = page->size() < PageSize;
            if (!older.isEmpty()) {
                beginInsertRows({}, 0, int(older.size()) - 1);
                m_messages = older + m_messages;
                endInsertRows();
            }
            Q_EMIT pageLoaded(int(older.size()));
        });
}

void MessageModel::reload(qint64 chatId)
{
    // The chat's history changed as a whole (deleted on some device): read it again.
    if (chatId != m_chatId)
        return;
    if (m_fetching) {
        m_reloadPending = true; // once the page being read is in
        return;
    }
    beginResetModel();
    m_messages.clear();
    m_atStart = false;
    endResetModel();
    fetchMore({});
}

void MessageModel::replace(const store::StoredMessage &message)
{
    if (message.chatId != m_chatId)
        return;
    if (const int row = rowOfStoreRow(message.row); row >= 0) {
        m_messages[row] = message;
        Q_EMIT dataChanged(index(row), index(row));
    }
    // Replies quoting it show its new text (or that it was deleted).
    const QString sender = message.outgoing ? QString() : message.senderUserId;
    for (qsizetype row = 0; row < m_messages.size(); ++row) {
        store::StoredMessage &reply = m_messages[row];
        if (!reply.replyTo || reply.replyTo->messageId != message.messageId
            || reply.replyTo->senderUserId != sender)
            continue;
        reply.replyPreview = message.body;
        Q_EMIT dataChanged(index(int(row)), index(int(row)), {ReplyPreviewRole});
    }
}

void MessageModel::remove(qint64 chatId, qint64 row)
{
    if (chatId != m_chatId)
        return;
    const int at = rowOfStoreRow(row);
    if (at < 0)
        return;
    beginRemoveRows({}, at, at);
    m_messages.removeAt(at);
    endRemoveRows();
}

int MessageModel::rowOfStoreRow(qint64 storeRow) const
{
    // The newest first: changes are mostly to recent messages.
    for (qsizetype at = m_messages.size() - 1; at >= 0; --at) {
        if (m_messages.at(at).row == storeRow)
            return int(at);
    }
    return -1;
}

int MessageModel::rowOfMessage(const QString &senderUserId, const QString &messageId) const
{
    for (qsizetype row = m_messages.size() - 1; row >= 0; --row) {
        const store::StoredMessage &m = m_messages.at(row);
        const QString sender = m.outgoing ? QString() : m.senderUserId;
        if (m.messageId == messageId && sender == senderUserId)
            return int(row);
    }
    return -1;
}

void MessageModel::loadUntil(const QString &senderUserId, const QString &messageId,
                             std::function<void(int row)> found)
{
    // Bounded: a quote of a message far back loads at most this many pages.
    constexpr int MaxPages = 40;
    auto pages = std::make_shared<int>(0);
    auto step = std::make_shared<std::function<void()>>();
    *step = [this, senderUserId, messageId, found = std::move(found), pages, step]() {
        const int row = rowOfMessage(senderUserId, messageId);
        if (row >= 0 || m_atStart || *pages >= MaxPages) {
            found(row);
            *step = nullptr; // breaks the cycle
            return;
        }
        ++*pages;
        auto connection = std::make_shared<QMetaObject::Connection>();
        *connection = connect(this, &MessageModel::pageLoaded, this, [connection, step] {
            disconnect(*connection);
            if (*step)
                (*step)();
        });
        if (m_fetching)
            return; // the page being read now comes first
        fetchMore({});
        if (!m_fetching) { // nothing more to read
            disconnect(*connection);
            found(rowOfMessage(senderUserId, messageId));
            *step = nullptr;
        }
    };
    (*step)();
}

int MessageModel::rowOfMessage(const QString &messageId) const
{
    for (qsizetype row = m_messages.size() - 1; row >= 0; --row) {
        if (m_messages.at(row).messageId == messageId)
            return int(row);
    }
    return -1;
}

void MessageModel::add(const store::StoredMessage &message)
{
    if (message.chatId != m_chatId)
        return;
    if (!m_messages.isEmpty() && message.row <= m_messages.last().row)
        return; // already read with a page
    beginInsertRows({}, int(m_messages.size()), int(m_messages.size()));
    m_messages.append(message);
    endInsertRows();
}

void MessageModel::changeStatus(const store::StatusChange &change)
{
    if (change.chatId != m_chatId)
        return;
    const int row = rowOfStoreRow(change.row);
    if (row < 0)
        return;
    m_messages[row].status = change.status;
    Q_EMIT dataChanged(index(row), index(row), {StatusRole});
}

} // namespace parley::models
