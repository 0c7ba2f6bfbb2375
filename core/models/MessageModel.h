#pragma once

#include "core/store/StoreTypes.h"

#include <QAbstractListModel>
#include <QTimer>

#include <functional>

namespace parley::store {
class LocalStore;
}
namespace parley::sync {
class MailboxSync;
class Outbox;
} // namespace parley::sync

namespace parley::models {

// The messages of one chat, oldest at the top, read from the store in pages: the newest page
// first, older ones as the view scrolls up (canFetchMore/fetchMore, which answer while a page
// is being read as if there were nothing more, so a view does not ask twice). New messages are
// appended as the services store them; ticks change in place.
//
// It holds a window of at most MaxRows messages: reading older pages beyond that lets go of
// the newest (isAtNewest() is then false, new messages are not appended, and
// canFetchNewer/fetchNewer read them again as the view scrolls down, letting go of the
// oldest). So a view lays out a bounded number of rows however far it is scrolled.
class MessageModel : public QAbstractListModel
{
    Q_OBJECT
public:
    static constexpr int PageSize = 50;
    // An older page goes in above in parts of this many rows, one part per pass of the event
    // loop, so a view lays out a few new rows between two frames, never a whole page.
    static constexpr int InsertRows = 5;
    static constexpr int MaxRows = 600;

    enum Role {
        RowIdRole = Qt::UserRole + 1, // the store's row: the message's place in the chat
        MessageIdRole,
        BodyRole,
        OutgoingRole,
        SenderUserIdRole,
        StatusRole, // store::MessageStatus as int
        SentAtRole,
        ServerTimeRole,
        UndecryptableRole,
        SystemEventRole, // for system lines: the event (store::SecurityCodeChanged), else empty
        ReplyToMessageIdRole, // the quoted message, empty when none
        ReplyToSenderRole, // its sender, empty for this account's own
        EditedRole, // bool
        DeletedRole, // deleted for everyone: no body
        ReactionsRole, // QVariantList of {"userId", "emoji"} maps, oldest first
        ReplyPreviewRole, // the quoted message's text; invalid QVariant when this device lacks it
        TimeRole, // what a view shows as the message's time: the server's, else the sender's
        // Changes whenever anything this row shows changes (its text, ticks, reactions, the
        // quoted text): a view's cached layout of the row is good while it is the same.
        RevisionRole,
        LocalDayRole, // TimeRole's day in this computer's time zone, as a Julian day (qint64)
    };

    MessageModel(store::LocalStore &store, sync::MailboxSync &mailbox, sync::Outbox &outbox,
                 qint64 chatId, QObject *parent = nullptr);

    qint64 chatId() const { return m_chatId; }
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    // The newest message of the chat is loaded (new ones are appended as they come).
    bool isAtNewest() const { return m_atEnd; }
    bool canFetchNewer() const { return !m_atEnd && !m_fetching; }
    void fetchNewer();
    // Back to the newest page (after scrolling far up), read again; at once when it is loaded.
    void showNewest();
    int rowOfMessage(const QString &messageId) const;
    // The row of a message by its store row (RowIdRole); -1 if not loaded.
    int rowOfStoreRow(qint64 storeRow) const;
    // The row of a message by its sender ("" for this account's own) and id; -1 if not loaded.
    int rowOfMessage(const QString &senderUserId, const QString &messageId) const;
    // Reads older pages until the message is loaded or the chat's start is reached (a bounded
    // number of pages); found(row or -1) afterwards.
    void loadUntil(const QString &senderUserId, const QString &messageId,
                   std::function<void(int row)> found);

Q_SIGNALS:
    // A page was read: the first one (the newest messages), then each older or newer one.
    void pageLoaded(int rows);

private:
    void add(const store::StoredMessage &message);
    void changeStatus(const store::StatusChange &change);
    void replace(const store::StoredMessage &message);
    void remove(qint64 chatId, qint64 row);
    void reload(qint64 chatId);
    void insertStaged();
    void trim();
    void readPage(bool newer);

    struct Entry
    {
        store::StoredMessage message;
        qint64 localDay = 0; // computed once: a time zone conversion costs a system call
        quint64 revision = 0;
    };
    Entry entryFor(const store::StoredMessage &message);
    Entry *stagedEntry(qint64 storeRow);
    const store::StoredMessage &at(qsizetype row) const { return m_messages.at(row).message; }

    store::LocalStore &m_store;
    qint64 m_chatId = 0;
    QList<Entry> m_messages; // oldest first
    quint64 m_revisions = 0; // the last revision given to a row
    QList<Entry> m_staged; // of the page being put in: not rows yet (oldest first)
    bool m_stagedNewer = false; // that page goes in below, not above
    int m_stagedTotal = 0;
    QTimer *m_stageTimer = nullptr;
    bool m_fetching = false;
    bool m_reloadPending = false; // the history was cleared while a page was read
    bool m_atStart = false; // the oldest message is loaded
    bool m_atEnd = true; // the newest message is loaded
    bool m_missedNew = false; // a new message came while not at the newest
};

} // namespace parley::models
