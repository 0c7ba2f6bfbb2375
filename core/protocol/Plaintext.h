#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace parley::protocol {

// A message as its sender names it: (sender user, messageId).
struct MessageRef
{
    QString messageId;
    QString senderUserId;

    friend bool operator==(const MessageRef &, const MessageRef &) = default;
};

// What is inside an envelope before encryption (docs/protocol.md 7.3): one UTF-8 JSON object
// with "v":1, the messageId, the conversation (recipientUserId), "sentAt" and a type:
// - "text": {"text", optional "replyTo":{"messageId","senderUserId"}} — a message, or a reply
//   quoting one;
// - "edit": {"target":"<messageId>","text"} — new text for one of the sender's own messages;
// - "reaction": {"target":{"messageId","senderUserId"},"emoji"} — the sender's one reaction to
//   a message, "" to take it back.
// The message id is repeated inside the box so that the server cannot replay a ciphertext under
// another id, and the conversation so that it cannot file a copy in another conversation: the
// receiver checks both against the routing fields. The server sees none of this.
struct MessageContent
{
    static constexpr int Version = 1;
    // UTF-16 code units, as JavaScript's String.length counts them.
    static constexpr qsizetype MaxTextLength = 16 * 1024;
    // A reaction is one emoji, which may be a sequence of several code points.
    static constexpr qsizetype MaxEmojiLength = 32;

    enum class Type { Text, Edit, Reaction };

    MessageContent() = default;
    // A text message.
    MessageContent(QString messageId, QString recipientUserId, QString text, qint64 sentAt)
        : messageId(std::move(messageId))
        , recipientUserId(std::move(recipientUserId))
        , text(std::move(text))
        , sentAt(sentAt)
    { }

    QString messageId;
    QString recipientUserId;
    QString text; // Text: the message; Edit: the new text
    qint64 sentAt = 0; // 0 when the sender sent none: show the server time instead
    Type type = Type::Text;
    std::optional<MessageRef> replyTo; // Text: the message quoted
    MessageRef target; // Edit: the sender's own message (senderUserId unused); Reaction: any
    QString emoji; // Reaction: one emoji, or empty to take the reaction back

    // Edits and reactions change another message: they are sent silent (docs/protocol.md 6.5).
    bool changesAnotherMessage() const { return type != Type::Text; }

    QByteArray encode() const;
    // Nothing when the bytes are not a v1 plaintext of a known type: invalid UTF-8, not a JSON
    // object, v other than 1, another type, or a required field missing or out of range (a
    // reaction's emoji must be one emoji). Unknown fields are ignored (newer senders may add
    // some).
    static std::optional<MessageContent> decode(const QByteArray &plaintext);
};

// Exactly one emoji (docs/protocol.md 7.3): one grapheme cluster of at most MaxEmojiLength
// UTF-16 units that starts with a pictographic symbol (Unicode category So), a code point of the
// emoji blocks U+1F000..U+1FAFF, a regional indicator (flags), a keycap (0-9, # or * followed by
// U+FE0F U+20E3), or any character followed by U+FE0F (emoji presentation).
bool isSingleEmoji(const QString &text);

} // namespace parley::protocol
