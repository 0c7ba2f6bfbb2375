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

// What a stored message is. Text and Undecryptable come from senders; System lines are this
// device's own notes in a chat ("security code changed"), with the event name as their body.
// Edits and reactions this device sends are kept as hidden rows while the outbox holds them,
// and never listed.
enum class MessageKind { Text, Undecryptable, System, Edit, Reaction };

// System line bodies.
inline constexpr char SecurityCodeChanged[] = "security_code_changed";
// The user marked the other person's safety number as verified, or cleared that.
inline constexpr char MarkedVerified[] = "marked_verified";
inline constexpr char MarkedUnverified[] = "marked_unverified";

// One person's reaction; an empty userId is this account's.
struct Reaction
{
    QString userId;
    QString emoji;
    qint64 at = 0;

    friend bool operator==(const Reaction &, const Reaction &) = default;
};

// A message as a chat names it: its id and sender, the sender empty for this account's own.
struct LocalRef
{
    QString messageId;
    QString senderUserId;

    friend bool operator==(const LocalRef &, const LocalRef &) = default;
};

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
    std::optional<LocalRef> replyTo; // the message this one quotes
    // The quoted message's text as stored now ("" when it was deleted); nothing when this device
    // does not have it. Filled by MessageStore::messages() and message().
    std::optional<QString> replyPreview;
    qint64 editedAt = 0; // the sender's clock at the last edit; 0: never edited
    qint64 deletedAt = 0; // deleted for everyone (body empty); 0: not deleted
    QList<Reaction> reactions; // one per person, oldest first
};

// Another user as their card says (docs/protocol.md 4.28).
struct PeerCard
{
    QString userId;
    QString displayName;
    QString about;
    QString phoneNumber; // empty when not shown
};

struct ChatSummary
{
    qint64 id = 0;
    QString peerUserId;
    QString peerPhone;
    QString title; // direct chats: the other person's name, from their card
    QString peerAbout;
    qint64 lastActivity = 0;
    int unreadCount = 0;
    bool pinned = false;
    bool archived = false;
    qint64 mutedUntil = 0;
    QString serverChatId; // empty until known
    qint64 cardFetchedAt = 0; // when the other person's card was last read; 0: never
    std::optional<StoredMessage> lastMessage;

    // What the chat is called on screen: its title, else the number, else the user id.
    QString displayTitle() const
    {
        return !title.isEmpty() ? title : !peerPhone.isEmpty() ? peerPhone : peerUserId;
    }
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
    MessageKind kind = MessageKind::Text; // Text, Undecryptable, Edit or Reaction
    QString body; // Text: the text; Edit: the new text; Reaction: the emoji ("" takes it back)
    qint64 sentAt = 0;
    qint64 serverTime = 0;
    std::optional<LocalRef> replyTo; // Text: the message quoted
    LocalRef target; // Edit, Reaction: the message changed
};

// A message its sender deleted for everyone (docs/protocol.md 6.5, message:deleted).
struct InboundDeletion
{
    LocalRef message;
    qint64 at = 0;
    QString serverChatId; // where a message this device never had shows as deleted
};

// Another device of this account changed its view of a chat (chat:updated).
struct InboundChatUpdate
{
    QString serverChatId;
    QString peerUserId;
    bool pinned = false;
    bool archived = false;
    qint64 mutedUntil = 0;
    bool removed = false; // deleted for this account: its history goes
    bool readAll = false; // everything up to now is read
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
    QList<StoredMessage> changed; // edited, reacted to or deleted for everyone, as they are now
    QList<qint64> chats; // chats whose settings or history another device changed
    QList<qint64> clearedChats; // of those, the ones whose history another device deleted
};

// A message written on this device, to store with its outbox entry.
struct OutgoingDraft
{
    QString peerUserId;
    QString messageId;
    QString body; // Text: the text; Edit: the new text; Reaction: the emoji
    qint64 sentAt = 0;
    QByteArray plaintext; // the exact bytes every attempt seals
    MessageKind kind = MessageKind::Text; // Text, Edit or Reaction
    std::optional<LocalRef> replyTo; // Text: the message quoted
    LocalRef target; // Edit, Reaction: applied here at once, in the same transaction
};

// A message this device wrote, as stored: for an edit or a reaction the hidden outbox row and
// the message it changed.
struct QueuedMessage
{
    StoredMessage message;
    std::optional<StoredMessage> changed;
};

// A message read here whose message:read receipt still has to reach the server.
struct PendingRead
{
    qint64 row = 0;
    LocalRef message;
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
    bool silent = false; // an edit or a reaction (docs/protocol.md 6.5)
};

struct SearchHit
{
    StoredMessage message;
    QString peerUserId;
    QString chatTitle; // the chat's name, else the other person's number, else their id
};

} // namespace parley::store

Q_DECLARE_METATYPE(parley::store::StoredMessage)
Q_DECLARE_METATYPE(parley::store::StatusChange)
