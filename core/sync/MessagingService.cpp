#include "core/sync/MessagingService.h"

#include "core/account/SessionKeeper.h"
#include "core/crypto/MessageCipher.h"
#include "core/net/ApiClient.h"
#include "core/net/SyncSocket.h"
#include "core/protocol/Limits.h"
#include "core/protocol/MessagePayloads.h"
#include "core/sync/MessageContent.h"

#include <QDateTime>
#include <QUuid>

namespace parley::sync {

using namespace protocol;

namespace {
// A device list that changed under us twice in a row is not a race any more.
constexpr int MaxDeviceMismatches = 3;
// Pause before reading the mailbox again after a failure, so a failing server is not hammered.
constexpr int ResyncDelayMs = 1000;

const DeviceKey *findDevice(const DeviceKeyList &list, const QString &deviceId)
{
    for (const DeviceKey &device : list.devices) {
        if (device.deviceId == deviceId)
            return &device;
    }
    return nullptr;
}
} // namespace

MessagingService::MessagingService(Session session, crypto::DeviceKeyPair deviceKeys,
                                   net::ApiClient &api, net::SyncSocket &socket, QObject *parent)
    : QObject(parent)
    , m_session(std::move(session))
    , m_deviceKeys(std::move(deviceKeys))
    , m_api(api)
    , m_socket(socket)
{
    connect(&m_socket, &net::SyncSocket::connected, this, &MessagingService::onConnected);
    connect(&m_socket, &net::SyncSocket::disconnected, this, &MessagingService::onDisconnected);
    connect(&m_socket, &net::SyncSocket::eventReceived, this, &MessagingService::onEvent);
    connect(&m_socket, &net::SyncSocket::unknownEventReceived, this, [this](qint64 seq) {
        // Handled by skipping it, in its place in the sequence (docs/protocol.md 1.6).
        onEvent(Frame::event(FrameType::Ack, {{QLatin1String("seq"), double(seq)}}));
    });
    m_resyncTimer.setSingleShot(true);
    m_resyncTimer.setInterval(ResyncDelayMs);
    connect(&m_resyncTimer, &QTimer::timeout, this, &MessagingService::resync);
}

void MessagingService::start()
{
    m_api.setAccessToken(m_session.accessToken);
    m_socket.open(m_session.serverUrl, m_session.accessToken);
}

void MessagingService::setAccessToken(const QString &accessToken)
{
    m_session.accessToken = accessToken;
    m_api.setAccessToken(accessToken);
    m_socket.setAccessToken(accessToken);
}

void MessagingService::followSession(SessionKeeper &keeper)
{
    connect(&keeper, &SessionKeeper::sessionRefreshed, this,
            [this](const Session &session) { setAccessToken(session.accessToken); });
    connect(&m_socket, &net::SyncSocket::accessTokenExpired, &keeper, &SessionKeeper::refreshNow);
    connect(&keeper, &SessionKeeper::sessionEnded, this, &MessagingService::stop);
}

void MessagingService::stop()
{
    m_socket.close();
}

void MessagingService::setSynced(bool synced)
{
    if (m_synced == synced)
        return;
    m_synced = synced;
    Q_EMIT syncedChanged(synced);
}

void MessagingService::onConnected()
{
    m_syncCursor = m_lastQueuedSeq;
    requestSync();
}

void MessagingService::scheduleResync()
{
    // Something between the last handled event and now was not handled (a failed request, a
    // gap in seq): read the mailbox again from there rather than skip anything.
    if (!m_resyncTimer.isActive())
        m_resyncTimer.start();
}

void MessagingService::resync()
{
    if (!m_socket.isConnected())
        return; // the reconnect syncs
    m_syncCursor = m_lastQueuedSeq;
    requestSync();
}

void MessagingService::onDisconnected()
{
    setSynced(false);
}

void MessagingService::requestSync()
{
    m_socket.request(FrameType::Sync, SyncRequest{m_syncCursor}.toJson(),
                     [this](Result<QJsonObject> answer) {
                         if (!answer && answer.error().code == ErrorCode::NetworkError)
                             return; // the reconnect syncs again
                         auto done = answer ? SyncDone::fromJson(answer.value())
                                            : Result<SyncDone>(answer.error());
                         if (!done) {
                             qWarning().noquote() << "sync failed:" << done.error().message;
                             scheduleResync();
                             return;
                         }
                         m_syncCursor = done.value().lastSeq;
                         if (done.value().hasMore) {
                             requestSync();
                             return;
                         }
                         setSynced(true);
                         flushOutbox();
                     });
}

QString MessagingService::sendText(const QString &recipientUserId, const QString &text)
{
    const QString messageId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const MessageContent content{messageId, text, QDateTime::currentMSecsSinceEpoch()};
    const QByteArray plaintext = content.encode();
    if (text.isEmpty() || text.size() > MessageContent::MaxTextLength
        || plaintext.size() > limits::MaxPlaintextBytes) {
        // Reported after returning, like every other outcome, so callers handle one path.
        const Error error = text.isEmpty()
            ? Error{ErrorCode::InvalidField, tr("An empty message cannot be sent.")}
            : Error{ErrorCode::PayloadTooLarge,
                    tr("The message is too long (at most %1 characters).")
                        .arg(MessageContent::MaxTextLength)};
        QMetaObject::invokeMethod(
            this, [this, messageId, error] { Q_EMIT sendFailed(messageId, error); },
            Qt::QueuedConnection);
        return messageId;
    }
    m_outbox.enqueue({messageId, recipientUserId, plaintext, 0});
    flushOutbox();
    return messageId;
}

void MessagingService::findUserByPhone(const QString &phoneNumber,
                                       std::function<void(Result<UserSearchPage>)> callback)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("q"),
                       QString::fromLatin1(QUrl::toPercentEncoding(phoneNumber)));
    m_api.getAs<UserSearchPage>(QLatin1String(paths::UserSearch), query, std::move(callback));
}

// Device lists are kept for the session: sending uses the kept list until the server calls it
// stale (device_mismatch, unknown_device), and receiving asks again only for a sender device it
// has not seen. This saves two or three REST round trips per message (docs/performance.md).
void MessagingService::fetchDevices(const QString &userId, bool fresh,
                                    std::function<void(Result<DeviceKeyList>)> callback)
{
    if (!fresh) {
        const auto kept = m_deviceLists.constFind(userId);
        if (kept != m_deviceLists.cend()) {
            callback(*kept);
            return;
        }
    }
    m_api.getAs<DeviceKeyList>(
        userDevicesPath(userId), {},
        [this, userId, callback = std::move(callback)](Result<DeviceKeyList> list) {
            if (list)
                m_deviceLists.insert(userId, list.value());
            callback(list);
        });
}

void MessagingService::flushOutbox()
{
    if (!m_synced || m_sending || m_outbox.isEmpty())
        return;
    m_sending = true;
    const QString recipientUserId = m_outbox.head().recipientUserId;
    const bool fresh = m_outbox.head().mismatches > 0;
    auto failHead = [this](const Error &error) {
        m_sending = false;
        if (error.code == ErrorCode::NetworkError)
            return; // stays in the outbox; the next sync flushes it
        Q_EMIT sendFailed(m_outbox.dequeue().messageId, error);
        flushOutbox();
    };
    fetchDevices(recipientUserId, fresh, [this, failHead, fresh](Result<DeviceKeyList> recipient) {
        if (!recipient)
            return failHead(recipient.error());
        fetchDevices(m_session.userId, fresh,
                     [this, failHead, recipient](Result<DeviceKeyList> own) {
                         if (!own)
                             return failHead(own.error());
                         sealAndSend(recipient.value(), own.value());
                     });
    });
}

void MessagingService::sealAndSend(const DeviceKeyList &recipient, const DeviceKeyList &own)
{
    const Outgoing &outgoing = m_outbox.head();
    MessageSend message{outgoing.messageId, outgoing.recipientUserId, {}};
    // The recipient's devices come first: copies for this account's other devices are
    // optional and are left out when the envelope limit is reached.
    for (const DeviceKeyList *list : {&recipient, &own}) {
        for (const DeviceKey &device : list->devices) {
            if (message.envelopes.size() == limits::MaxEnvelopes)
                break;
            const bool seen
                = std::any_of(message.envelopes.cbegin(), message.envelopes.cend(),
                              [&](const Envelope &e) { return e.deviceId == device.deviceId; });
            if (device.deviceId == m_session.deviceId || seen)
                continue;
            const crypto::SealedBox box = crypto::MessageCipher::seal(
                outgoing.plaintext, device.publicKey, m_deviceKeys.secretKey());
            message.envelopes.append({device.deviceId, box.nonce, box.ciphertext});
        }
    }
    if (message.envelopes.isEmpty()) {
        onSendAnswer(
            Error{ErrorCode::UnknownDevice, tr("The recipient has no device to send to.")});
        return;
    }
    m_socket.request(FrameType::MessageSend, message.toJson(),
                     [this](Result<QJsonObject> answer) { onSendAnswer(answer); });
}

void MessagingService::onSendAnswer(const Result<QJsonObject> &answer)
{
    m_sending = false;
    if (m_outbox.isEmpty())
        return;
    if (answer) {
        const auto accepted = MessageAccepted::fromJson(answer.value());
        Q_EMIT messageSent(m_outbox.dequeue().messageId,
                           accepted ? accepted.value().serverTime : 0);
        flushOutbox();
        return;
    }
    const Error &error = answer.error();
    if (error.code == ErrorCode::NetworkError)
        return;
    const bool staleDevices
        = error.code == ErrorCode::DeviceMismatch || error.code == ErrorCode::UnknownDevice;
    if (staleDevices && ++m_outbox.head().mismatches < MaxDeviceMismatches) {
        flushOutbox(); // fetches the device lists again
        return;
    }
    Q_EMIT sendFailed(m_outbox.dequeue().messageId, error);
    flushOutbox();
}

void MessagingService::onEvent(const Frame &event)
{
    const qint64 seq = qint64(event.data.value(QLatin1String("seq")).toDouble());
    if (seq <= m_lastQueuedSeq)
        return; // already handled or queued: a replay after reconnect
    if (seq != m_lastQueuedSeq + 1) {
        // Mailbox seqs are gap-free, so something in between was missed: never skip past it.
        scheduleResync();
        return;
    }
    m_lastQueuedSeq = seq;
    m_inbox.enqueue(event);
    processNextEvent();
}

void MessagingService::processNextEvent()
{
    if (m_processing || m_inbox.isEmpty())
        return;
    m_processing = true;
    const Frame event = m_inbox.head();
    if (event.type == FrameType::MessageReceive) {
        openMessage(event);
        return;
    }
    if (event.type != FrameType::MessageDelivered && event.type != FrameType::MessageRead) {
        finishEvent(qint64(event.data.value(QLatin1String("seq")).toDouble()));
        return;
    }
    auto receipt = ReceiptEvent::fromJson(event.data);
    if (receipt && event.type == FrameType::MessageDelivered)
        Q_EMIT messageDelivered(receipt.value().messageId, receipt.value().recipientUserId);
    else if (receipt && event.type == FrameType::MessageRead)
        Q_EMIT messageRead(receipt.value().messageId, receipt.value().recipientUserId);
    finishEvent(receipt ? receipt.value().seq : m_lastQueuedSeq);
}

void MessagingService::openMessage(const Frame &event)
{
    auto parsed = MessageReceive::fromJson(event.data);
    if (!parsed) {
        qWarning().noquote() << "dropping a malformed message:" << parsed.error().message;
        finishEvent(qint64(event.data.value(QLatin1String("seq")).toDouble()));
        return;
    }
    const MessageReceive message = parsed.value();
    const auto kept = m_deviceLists.constFind(message.senderUserId);
    const bool known = kept != m_deviceLists.cend() && findDevice(*kept, message.senderDeviceId);
    fetchDevices(message.senderUserId, !known, [this, message](Result<DeviceKeyList> devices) {
        if (!devices && devices.error().code == ErrorCode::NetworkError) {
            abandonInbox();
            return;
        }
        const DeviceKey *sender
            = devices ? findDevice(devices.value(), message.senderDeviceId) : nullptr;
        std::optional<QByteArray> plaintext;
        if (sender) {
            plaintext = crypto::MessageCipher::open(message.nonce, message.ciphertext,
                                                    sender->publicKey, m_deviceKeys.secretKey());
        }
        const auto content = plaintext ? MessageContent::decode(*plaintext) : std::nullopt;
        if (content && content->messageId == message.messageId) {
            Q_EMIT messageReceived({message.messageId, message.senderUserId, message.senderDeviceId,
                                    content->text, content->sentAt, message.serverTime});
        } else {
            Q_EMIT messageUndecryptable(message.messageId, message.senderUserId);
        }
        acknowledge(message.seq, message.messageId, message.senderUserId);
    });
}

void MessagingService::acknowledge(qint64 seq, const QString &messageId,
                                   const QString &senderUserId)
{
    // The seq only advances once the server has the receipt, so a lost ack is sent again after
    // the replay that follows a reconnect.
    m_socket.request(FrameType::MessageDelivered, ReceiptRequest{messageId, senderUserId}.toJson(),
                     [this, seq](Result<QJsonObject> answer) {
                         // not_found: the server will never take this receipt (the message is
                         // not addressed to this device), so it is done. Anything else is tried
                         // again from a fresh sync.
                         if (!answer && answer.error().code != ErrorCode::NotFound) {
                             abandonInbox();
                             return;
                         }
                         finishEvent(seq);
                     });
}

void MessagingService::abandonInbox()
{
    // Everything not finished is replayed by the next sync from m_lastSeq.
    m_inbox.clear();
    m_lastQueuedSeq = m_lastSeq;
    m_processing = false;
    scheduleResync();
}

void MessagingService::finishEvent(qint64 seq)
{
    if (!m_inbox.isEmpty())
        m_inbox.dequeue();
    m_lastSeq = qMax(m_lastSeq, seq);
    m_processing = false;
    processNextEvent();
}

} // namespace parley::sync
