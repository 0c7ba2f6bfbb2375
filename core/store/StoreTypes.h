#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace parley::store {

// Where a message stands, from this device's point of view. Outgoing messages move up from
// Pending (and never back); Failed ones go back to Pending when retried.
enum class MessageStatus : int {
    Pending = 0, // in the outbox, not yet acked by the server
    Sent = 1, // the server has it (one tick)
    Delivered = 2, // a device of the recipient has it (two ticks)
    Read = 3, // the recipient has read it (two ticks in colour)
    Failed = 4, // the server refused it; the user may retry
    Received = 5, // an incoming message
};

// The name of a status where it is shown to scripts (parley-cli --json).
inline QLatin1String statusName(MessageStatus status)
{
    switch (status) {
    case MessageStatus::Pending:
        return QLatin1String("pending");
    case MessageStatus::Sent:
        return QLatin1String("sent");
    case MessageStatus::Delivered:
        return QLatin1String("delivered");
    case MessageStatus::Read:
        return QLatin1String("read");
    case MessageStatus::Failed:
        return QLatin1String("failed");
    case MessageStatus::Received:
        return QLatin1String("received");
    }
    return QLatin1String("unknown");
}

enum class MessageKind { Text, Undecryptable };

struct StoredMessage
{
    qint64 row = 0; // local order within the store
    qint64 chatId = 0;
    QString messageId;
    QString senderUserId;
    QString senderDeviceId;
    bool outgoing = false;
    MessageKind kind = MessageKind::Text;
    QString body;
    qint64 sentAt = 0; // the sender's clock, from inside the box (0: none given)
    qint64 serverTime = 0; // when the server stored it
    qint64 storedAt = 0; // when this device stored it
    MessageStatus status = MessageStatus::Pending;
};

struct ChatSummary
{
    qint64 id = 0;
    QString peerUserId;
    QString peerPhone;
    QString title;
    qint64 lastActivity = 0;
    int unreadCount = 0;
    bool pinned = false;
    bool archived = false;
    qint64 mutedUntil = 0;
    std::optional<StoredMessage> lastMessage;
};

// A message to store, as the mailbox delivered and the cipher opened it.
struct InboundMessage
{
    QString messageId;
    QString senderUserId;
    QString senderDeviceId;
    QString peerUserId; // the conversation: the sender, or for a copy of our own, its recipient
    QString serverChatId; // the chat the server filed it in (empty in events from before chats)
    bool outgoing = false; // a copy of a message sent from another device of this account
    MessageKind kind = MessageKind::Text;
    QString body;
    qint64 sentAt = 0;
    qint64 serverTime = 0;
};

// A delivery or read receipt for a message this account sent.
struct InboundReceipt
{
    QString messageId;
    QString recipientUserId;
    MessageStatus status = MessageStatus::Delivered; // Delivered or Read
    qint64 at = 0;
};

struct StatusChange
{
    qint64 chatId = 0;
    qint64 row = 0;
    QString messageId;
    MessageStatus status = MessageStatus::Pending;
};

// What one stored batch of mailbox events changed.
struct InboxChanges
{
    QList<StoredMessage> added; // new messages (a replayed one is not added twice)
    QList<StatusChange> statuses;
};

// A message written on this device, to store with its outbox entry.
struct OutgoingDraft
{
    QString peerUserId;
    QString messageId;
    QString body;
    qint64 sentAt = 0;
    QByteArray plaintext; // the exact bytes every attempt seals
};

// The server's ack of one sent message.
struct SentAck
{
    QString messageId;
    qint64 serverTime = 0;
};

struct OutboxItem
{
    qint64 row = 0;
    qint64 chatId = 0;
    QString messageId;
    QString recipientUserId;
    QByteArray plaintext;
    int attempts = 0;
};

struct SearchHit
{
    StoredMessage message;
    QString peerUserId;
};

} // namespace parley::store

Q_DECLARE_METATYPE(parley::store::StoredMessage)
Q_DECLARE_METATYPE(parley::store::StatusChange)
