#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace parley::sync {

// What is inside an envelope before encryption (docs/protocol.md, "Plaintext"): UTF-8 JSON
// {"v":1,"messageId":"...","type":"text","text":"...","sentAt":<ms>}. The message id is repeated
// inside the box so that the server cannot replay a ciphertext under another id.
struct MessageContent
{
    // UTF-16 code units, as JavaScript's String.length counts them.
    static constexpr qsizetype MaxTextLength = 16 * 1024;

    QString messageId;
    QString text;
    qint64 sentAt = 0;

    QByteArray encode() const;
    static std::optional<MessageContent> decode(const QByteArray &plaintext);
};

} // namespace parley::sync
