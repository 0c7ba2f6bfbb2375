#include "core/store/MessageStore.h"

#include "core/sql/Database.h"
#include "core/store/ChatStore.h"
#include "core/store/MessageRows.h"
#include "core/store/TextIndex.h"

#include <QHash>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace parley::store {

using protocol::Error;
using protocol::Result;

using rows::inTransaction;
using rows::kindFromName;
using rows::kindName;
using rows::MessageColumnCount;
using rows::MessageColumns;
using rows::optionalText;
using rows::readMessage;
using rows::text;
using rows::transactionFailed;
using rows::Visible;

namespace {
const QString CursorName = QStringLiteral("mailbox_seq");
} // namespace

MessageStore::MessageStore(sql::Database &db, ChatStore &chats)
    : m_db(db)
    , m_chats(chats)
{ }

Result<void> MessageStore::index(qint64 row, const QString &body)
{
    return m_db.runCached(QStringLiteral("INSERT INTO messages_fts (rowid, body) VALUES (?, ?)"),
                          {row, TextIndex::normalize(body)});
}

Result<QueuedMessage> MessageStore::insertOutgoing(const OutgoingDraft &draft, qint64 now)
{
    auto chatId = m_chats.directChat(draft.peerUserId, now);
    if (!chatId)
        return chatId.error();
    auto cached = m_db.execCached(
        QStringLiteral("INSERT INTO messages (chat_id, message_id, sender_user_id, outgoing, kind, "
                       "body, sent_at, stored_at, status, reply_to_id, reply_to_sender) "
                       "VALUES (?, ?, '', 1, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        {chatId.value(), draft.messageId, kindName(draft.kind), text(draft.body), draft.sentAt, now,
         int(MessageStatus::Pending), optionalText(draft.replyTo, false),
         optionalText(draft.replyTo, true)});
    if (!cached)
        return cached.error();
    QSqlQuery &q = *cached.value();
    if (!q.next())
        return Error{protocol::ErrorCode::InternalError, QStringLiteral("no row id")};
    QueuedMessage queued;
    StoredMessage &m = queued.message;
    m.row = q.value(0).toLongLong();
    m.chatId = chatId.value();
    m.messageId = draft.messageId;
    m.outgoing = true;
    m.kind = draft.kind;
    m.body = draft.body;
    m.sentAt = draft.sentAt;
    m.storedAt = now;
    m.replyTo = draft.replyTo;
    q.finish(); // a RETURNING statement must be done before the transaction commits
    if (auto quoted = fillReplyPreview(m); !quoted)
        return quoted.error();
    if (auto queuedStep = m_db.runCached(QStringLiteral("INSERT INTO outbox (message_row, "
                                                        "recipient_user_id, plaintext) "
                                                        "VALUES (?, ?, ?)"),
                                         {m.row, draft.peerUserId, draft.plaintext});
        !queuedStep)
        return queuedStep.error();
    if (draft.kind == MessageKind::Text) {
        for (auto step : {index(m.row, draft.body), m_chats.touch(m.chatId, now, 0)}) {
            if (!step)
                return step.error();
        }
        return queued;
    }
    // An edit or a reaction shows here at once; the server gets it when the outbox sends it.
    auto changed = draft.kind == MessageKind::Edit
        ? applyEdit(m.chatId, draft.target, draft.body, draft.sentAt)
        : applyReaction(m.chatId, draft.target, QString(), draft.body, draft.sentAt);
    if (!changed)
        return changed.error();
    queued.changed = changed.value();
    return queued;
}

Result<std::optional<StoredMessage>> MessageStore::applyEdit(qint64 chatId, const LocalRef &target,
                                                             const QString &body, qint64 at)
{
    // Only the sender's own text, in the same chat, not deleted; the latest edit wins.
    auto edited = m_db.execCached(
        QStringLiteral("UPDATE messages SET body = ?, edited_at = ? WHERE sender_user_id = ? AND "
                       "message_id = ? AND chat_id = ? AND kind = 'text' AND deleted_at = 0 AND "
                       "edited_at <= ? RETURNING id"),
        {text(body), at, text(target.senderUserId), target.messageId, chatId, at});
    if (!edited)
        return edited.error();
    QSqlQuery &q = *edited.value();
    if (!q.next())
        return std::optional<StoredMessage>();
    const qint64 row = q.value(0).toLongLong();
    q.finish();
    if (auto removed
        = m_db.runCached(QStringLiteral("DELETE FROM messages_fts WHERE rowid = ?"), {row});
        !removed)
        return removed.error();
    if (auto indexed = index(row, body); !indexed)
        return indexed.error();
    return message(row);
}

Result<std::optional<StoredMessage>> MessageStore::applyReaction(qint64 chatId,
                                                                 const LocalRef &target,
                                                                 const QString &userId,
                                                                 const QString &emoji, qint64 at)
{
    auto found = m_db.execCached(
        QStringLiteral("SELECT id FROM messages WHERE sender_user_id = ? AND message_id = ? AND "
                       "chat_id = ? AND kind IN ('text', 'undecryptable') AND deleted_at = 0"),
        {text(target.senderUserId), target.messageId, chatId});
    if (!found)
        return found.error();
    QSqlQuery &q = *found.value();
    if (!q.next())
        return std::optional<StoredMessage>();
    const qint64 row = q.value(0).toLongLong();
    q.finish();
    // The newest reaction of a person wins, by their clock, also when it takes one back.
    auto applied = emoji.isEmpty()
        ? m_db.runCached(QStringLiteral("DELETE FROM reactions WHERE message_row = ? AND "
                                        "user_id = ? AND at <= ?"),
                         {row, text(userId), at})
        : m_db.runCached(QStringLiteral("INSERT INTO reactions (message_row, user_id, emoji, at) "
                                        "VALUES (?, ?, ?, ?) ON CONFLICT (message_row, user_id) "
                                        "DO UPDATE SET emoji = excluded.emoji, at = excluded.at "
                                        "WHERE excluded.at >= reactions.at"),
                         {row, text(userId), emoji, at});
    if (!applied)
        return applied.error();
    return message(row);
}

Result<std::optional<StoredMessage>> MessageStore::applyDeletion(const InboundDeletion &deletion)
{
    auto deleted = m_db.execCached(
        QStringLiteral("UPDATE messages SET body = '', deleted_at = ?, edited_at = 0 WHERE "
                       "sender_user_id = ? AND message_id = ? AND deleted_at = 0 AND "
                       "kind IN ('text', 'undecryptable') RETURNING id"),
        {deletion.at, text(deletion.message.senderUserId), deletion.message.messageId});
    if (!deleted)
        return deleted.error();
    QSqlQuery &q = *deleted.value();
    if (!q.next())
        return placeholderForDeleted(deletion);
    const qint64 row = q.value(0).toLongLong();
    q.finish();
    for (const QString &sql : {QStringLiteral("DELETE FROM messages_fts WHERE rowid = ?"),
                               QStringLiteral("DELETE FROM reactions WHERE message_row = ?")}) {
        if (auto removed = m_db.runCached(sql, {row}); !removed)
            return removed.error();
    }
    return message(row);
}

Result<std::optional<StoredMessage>>
MessageStore::placeholderForDeleted(const InboundDeletion &deletion)
{
    // A message deleted before this device got it (it was offline) still shows as deleted, in
    // its chat, once: the unique (sender, messageId) keeps it from coming twice.
    if (deletion.serverChatId.isEmpty())
        return std::optional<StoredMessage>();
    auto chat = m_chats.chatByServerId(deletion.serverChatId);
    if (!chat)
        return chat.error();
    if (!chat.value())
        return std::optional<StoredMessage>();
    const bool own = deletion.message.senderUserId.isEmpty();
    auto q
        = m_db.exec(QStringLiteral("INSERT INTO messages (chat_id, message_id, sender_user_id, "
                                   "outgoing, kind, body, sent_at, server_time, stored_at, "
                                   "status, deleted_at) VALUES (?, ?, ?, ?, 'text', '', ?, ?, "
                                   "?, ?, ?) ON CONFLICT (sender_user_id, message_id) DO "
                                   "NOTHING RETURNING id"),
                    {*chat.value(), deletion.message.messageId, text(deletion.message.senderUserId),
                     own, deletion.at, deletion.at, deletion.at,
                     int(own ? MessageStatus::Sent : MessageStatus::Received), deletion.at});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<StoredMessage>();
    const qint64 row = q->value(0).toLongLong();
    q->finish();
    return message(row);
}

Result<StoredMessage> MessageStore::addSystemLine(const QString &peerUserId, const QString &event,
                                                  qint64 now)
{
    return inTransaction(m_db, [&]() -> Result<StoredMessage> {
        auto chatId = m_chats.directChat(peerUserId, now);
        if (!chatId)
            return chatId.error();
        const QString id = QStringLiteral("system-%1-%2")
                               .arg(event, QUuid::createUuid().toString(QUuid::WithoutBraces));
        auto q = m_db.exec(QStringLiteral("INSERT INTO messages (chat_id, message_id, "
                                          "sender_user_id, outgoing, kind, body, sent_at, "
                                          "server_time, stored_at, status) VALUES (?, ?, ?, 0, "
                                          "'system', ?, ?, ?, ?, ?) RETURNING id"),
                           {chatId.value(), id, QStringLiteral("system"), event, now, now, now,
                            int(MessageStatus::Received)});
        if (!q)
            return q.error();
        if (!q->next())
            return Error{protocol::ErrorCode::InternalError, QStringLiteral("no row id")};
        const qint64 row = q->value(0).toLongLong();
        q->finish();
        auto stored = message(row);
        if (!stored)
            return stored.error();
        return *stored.value();
    });
}

Result<QList<QueuedMessage>> MessageStore::addOutgoing(const QList<OutgoingDraft> &drafts,
                                                       qint64 now)
{
    return inTransaction(m_db, [&]() -> Result<QList<QueuedMessage>> {
        QList<QueuedMessage> stored;
        for (const OutgoingDraft &draft : drafts) {
            auto message = insertOutgoing(draft, now);
            if (!message)
                return message.error();
            stored.append(message.value());
        }
        return stored;
    });
}

Result<StoredMessage> MessageStore::addOutgoing(const QString &peerUserId, const QString &messageId,
                                                const QString &body, qint64 sentAt,
                                                const QByteArray &plaintext, qint64 now)
{
    OutgoingDraft draft;
    draft.peerUserId = peerUserId;
    draft.messageId = messageId;
    draft.body = body;
    draft.sentAt = sentAt;
    draft.plaintext = plaintext;
    auto stored = addOutgoing(QList<OutgoingDraft>{draft}, now);
    if (!stored)
        return stored.error();
    return stored->first().message;
}

Result<std::optional<StoredMessage>> MessageStore::insertInbound(const InboundMessage &in,
                                                                 qint64 chatId, qint64 now)
{
    const MessageStatus status = in.outgoing ? MessageStatus::Sent : MessageStatus::Received;
    auto cached = m_db.execCached(
        QStringLiteral("INSERT INTO messages (chat_id, message_id, sender_user_id, "
                       "sender_device_id, outgoing, kind, body, sent_at, server_time, stored_at, "
                       "status, reply_to_id, reply_to_sender) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                       "ON CONFLICT (sender_user_id, message_id) DO NOTHING RETURNING id"),
        {chatId, in.messageId, in.outgoing ? QStringLiteral("") : in.senderUserId,
         text(in.senderDeviceId), in.outgoing, kindName(in.kind), text(in.body), in.sentAt,
         in.serverTime, now, int(status), optionalText(in.replyTo, false),
         optionalText(in.replyTo, true)});
    if (!cached)
        return cached.error();
    QSqlQuery &q = *cached.value();
    if (!q.next())
        return std::optional<StoredMessage>(); // stored before: a replay
    StoredMessage m;
    m.row = q.value(0).toLongLong();
    m.chatId = chatId;
    m.messageId = in.messageId;
    m.senderUserId = in.outgoing ? QString() : in.senderUserId;
    m.senderDeviceId = in.senderDeviceId;
    m.outgoing = in.outgoing;
    m.kind = in.kind;
    m.body = in.body;
    m.sentAt = in.sentAt;
    m.serverTime = in.serverTime;
    m.storedAt = now;
    m.status = status;
    m.replyTo = in.replyTo;
    q.finish();
    if (auto quoted = fillReplyPreview(m); !quoted)
        return quoted.error();
    if (in.kind == MessageKind::Text) {
        if (auto indexed = index(m.row, in.body); !indexed)
            return indexed.error();
    }
    return std::optional<StoredMessage>(m);
}

Result<std::optional<StatusChange>> MessageStore::setStatus(const QString &where,
                                                            std::initializer_list<QVariant> values,
                                                            MessageStatus status)
{
    auto q = m_db.exec(QStringLiteral("UPDATE messages SET status = ? WHERE ") + where
                           + QStringLiteral(" RETURNING id, chat_id, message_id"),
                       [&] {
                           QVariantList all{int(status)};
                           all.append(QVariantList(values));
                           return all;
                       }());
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<StatusChange>();
    return std::optional<StatusChange>(StatusChange{
        q->value(1).toLongLong(), q->value(0).toLongLong(), q->value(2).toString(), status});
}

Result<std::optional<StatusChange>> MessageStore::applyReceipt(const InboundReceipt &receipt)
{
    const bool read = receipt.status == MessageStatus::Read;
    auto recorded = m_db.run(
        QStringLiteral(
            "INSERT INTO receipts (message_row, user_id, delivered_at, read_at) "
            "SELECT id, ?, ?, ? FROM messages WHERE sender_user_id = '' AND message_id = ? "
            "ON CONFLICT (message_row, user_id) DO UPDATE SET "
            "delivered_at = CASE WHEN receipts.delivered_at = 0 "
            "THEN excluded.delivered_at ELSE receipts.delivered_at END, "
            "read_at = MAX(receipts.read_at, excluded.read_at)"),
        {receipt.recipientUserId, receipt.at, read ? receipt.at : 0, receipt.messageId});
    if (!recorded)
        return recorded.error();
    // Ticks only move forward; a Failed message that reached someone was sent after all.
    return setStatus(
        QStringLiteral("sender_user_id = '' AND message_id = ? AND (status < ? OR status = ?)"),
        {receipt.messageId, int(receipt.status), int(MessageStatus::Failed)}, receipt.status);
}

Result<InboxChanges> MessageStore::storeInbox(const QList<InboundMessage> &messages,
                                              const QList<InboundReceipt> &receipts, qint64 cursor,
                                              qint64 now)
{
    return storeInbox(messages, receipts, {}, {}, cursor, now);
}

Result<InboxChanges> MessageStore::storeInbox(const QList<InboundMessage> &messages,
                                              const QList<InboundReceipt> &receipts,
                                              const QList<InboundDeletion> &deletions,
                                              const QList<InboundChatUpdate> &chatUpdates,
                                              qint64 cursor, qint64 now)
{
    sql::Transaction transaction(m_db);
    if (!transaction.ok())
        return transactionFailed();
    InboxChanges changes;
    QHash<QString, qint64> chatOf; // peer -> chat id, for this batch
    struct Activity
    {
        qint64 at = 0;
        int unread = 0;
    };
    QHash<qint64, Activity> activity; // chat id -> what the batch adds
    for (const InboundMessage &message : messages) {
        auto known = chatOf.constFind(message.peerUserId);
        if (known == chatOf.cend()) {
            auto chatId = m_chats.directChat(message.peerUserId, now);
            if (!chatId)
                return chatId.error();
            known = chatOf.insert(message.peerUserId, chatId.value());
            // The first message of a chat this device did not open itself names it.
            if (!message.serverChatId.isEmpty()) {
                if (auto named = m_chats.nameIfUnnamed(chatId.value(), message.serverChatId);
                    !named)
                    return named.error();
            }
        }
        if (message.kind == MessageKind::Edit || message.kind == MessageKind::Reaction) {
            // Changes to another message: applied, never stored as messages of their own.
            const QString reactor = message.outgoing ? QString() : message.senderUserId;
            auto changed = message.kind == MessageKind::Edit
                ? applyEdit(*known, message.target, message.body, message.sentAt)
                : applyReaction(*known, message.target, reactor, message.body, message.sentAt);
            if (!changed)
                return changed.error();
            if (changed.value())
                changes.changed.append(*changed.value());
            continue;
        }
        auto added = insertInbound(message, *known, now);
        if (!added)
            return added.error();
        if (!added.value())
            continue;
        changes.added.append(*added.value());
        Activity &chat = activity[*known];
        chat.at = qMax(chat.at, message.serverTime);
        chat.unread += message.outgoing ? 0 : 1;
    }
    for (auto it = activity.cbegin(); it != activity.cend(); ++it) {
        if (auto touched = m_chats.touch(it.key(), it->at, it->unread); !touched)
            return touched.error();
    }
    for (const InboundReceipt &receipt : receipts) {
        auto changed = applyReceipt(receipt);
        if (!changed)
            return changed.error();
        if (changed.value())
            changes.statuses.append(*changed.value());
    }
    for (const InboundDeletion &deletion : deletions) {
        auto changed = applyDeletion(deletion);
        if (!changed)
            return changed.error();
        if (changed.value())
            changes.changed.append(*changed.value());
    }
    for (const InboundChatUpdate &update : chatUpdates) {
        auto chat = m_chats.applyUpdate(update, now);
        if (!chat)
            return chat.error();
        if (chat.value()) {
            changes.chats.append(*chat.value());
            if (update.removed)
                changes.clearedChats.append(*chat.value());
        }
    }
    // A negative cursor: changes made outside the mailbox (this device's own deletion).
    if (cursor >= 0) {
        if (auto saved = setCursor(cursor); !saved)
            return saved.error();
    }
    if (!transaction.commit())
        return transactionFailed();
    return changes;
}

Result<qint64> MessageStore::cursor()
{
    auto q = m_db.exec(QStringLiteral("SELECT value FROM sync_state WHERE name = ?"), {CursorName});
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toLongLong() : 0;
}

Result<void> MessageStore::setCursor(qint64 seq)
{
    // Never backwards: a late write of an older cursor must not make events replay forever.
    return m_db.run(QStringLiteral("INSERT INTO sync_state (name, value) VALUES (?, ?) "
                                   "ON CONFLICT (name) DO UPDATE SET "
                                   "value = MAX(sync_state.value, excluded.value)"),
                    {CursorName, seq});
}

Result<QList<OutboxItem>> MessageStore::pendingOutbox()
{
    auto q = m_db.exec(QStringLiteral("SELECT o.message_row, m.chat_id, m.message_id, "
                                      "o.recipient_user_id, o.plaintext, o.attempts, m.kind "
                                      "FROM outbox o JOIN messages m ON m.id = o.message_row "
                                      "WHERE o.failed = 0 ORDER BY o.message_row"));
    if (!q)
        return q.error();
    QList<OutboxItem> items;
    while (q->next()) {
        const MessageKind kind = kindFromName(q->value(6).toString());
        items.append({q->value(0).toLongLong(), q->value(1).toLongLong(), q->value(2).toString(),
                      q->value(3).toString(), q->value(4).toByteArray(), q->value(5).toInt(),
                      kind == MessageKind::Edit || kind == MessageKind::Reaction});
    }
    return items;
}

Result<std::optional<StatusChange>> MessageStore::markOneSent(const SentAck &ack)
{
    auto updated = m_db.runCached(QStringLiteral("UPDATE messages SET server_time = ? WHERE "
                                                 "sender_user_id = '' AND message_id = ? AND "
                                                 "server_time = 0"),
                                  {ack.serverTime, ack.messageId});
    if (!updated)
        return updated.error();
    auto changed
        = setStatus(QStringLiteral("sender_user_id = '' AND message_id = ? AND status IN (?, ?)"),
                    {ack.messageId, int(MessageStatus::Pending), int(MessageStatus::Failed)},
                    MessageStatus::Sent);
    if (!changed)
        return changed.error();
    auto removed
        = m_db.runCached(QStringLiteral("DELETE FROM outbox WHERE message_row IN "
                                        "(SELECT id FROM messages WHERE sender_user_id = '' AND "
                                        "message_id = ?)"),
                         {ack.messageId});
    if (!removed)
        return removed.error();
    return changed;
}

Result<QList<StatusChange>> MessageStore::markSent(const QList<SentAck> &acks)
{
    return inTransaction(m_db, [&]() -> Result<QList<StatusChange>> {
        QList<StatusChange> changes;
        for (const SentAck &ack : acks) {
            auto changed = markOneSent(ack);
            if (!changed)
                return changed.error();
            if (changed.value())
                changes.append(*changed.value());
        }
        return changes;
    });
}

Result<std::optional<StatusChange>> MessageStore::markSent(const QString &messageId,
                                                           qint64 serverTime)
{
    auto changes = markSent(QList<SentAck>{{messageId, serverTime}});
    if (!changes)
        return changes.error();
    return changes->isEmpty() ? std::optional<StatusChange>()
                              : std::optional<StatusChange>(changes->first());
}

Result<std::optional<StatusChange>> MessageStore::markFailed(const QString &messageId)
{
    return inTransaction(m_db, [&]() -> Result<std::optional<StatusChange>> {
        auto changed
            = setStatus(QStringLiteral("sender_user_id = '' AND message_id = ? AND status = ?"),
                        {messageId, int(MessageStatus::Pending)}, MessageStatus::Failed);
        if (!changed)
            return changed.error();
        auto flagged
            = m_db.run(QStringLiteral("UPDATE outbox SET failed = 1 WHERE message_row IN "
                                      "(SELECT id FROM messages WHERE sender_user_id = '' AND "
                                      "message_id = ?)"),
                       {messageId});
        if (!flagged)
            return flagged.error();
        return changed;
    });
}

Result<std::optional<StatusChange>> MessageStore::retry(qint64 row)
{
    return inTransaction(m_db, [&]() -> Result<std::optional<StatusChange>> {
        auto flagged = m_db.run(
            QStringLiteral("UPDATE outbox SET failed = 0, attempts = 0 WHERE message_row = ?"),
            {row});
        if (!flagged)
            return flagged.error();
        auto changed = setStatus(QStringLiteral("id = ? AND status = ? AND id IN "
                                                "(SELECT message_row FROM outbox)"),
                                 {row, int(MessageStatus::Failed)}, MessageStatus::Pending);
        if (!changed)
            return changed.error();
        return changed;
    });
}

Result<void> MessageStore::countAttempt(const QString &messageId)
{
    return m_db.run(QStringLiteral("UPDATE outbox SET attempts = attempts + 1 WHERE message_row "
                                   "IN (SELECT id FROM messages WHERE sender_user_id = '' AND "
                                   "message_id = ?)"),
                    {messageId});
}

Result<QList<StoredMessage>> MessageStore::messages(qint64 chatId, qint64 beforeRow, int limit)
{
    auto q = m_db.exec(
        QStringLiteral("SELECT ") + MessageColumns
            + QStringLiteral(" FROM messages m WHERE m.chat_id = ? AND m.id < ? AND m.") + Visible
            + QStringLiteral(" ORDER BY m.id DESC LIMIT ?"),
        {chatId, beforeRow > 0 ? beforeRow : std::numeric_limits<qint64>::max(), limit});
    if (!q)
        return q.error();
    QList<StoredMessage> page;
    while (q->next())
        page.append(readMessage(q.value()));
    return completePage(chatId, std::move(page));
}

Result<QList<StoredMessage>> MessageStore::messagesAfter(qint64 chatId, qint64 afterRow, int limit)
{
    auto q
        = m_db.exec(QStringLiteral("SELECT ") + MessageColumns
                        + QStringLiteral(" FROM messages m WHERE m.chat_id = ? AND m.id > ? AND m.")
                        + Visible + QStringLiteral(" ORDER BY m.id ASC LIMIT ?"),
                    {chatId, afterRow, limit});
    if (!q)
        return q.error();
    QList<StoredMessage> page;
    while (q->next())
        page.prepend(readMessage(q.value()));
    return completePage(chatId, std::move(page));
}

Result<QList<StoredMessage>> MessageStore::completePage(qint64 chatId, QList<StoredMessage> page)
{
    if (page.isEmpty())
        return page;
    for (StoredMessage &message : page) {
        if (auto quoted = fillReplyPreview(message); !quoted)
            return quoted.error();
    }
    // Their reactions, in one query for the page.
    auto reactions = m_db.exec(QStringLiteral("SELECT r.message_row, r.user_id, r.emoji, r.at "
                                              "FROM reactions r JOIN messages m ON m.id = "
                                              "r.message_row WHERE m.chat_id = ? AND m.id "
                                              "BETWEEN ? AND ? ORDER BY r.at"),
                               {chatId, page.constLast().row, page.constFirst().row});
    if (!reactions)
        return reactions.error();
    QHash<qint64, qsizetype> at;
    for (qsizetype i = 0; i < page.size(); ++i)
        at.insert(page.at(i).row, i);
    while (reactions->next()) {
        const auto found = at.constFind(reactions->value(0).toLongLong());
        if (found != at.cend())
            page[*found].reactions.append({reactions->value(1).toString(),
                                           reactions->value(2).toString(),
                                           reactions->value(3).toLongLong()});
    }
    return page;
}

Result<std::optional<StoredMessage>> MessageStore::message(qint64 row)
{
    auto q = m_db.exec(QStringLiteral("SELECT ") + MessageColumns
                           + QStringLiteral(" FROM messages m WHERE m.id = ?"),
                       {row});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<StoredMessage>();
    StoredMessage m = readMessage(q.value());
    q->finish();
    auto reactions = m_db.exec(QStringLiteral("SELECT user_id, emoji, at FROM reactions WHERE "
                                              "message_row = ? ORDER BY at"),
                               {row});
    if (!reactions)
        return reactions.error();
    while (reactions->next())
        m.reactions.append({reactions->value(0).toString(), reactions->value(1).toString(),
                            reactions->value(2).toLongLong()});
    reactions->finish();
    if (auto quoted = fillReplyPreview(m); !quoted)
        return quoted.error();
    return std::optional<StoredMessage>(m);
}

Result<void> MessageStore::fillReplyPreview(StoredMessage &message)
{
    if (!message.replyTo)
        return {};
    auto q = m_db.execCached(
        QStringLiteral("SELECT body FROM messages WHERE chat_id = ? AND "
                       "sender_user_id = ? AND message_id = ? AND ")
            + Visible,
        {message.chatId, text(message.replyTo->senderUserId), message.replyTo->messageId});
    if (!q)
        return q.error();
    QSqlQuery &found = *q.value();
    if (found.next())
        message.replyPreview = found.value(0).toString();
    found.finish();
    return {};
}

Result<std::optional<StoredMessage>> MessageStore::messageByRef(const LocalRef &ref)
{
    auto q = m_db.exec(QStringLiteral("SELECT id FROM messages WHERE sender_user_id = ? AND "
                                      "message_id = ? AND ")
                           + Visible,
                       {text(ref.senderUserId), ref.messageId});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<StoredMessage>();
    return message(q->value(0).toLongLong());
}

Result<std::optional<StoredMessage>> MessageStore::messageInChat(qint64 chatId,
                                                                 const QString &messageId)
{
    auto q = m_db.exec(QStringLiteral("SELECT id FROM messages WHERE chat_id = ? AND "
                                      "message_id = ? AND ")
                           + Visible + QStringLiteral(" ORDER BY sender_user_id LIMIT 1"),
                       {chatId, messageId});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<StoredMessage>();
    return message(q->value(0).toLongLong());
}

Result<std::optional<qint64>> MessageStore::removeLocally(qint64 row)
{
    return inTransaction(m_db, [&]() -> Result<std::optional<qint64>> {
        auto q
            = m_db.exec(QStringLiteral("SELECT chat_id FROM messages WHERE id = ? AND ") + Visible
                            + QStringLiteral(" AND id NOT IN (SELECT message_row FROM outbox)"),
                        {row});
        if (!q)
            return q.error();
        if (!q->next())
            return std::optional<qint64>();
        const qint64 chatId = q->value(0).toLongLong();
        q->finish();
        for (const QString &sql : {QStringLiteral("DELETE FROM messages_fts WHERE rowid = ?"),
                                   QStringLiteral("DELETE FROM reactions WHERE message_row = ?"),
                                   QStringLiteral("DELETE FROM receipts WHERE message_row = ?"),
                                   QStringLiteral("DELETE FROM messages WHERE id = ?")}) {
            if (auto removed = m_db.run(sql, {row}); !removed)
                return removed.error();
        }
        return std::optional<qint64>(chatId);
    });
}

Result<QList<SearchHit>> MessageStore::search(const QString &query, int limit)
{
    const QString match = TextIndex::matchExpression(query);
    if (match.isEmpty())
        return QList<SearchHit>();
    auto q = m_db.exec(QStringLiteral("SELECT ") + MessageColumns
                           + QStringLiteral(", c.peer_user_id, c.title, c.peer_phone "
                                            "FROM messages_fts f "
                                            "JOIN messages m ON m.id = f.rowid "
                                            "JOIN chats c ON c.id = m.chat_id "
                                            "WHERE messages_fts MATCH ? "
                                            "ORDER BY f.rowid DESC LIMIT ?"),
                       {match, limit});
    if (!q)
        return q.error();
    QList<SearchHit> hits;
    while (q->next()) {
        const QString peer = q->value(MessageColumnCount).toString();
        const QString title = q->value(MessageColumnCount + 1).toString();
        const QString phone = q->value(MessageColumnCount + 2).toString();
        hits.append({readMessage(q.value()), peer,
                     !title.isEmpty()       ? title
                         : !phone.isEmpty() ? phone
                                            : peer});
    }
    return hits;
}

} // namespace parley::store
