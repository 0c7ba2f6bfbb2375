#pragma once

#include "core/account/Session.h"
#include "core/crypto/DeviceKeyPair.h"
#include "core/protocol/ErrorCode.h"
#include "core/protocol/Frame.h"
#include "core/protocol/RestPayloads.h"
#include "core/protocol/UserPayloads.h"

#include <QHash>
#include <QObject>
#include <QQueue>
#include <QTimer>

#include <functional>

namespace parley {
class SessionKeeper;
}

namespace parley::net {
class ApiClient;
class SyncSocket;
} // namespace parley::net

namespace parley::sync {

struct IncomingMessage
{
    QString messageId;
    QString senderUserId;
    QString senderDeviceId;
    QString text;
    qint64 sentAt = 0; // sender's clock, from inside the box
    qint64 serverTime = 0; // when the server stored it
};

// Sends and receives end-to-end encrypted messages for one signed-in device: keeps the socket
// synced from the last mailbox seq, boxes each outgoing message for every device of the
// recipient and the sender's other devices, opens incoming ones and acknowledges them.
// Outgoing messages wait in an outbox until the server acks them (sent again with the same id
// after a reconnect, which the server stores once).
class MessagingService : public QObject
{
    Q_OBJECT
public:
    MessagingService(Session session, crypto::DeviceKeyPair deviceKeys, net::ApiClient &api,
                     net::SyncSocket &socket, QObject *parent = nullptr);

    void start();
    void stop();
    // A refreshed access token for REST calls and the next WebSocket connection.
    void setAccessToken(const QString &accessToken);
    // Takes every token the keeper refreshes, and asks it for one when the socket was closed
    // for an expired token.
    void followSession(SessionKeeper &keeper);
    bool isSynced() const { return m_synced; }
    qint64 lastSeq() const { return m_lastSeq; }
    const Session &session() const { return m_session; }

    // Queues a text message; returns its id at once. Ends in messageSent or sendFailed.
    QString sendText(const QString &recipientUserId, const QString &text);
    void findUserByPhone(const QString &phoneNumber,
                         std::function<void(protocol::Result<protocol::UserSearchPage>)> callback);

Q_SIGNALS:
    void syncedChanged(bool synced);
    void messageReceived(const parley::sync::IncomingMessage &message);
    void messageUndecryptable(const QString &messageId, const QString &senderUserId);
    void messageSent(const QString &messageId, qint64 serverTime);
    void messageDelivered(const QString &messageId, const QString &recipientUserId);
    void messageRead(const QString &messageId, const QString &recipientUserId);
    void sendFailed(const QString &messageId, const parley::protocol::Error &error);

private:
    struct Outgoing
    {
        QString messageId;
        QString recipientUserId;
        QByteArray plaintext;
        int mismatches = 0;
    };

    void onConnected();
    void onDisconnected();
    void requestSync();
    void scheduleResync();
    void resync();
    void setSynced(bool synced);

    void flushOutbox();
    void sealAndSend(const protocol::DeviceKeyList &recipient, const protocol::DeviceKeyList &own);
    void onSendAnswer(const protocol::Result<QJsonObject> &answer);
    void fetchDevices(const QString &userId, bool fresh,
                      std::function<void(protocol::Result<protocol::DeviceKeyList>)> callback);

    void onEvent(const protocol::Frame &event);
    void processNextEvent();
    void openMessage(const protocol::Frame &event);
    void acknowledge(qint64 seq, const QString &messageId, const QString &senderUserId);
    void finishEvent(qint64 seq);
    void abandonInbox();

    Session m_session;
    crypto::DeviceKeyPair m_deviceKeys;
    net::ApiClient &m_api;
    net::SyncSocket &m_socket;

    QHash<QString, protocol::DeviceKeyList> m_deviceLists; // by user id
    QQueue<Outgoing> m_outbox;
    bool m_sending = false;
    QQueue<protocol::Frame> m_inbox;
    bool m_processing = false;
    qint64 m_lastSeq = 0; // every event up to here is handled and acknowledged
    qint64 m_lastQueuedSeq = 0; // events up to here are handled or waiting in m_inbox
    qint64 m_syncCursor = 0; // where the next sync page starts
    QTimer m_resyncTimer;
    bool m_synced = false;
};

} // namespace parley::sync

Q_DECLARE_METATYPE(parley::sync::IncomingMessage)
