#include "core/sync/Envelopes.h"

#include "core/crypto/MessageCipher.h"
#include "core/protocol/Limits.h"

#include <QSet>

namespace parley::sync {

using namespace protocol;

QList<Envelope> sealForDevices(const QByteArray &plaintext, const DeviceKeyList &recipient,
                               const DeviceKeyList &own, const QString &ownDeviceId,
                               const QByteArray &secretKey)
{
    QList<Envelope> envelopes;
    QSet<QString> sealed{ownDeviceId};
    for (const DeviceKeyList *list : {&recipient, &own}) {
        for (const DeviceKey &device : list->devices) {
            if (envelopes.size() == limits::MaxEnvelopes)
                return envelopes;
            if (sealed.contains(device.deviceId))
                continue;
            sealed.insert(device.deviceId);
            const crypto::SealedBox box
                = crypto::MessageCipher::seal(plaintext, device.publicKey, secretKey);
            envelopes.append({device.deviceId, box.nonce, box.ciphertext});
        }
    }
    return envelopes;
}

std::optional<MessageContent> openMessage(const MessageReceive &message,
                                          const QByteArray &senderPublicKey,
                                          const QByteArray &secretKey, const QString &ownUserId)
{
    const auto plaintext = crypto::MessageCipher::open(message.nonce, message.ciphertext,
                                                       senderPublicKey, secretKey);
    if (!plaintext)
        return std::nullopt;
    auto content = MessageContent::decode(*plaintext);
    if (!content || content->messageId != message.messageId)
        return std::nullopt;
    const bool ownCopy = message.senderUserId == ownUserId;
    const QString expectedConversation = ownCopy ? message.recipientUserId : ownUserId;
    if (content->recipientUserId != expectedConversation)
        return std::nullopt;
    return content;
}

} // namespace parley::sync
