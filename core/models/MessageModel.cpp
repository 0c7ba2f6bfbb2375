#include "core/models/MessageModel.h"

#include "core/store/LocalStore.h"
#include "core/store/StoreContext.h"
#include "core/sync/MailboxSync.h"
#include "core/sync/Outbox.h"

#include <QDateTime>

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
    m_stageTimer = new QTimer(this);
    m_stageTimer->setSingleShot(true);
    m_stageTimer->setInterval(0);
    connect(m_stageTimer, &QTimer::timeout, this, &MessageModel::insertStaged);
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
    const Entry &entry = m_messages.at(index.row());
    const store::StoredMessage &m = entry.message;
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
    case RevisionRole:
        return entry.revision;
    case LocalDayRole:
        return entry.localDay;
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
            {TimeRole, "time"},
            {RevisionRole, "revision"},
            {LocalDayRole, "localDay"}};
}

MessageModel::Entry MessageModel::entryFor(const store::StoredMessage &message)
{
    const qint64 time = message.serverTime > 0 ? message.serverTime
        : message.sentAt > 0                   ? message.sentAt
                                               : message.storedAt;
    return {message, QDateTime::fromMSecsSinceEpoch(time).date().toJulianDay(), ++m_revisions};
}

bool MessageModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atStart && !m_fetching;
}

void MessageModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        readPage(false);
}

void MessageModel::fetchNewer()
{
    if (canFetchNewer())
        readPage(true);
}

void MessageModel::showNewest()
{
    if (!m_atEnd)
        reload(m_chatId);
}

void MessageModel::readPage(bool newer)
{
    m_fetching = true;
    const qint64 before = m_messages.isEmpty() ? 0 : at(0).row;
    const qint64 after = m_messages.isEmpty() ? 0 : m_messages.constLast().message.row;
    const qint64 chatId = m_chatId;
    m_store.run(
        this,
        [chatId, before, after, newer](store::StoreContext &store) {
            return newer ? store.messages().messagesAfter(chatId, after, PageSize)
                         : store.messages().messages(chatId, before, PageSize);
        },
        [this, newer](Result<QList<store::StoredMessage>> page) {
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
            QList<Entry> rows; // oldest first
            const qint64 oldest
                = m_messages.isEmpty() ? std::numeric_limits<qint64>::max() : at(0).row;
            const qint64 newest = m_messages.isEmpty() ? 0 : m_messages.constLast().message.row;
            for (auto it = page->crbegin(); it != page->crend(); ++it) {
                if (newer ? it->row > newest : it->row < oldest)
                    rows.append(entryFor(*it));
            }
            if (newer) {
                // A message that came meanwhile may be past this page: ask once more then.
                m_atEnd = page->size() < PageSize && !std::exchange(m_missedNew, false);
            } else {
                m_atStart = page->size() < PageSize;
            }
            if (m_messages.isEmpty()) {
                // The first page: all at once (a view shows its newest rows at once).
                if (!rows.isEmpty()) {
                    beginInsertRows({}, 0, int(rows.size()) - 1);
                    m_messages = rows;
                    endInsertRows();
                }
                Q_EMIT pageLoaded(int(rows.size()));
                return;
            }
            m_fetching = true; // until the last part is in
            m_staged = rows;
            m_stagedNewer = newer;
            m_stagedTotal = int(rows.size());
            insertStaged();
        });
}

void MessageModel::insertStaged()
{
    if (!m_staged.isEmpty()) {
        const int count = int(std::min<qsizetype>(InsertRows, m_staged.size()));
        if (m_stagedNewer) {
            // The oldest of the page first, each part right below the rows there already.
            const int end = int(m_messages.size());
            beginInsertRows({}, end, end + count - 1);
            m_messages += m_staged.first(count);
            m_staged.remove(0, count);
        } else {
            // The newest of the page first, each part right above the rows there already.
            beginInsertRows({}, 0, count - 1);
            m_messages = m_staged.sliced(m_staged.size() - count) + m_messages;
            m_staged.resize(m_staged.size() - count);
        }
        endInsertRows();
        trim();
    }
    if (!m_staged.isEmpty()) {
        m_stageTimer->start();
        return;
    }
    m_fetching = false;
    Q_EMIT pageLoaded(m_stagedTotal);
}

void MessageModel::trim()
{
    const int excess = int(m_messages.size()) - MaxRows;
    if (excess <= 0)
        return;
    // Let go of the far end: the one away from where rows are being read.
    if (m_stagedNewer) {
        beginRemoveRows({}, 0, excess - 1);
        m_messages.remove(0, excess);
        m_atStart = false;
    } else {
        const int size = int(m_messages.size());
        beginRemoveRows({}, size - excess, size - 1);
        m_messages.resize(size - excess);
        m_atEnd = false;
    }
    endRemoveRows();
}

MessageModel::Entry *MessageModel::stagedEntry(qint64 storeRow)
{
    for (Entry &entry : m_staged) {
        if (entry.message.row == storeRow)
            return &entry;
    }
    return nullptr;
}

void MessageModel::reload(qint64 chatId)
{
    // The chat's history changed as a whole (deleted on some device): read it again.
    if (chatId != m_chatId)
        return;
    if (m_fetching && m_staged.isEmpty() && !m_stageTimer->isActive()) {
        m_reloadPending = true; // once the page being read is in
        return;
    }
    // A page being put in above is stale too.
    m_stageTimer->stop();
    m_staged.clear();
    m_fetching = false;
    beginResetModel();
    m_messages.clear();
    m_atStart = false;
    m_atEnd = true;
    m_missedNew = false;
    endResetModel();
    fetchMore({});
}

void MessageModel::replace(const store::StoredMessage &message)
{
    if (message.chatId != m_chatId)
        return;
    if (const int row = rowOfStoreRow(message.row); row >= 0) {
        m_messages[row] = entryFor(message);
        Q_EMIT dataChanged(index(row), index(row));
    } else if (Entry *staged = stagedEntry(message.row)) {
        *staged = entryFor(message);
    }
    for (Entry &staged : m_staged) {
        if (staged.message.replyTo && staged.message.replyTo->messageId == message.messageId
            && staged.message.replyTo->senderUserId
                == (message.outgoing ? QString() : message.senderUserId))
            staged.message.replyPreview = message.body;
    }
    // Replies quoting it show its new text (or that it was deleted).
    const QString sender = message.outgoing ? QString() : message.senderUserId;
    for (qsizetype row = 0; row < m_messages.size(); ++row) {
        Entry &entry = m_messages[row];
        store::StoredMessage &reply = entry.message;
        if (!reply.replyTo || reply.replyTo->messageId != message.messageId
            || reply.replyTo->senderUserId != sender)
            continue;
        reply.replyPreview = message.body;
        entry.revision = ++m_revisions;
        Q_EMIT dataChanged(index(int(row)), index(int(row)), {ReplyPreviewRole, RevisionRole});
    }
}

void MessageModel::remove(qint64 chatId, qint64 row)
{
    if (chatId != m_chatId)
        return;
    m_staged.removeIf([row](const Entry &entry) { return entry.message.row == row; });
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
    for (qsizetype row = m_messages.size() - 1; row >= 0; --row) {
        if (at(row).row == storeRow)
            return int(row);
    }
    return -1;
}

int MessageModel::rowOfMessage(const QString &senderUserId, const QString &messageId) const
{
    for (qsizetype row = m_messages.size() - 1; row >= 0; --row) {
        const store::StoredMessage &m = at(row);
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
        if (at(row).messageId == messageId)
            return int(row);
    }
    return -1;
}

void MessageModel::add(const store::StoredMessage &message)
{
    if (message.chatId != m_chatId)
        return;
    if (!m_atEnd) {
        m_missedNew = true; // read with the newer pages when the view gets there
        return;
    }
    if (!m_messages.isEmpty() && message.row <= m_messages.last().message.row)
        return; // already read with a page
    beginInsertRows({}, int(m_messages.size()), int(m_messages.size()));
    m_messages.append(entryFor(message));
    endInsertRows();
}

void MessageModel::changeStatus(const store::StatusChange &change)
{
    if (change.chatId != m_chatId)
        return;
    const int row = rowOfStoreRow(change.row);
    if (row < 0) {
        if (Entry *staged = stagedEntry(change.row))
            staged->message.status = change.status;
        return;
    }
    Entry &entry = m_messages[row];
    entry.message.status = change.status;
    entry.revision = ++m_revisions;
    Q_EMIT dataChanged(index(row), index(row), {StatusRole, RevisionRole});
}

} // namespace parley::models
