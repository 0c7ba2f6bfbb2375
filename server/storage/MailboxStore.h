#pragma once

#include "core/protocol/Result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace parley::sql {
class Database;
}

namespace parley::server {

struct StoredMessage
{
    QString senderUserId;
    QString messageId;
    QString senderDeviceId;
    QString recipientUserId;
    qint64 serverTime = 0;
    QString chatId; // empty for messages stored before chats existed
    bool silent = false;
    qint64 deletedAt = 0; // deleted for everyone at; 0: not deleted
};

// One event waiting in a device's mailbox: a frame type and its data without "seq".
struct MailboxEvent
{
    qint64 seq = 0;
    QString type;
    QJsonObject data;
};

// Messages (metadata only: the ciphertext lives in the mailbox events), per-device mailboxes
// with gap-free sequence numbers, and delivery/read receipts.
class MailboxStore
{
public:
    explicit MailboxStore(sql::Database &db);

    protocol::Result<std::optional<StoredMessage>> message(const QString &senderUserId,
                                                           const QString &messageId);
    protocol::Result<void> insertMessage(const StoredMessage &message);

    // Appends an event and returns its seq. Call inside a transaction: the seq counter and the
    // event are written together or not at all. A message:receive event names its message.
    protocol::Result<qint64> append(const QString &deviceId, const QString &type,
                                    const QJsonObject &data,
                                    const StoredMessage *message = nullptr);
    // Whether the device was sent a copy of the message.
    protocol::Result<bool> isAddressedTo(const QString &deviceId, const QString &senderUserId,
                                         const QString &messageId);
    protocol::Result<QList<MailboxEvent>> eventsAfter(const QString &deviceId, qint64 after,
                                                      int limit);
    // The device's message events of one chat before `beforeSeq` (0: from the newest), newest
    // first, appended after `since`.
    protocol::Result<QList<MailboxEvent>> chatHistory(const QString &deviceId,
                                                      const QString &chatId, qint64 beforeSeq,
                                                      qint64 since, int limit);

    // Delete for everyone: marks the message and replaces every stored copy of it (its
    // envelopes, in the mailboxes of the given users' devices) with the tombstone, so the
    // server keeps no ciphertext of it. Call inside a transaction.
    protocol::Result<void> eraseMessage(const StoredMessage &message, const QStringList &userIds,
                                        const QString &tombstoneType, const QJsonObject &tombstone,
                                        qint64 at);

    // The `after` of a device's first sync on a connection: what it has handled for sure.
    protocol::Result<void> noteHandled(const QString &deviceId, qint64 seq);
    // The last seq removed from the device's mailbox (0: none).
    protocol::Result<qint64> prunedThrough(const QString &deviceId);

    struct Pruned
    {
        int events = 0;
        int messages = 0;
        int receipts = 0;
    };
    // Retention (docs/protocol.md 6.6): removes events appended before `cutoff` that their
    // device has handled, message and receipt records from before `cutoff`, and the whole
    // mailbox of every removed device. Events a device has not handled are kept.
    protocol::Result<Pruned> prune(qint64 cutoff);
    // Only the mailboxes of removed devices (retention off).
    protocol::Result<int> pruneRemovedDevices();

    // Returns false when this receipt was recorded before (a repeated ack).
    protocol::Result<bool> insertReceipt(const QString &senderUserId, const QString &messageId,
                                         const QString &deviceId, const QString &kind, qint64 at);

private:
    // Removes the device's events up to `upTo` and marks them removed, in one transaction.
    protocol::Result<int> removeUpTo(const QString &deviceId, qint64 upTo);

    sql::Database &m_db;
};

} // namespace parley::server
