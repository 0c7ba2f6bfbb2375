#pragma once

#include <QByteArray>

#include <optional>

namespace parley::crypto {

struct SealedBox
{
    QByteArray nonce; // 24 random bytes, fresh for every box
    QByteArray ciphertext; // crypto_box_easy output: 16-byte MAC, then the encrypted bytes
};

// Public-key authenticated encryption of one message for one device (NaCl crypto_box:
// X25519 + XSalsa20-Poly1305), byte-compatible with TweetNaCl's nacl.box.
class MessageCipher
{
public:
    static SealedBox seal(const QByteArray &plaintext, const QByteArray &recipientPublicKey,
                          const QByteArray &senderSecretKey);
    // Returns nothing when the box was altered, or was not made by the holder of
    // senderPublicKey for recipientSecretKey.
    static std::optional<QByteArray> open(const QByteArray &nonce, const QByteArray &ciphertext,
                                          const QByteArray &senderPublicKey,
                                          const QByteArray &recipientSecretKey);
};

} // namespace parley::crypto
