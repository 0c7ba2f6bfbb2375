#pragma once

#include "core/protocol/MessagePayloads.h"
#include "core/protocol/Plaintext.h"
#include "core/protocol/RestPayloads.h"

#include <QByteArray>
#include <QList>

#include <optional>

namespace parley::sync {

// Pure functions between plaintexts and envelopes (docs/protocol.md 7): no I/O, no state.

// One envelope per device (crypto_box_easy, a fresh nonce each): the recipient's devices first,
// then this account's other devices, skipping this device and repeats, at most
// limits::MaxEnvelopes (copies for our own devices are the optional ones).
QList<protocol::Envelope> sealForDevices(const QByteArray &plaintext,
                                         const protocol::DeviceKeyList &recipient,
                                         const protocol::DeviceKeyList &own,
                                         const QString &ownDeviceId, const QByteArray &secretKey);

// Opens an incoming message and checks it against its routing: the message id inside must be
// the event's, and the conversation inside must be the one the server filed it under (our own
// user for a message to us; for a copy of a message sent from another of our devices, the
// recipient named in the event). Nothing when any of it fails: the message is undecryptable.
std::optional<protocol::MessageContent> openMessage(const protocol::MessageReceive &message,
                                                    const QByteArray &senderPublicKey,
                                                    const QByteArray &secretKey,
                                                    const QString &ownUserId);

} // namespace parley::sync
