#include "core/crypto/MessageCipher.h"

#include "core/crypto/Sodium.h"

#include <sodium.h>

namespace parley::crypto {

namespace {

const unsigned char *bytes(const QByteArray &data)
{
    return reinterpret_cast<const unsigned char *>(data.constData());
}

unsigned char *bytes(QByteArray &data)
{
    return reinterpret_cast<unsigned char *>(data.data());
}

} // namespace

SealedBox MessageCipher::seal(const QByteArray &plaintext, const QByteArray &recipientPublicKey,
                              const QByteArray &senderSecretKey)
{
    ensureSodium();
    Q_ASSERT(recipientPublicKey.size() == crypto_box_PUBLICKEYBYTES);
    Q_ASSERT(senderSecretKey.size() == crypto_box_SECRETKEYBYTES);
    SealedBox box;
    box.nonce.resize(crypto_box_NONCEBYTES);
    randombytes_buf(bytes(box.nonce), size_t(box.nonce.size()));
    box.ciphertext.resize(plaintext.size() + crypto_box_MACBYTES);
    if (crypto_box_easy(bytes(box.ciphertext), bytes(plaintext), size_t(plaintext.size()),
                        bytes(box.nonce), bytes(recipientPublicKey), bytes(senderSecretKey))
        != 0) {
        return {};
    }
    return box;
}

std::optional<QByteArray> MessageCipher::open(const QByteArray &nonce, const QByteArray &ciphertext,
                                              const QByteArray &senderPublicKey,
                                              const QByteArray &recipientSecretKey)
{
    ensureSodium();
    if (nonce.size() != crypto_box_NONCEBYTES || ciphertext.size() < qsizetype(crypto_box_MACBYTES)
        || senderPublicKey.size() != crypto_box_PUBLICKEYBYTES
        || recipientSecretKey.size() != crypto_box_SECRETKEYBYTES) {
        return std::nullopt;
    }
    QByteArray plaintext(ciphertext.size() - qsizetype(crypto_box_MACBYTES), Qt::Uninitialized);
    if (crypto_box_open_easy(bytes(plaintext), bytes(ciphertext), size_t(ciphertext.size()),
                             bytes(nonce), bytes(senderPublicKey), bytes(recipientSecretKey))
        != 0) {
        return std::nullopt;
    }
    return plaintext;
}

} // namespace parley::crypto
