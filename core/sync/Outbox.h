#pragma once

#include "core/protocol/ErrorCode.h"
#include "core/protocol/Plaintext.h"
#include "core/protocol/RestPayloads.h"
#include "core/store/StoreTypes.h"
#include "core/sync/Identity.h"

#include <QHash>
#include <QList>
#include <QObject>

#include <functional>

namespace parley::net {
class MessageTransport;
}
namespace parley::store {
class LocalStore;
}

namespace parley::sync {

class ChatDirectory;
class DeviceDirectory;

// The offline-first outbox (docs/architecture.md, "Outbox"): a message is in the store before
// anything is sent, shown as pending, and sent again with the same id (which the server stores
// once) after every reconnect or restart until the server acks it. Up to Window messages are in
// flight at once on the one socket, so the server takes them, and each chat keeps, the order
// they were written in.
class Outbox : public QObject
{
    Q_OBJECT
public:
    static constexpr int Window = 32;

    Outbox(Identity identity, net::MessageTransport &transport, DeviceDirectory &devices,
           ChatDirectory &chats, store::LocalStore &store, QObject *parent = nullptr);

    // Loads what an earlier run left unsent.
    void start();
    // Sends when allowed (after the mailbox is synced), holds everything otherwise.
    void setOnline(bool online);

    // Stores a text message for a user and returns its id at once; then messageQueued, and in
    // the end messageSent or sendFailed.
    QString sendText(const QString &peerUserId, const QString &text);
    // A text quoting the message at `row` (docs/protocol.md 7.3), in its chat. Fails with
    // not_found when there is no such message to quote.
    QString reply(qint64 row, const QString &text);
    // New text for one of this account's own messages: shown here at once (messageChanged) and
    // sent silent. Fails with forbidden for someone else's message, already_deleted for one
    // deleted for everyone.
    QString edit(qint64 row, const QString &text);
    // This account's one reaction to a message: one emoji, or empty to take it back.
    QString react(qint64 row, const QString &emoji);
    // Deletes one of this account's own sent messages for everyone (DELETE .../messages/<id>):
    // messageChanged once the server has it, or deleteFailed.
    void deleteForEveryone(qint64 row);
    // "Delete for me": the message leaves this device (messageRemoved). One still being sent
    // stays.
    void deleteForMe(qint64 row);
    // The user read the chat: its unread incoming messages are marked read here and their
    // message:read receipts go to the server (which forwards them only as privacy allows, and
    // moves this account's read marker on every device). A receipt the server did not take is
    // sent again once online again, until it does.
    void markRead(qint64 chatId);
    // This account's settings of a chat: stored here at once (chatChanged), then given to the
    // server, which tells this account's other devices; settingsFailed when it cannot.
    void setChatSettings(qint64 chatId, bool pinned, bool archived, qint64 mutedUntil);
    // "Delete chat" for this account, on every device of it: chatChanged, or settingsFailed.
    void deleteChat(qint64 chatId);
    // Puts a failed message back into the outbox.
    void retry(qint64 row);
    int pendingCount() const { return int(m_queue.size()); }

Q_SIGNALS:
    void messageQueued(const parley::store::StoredMessage &message);
    // An edit, a reaction or a deletion of this device changed a message: it is now like this.
    void messageChanged(const parley::store::StoredMessage &message);
    void deleteFailed(qint64 row, const parley::protocol::Error &error);
    // A message left this device's store ("delete for me").
    void messageRemoved(qint64 chatId, qint64 row);
    // A chat's settings or history changed on this device.
    void chatChanged(qint64 chatId);
    // "Delete chat" here: the chat's history is gone from the store.
    void historyCleared(qint64 chatId);
    void settingsFailed(qint64 chatId, const parley::protocol::Error &error);
    void messageSent(const QString &messageId, qint64 serverTime);
    void sendFailed(const QString &messageId, const parley::protocol::Error &error);
    void statusChanged(const parley::store::StatusChange &change);
    void storeFailed(const parley::protocol::Error &error);

private:
    struct Pending
    {
        store::OutboxItem item;
        bool inFlight = false;
        int staleDeviceLists = 0;
    };

    void enqueue(const store::OutboxItem &item);
    void queue(const protocol::MessageContent &content, const store::LocalRef &target);
    void withTarget(qint64 row, const QString &messageId,
                    std::function<void(const store::StoredMessage &, const QString &)> then);
    void applyDeletionNow(qint64 row, const store::LocalRef &ref, qint64 at);
    void sendReads();
    void confirmReads(const QList<qint64> &rows);
    store::LocalRef localRef(const protocol::MessageRef &ref) const;
    protocol::MessageRef wireRef(const store::StoredMessage &message) const;
    static protocol::Error noTarget(const QString &message);
    // A plaintext this device writes now, of a type, to a peer.
    static protocol::MessageContent written(const QString &messageId, const QString &peerUserId,
                                            protocol::MessageContent::Type type);
    void storeDrafts();
    void storeAcks();
    void pump();
    void send(const QString &messageId);
    void seal(const QString &messageId, const QString &chatId,
              const protocol::DeviceKeyList &theirs, const protocol::DeviceKeyList &ours);
    void onAnswer(const QString &messageId, const protocol::Result<QJsonObject> &answer);
    void fail(const QString &messageId, const protocol::Error &error);
    void failLater(const QString &messageId, const protocol::Error &error);
    Pending *find(const QString &messageId);

    Identity m_identity;
    net::MessageTransport &m_transport;
    DeviceDirectory &m_devices;
    ChatDirectory &m_chats;
    store::LocalStore &m_store;
    QList<Pending> m_queue; // oldest first
    // Group commit: what arrives while the store writes the last batch goes in the next one.
    QList<store::OutgoingDraft> m_drafts;
    bool m_storingDrafts = false;
    QList<store::SentAck> m_acks;
    bool m_storingAcks = false;
    int m_inFlight = 0;
    bool m_online = false;
    bool m_sendingReads = false;
    bool m_readsWanted = false; // sendReads() was asked while a round was in flight
    bool m_loaded = false;
};

} // namespace parley::sync
