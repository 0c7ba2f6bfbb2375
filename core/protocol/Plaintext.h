#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace parley::protocol {

// What is inside an envelope before encryption (docs/protocol.md 7.3): UTF-8 JSON
// {"messageId":"...","recipientUserId":"...","sentAt":<ms>,"text":"...","type":"text","v":1}.
// The message id is repeated inside the box so that the server cannot replay a ciphertext under
// another id, and the conversation (the user the message is addressed to) so that it cannot
// file a copy in another conversation: the receiver checks both against the routing fields.
struct MessageContent
{
    static constexpr int Version = 1;
    // UTF-16 code units, as JavaScript's String.length counts them.
    static constexpr qsizetype MaxTextLength = 16 * 1024;

    QString messageId;
    QString recipientUserId;
    QString text;
    qint64 sentAt = 0; // 0 when the sender sent none: show the server time instead

    QByteArray encode() const;
    // Nothing when the bytes are not a v1 text plaintext: invalid UTF-8, not a JSON object, v
    // other than 1, a type other than "text", or a required field missing or out of range.
    // Unknown fields are ignored (newer senders may add some).
    static std::optional<MessageContent> decode(const QByteArray &plaintext);
};

} // namespace parley::protocol
