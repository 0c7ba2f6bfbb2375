#pragma once

#include "core/protocol/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

// Payloads (the "data" object) of the message frames, docs/protocol.md "WebSocket frames".
// Ids are opaque strings of 1..64 printable characters; binary fields are standard base64.
namespace parley::protocol {

// One copy of a message, boxed for one device with crypto_box_easy (docs/protocol.md,
// "Encryption envelope").
struct Envelope
{
    QString deviceId;
    QByteArray nonce; // 24 bytes
    QByteArray ciphertext; // MAC (16 bytes) followed by the encrypted plaintext

    QJsonObject toJson() const;
    static Result<Envelope> fromJson(const QJsonObject &json);
};

// Client -> server "message:send".
struct MessageSend
{
    QString messageId; // chosen by the client, unique per sender; a resend reuses it
    QString chatId;
    QList<Envelope> envelopes;
    // Not a new message for the unread count and notifications: an edit or a reaction.
    bool silent = false;

    QJsonObject toJson() const;
    static Result<MessageSend> fromJson(const QJsonObject &json);
};

// Ack data of "message:send".
struct MessageAccepted
{
    QString messageId;
    qint64 serverTime = 0; // ms since the Unix epoch when the server first stored it

    QJsonObject toJson() const;
    static Result<MessageAccepted> fromJson(const QJsonObject &json);
};

// Server -> client "message:receive": the envelope addressed to the receiving device.
struct MessageReceive
{
    qint64 seq = 0;
    QString messageId;
    QString senderUserId;
    QString senderDeviceId;
    // Whom the message is for: the receiving user, or another user when this is a copy for one
    // of the sender's own other devices.
    QString recipientUserId;
    QString chatId; // empty only in events stored before chats existed
    qint64 serverTime = 0;
    QByteArray nonce;
    QByteArray ciphertext;
    bool silent = false;

    QJsonObject toJson() const;
    static Result<MessageReceive> fromJson(const QJsonObject &json);
};

// Client -> server "message:delivered" / "message:read": the recipient acknowledges a message.
struct ReceiptRequest
{
    QString messageId;
    QString senderUserId;

    QJsonObject toJson() const;
    static Result<ReceiptRequest> fromJson(const QJsonObject &json);
};

// Server -> client "message:delivered" / "message:read": one recipient device got or read it.
struct ReceiptEvent
{
    qint64 seq = 0;
    QString messageId;
    QString recipientUserId;
    QString recipientDeviceId;
    qint64 at = 0; // ms since the Unix epoch

    QJsonObject toJson() const;
    static Result<ReceiptEvent> fromJson(const QJsonObject &json);
};

// Every mailbox event carries its "seq" in its data (docs/protocol.md 6.6). The server stores an
// event without it, because the seq is only known once the event is appended, and adds it when
// it sends the event.
QJsonObject withSeq(QJsonObject eventData, qint64 seq);
QJsonObject withoutSeq(QJsonObject eventData);

// Ack data of "ping".
struct PingAnswer
{
    qint64 serverTime = 0; // the server's clock, ms since the Unix epoch

    QJsonObject toJson() const;
    static Result<PingAnswer> fromJson(const QJsonObject &json);
};

// Client -> server "sync": replay every mailbox event after `after`, then go live.
struct SyncRequest
{
    qint64 after = 0;

    QJsonObject toJson() const;
    static Result<SyncRequest> fromJson(const QJsonObject &json);
};

// Ack data of "sync".
struct SyncDone
{
    qint64 lastSeq = 0; // the last seq sent in this page, or "after" when none
    bool hasMore = false; // another sync from lastSeq is needed before events arrive live

    QJsonObject toJson() const;
    static Result<SyncDone> fromJson(const QJsonObject &json);
};

} // namespace parley::protocol

namespace parley::protocol {

// The mailbox seq of an event's data (docs/protocol.md 6.6); 0 when it has none.
qint64 eventSeq(const QJsonObject &data);

} // namespace parley::protocol
