#pragma once

#include "core/protocol/Frame.h"
#include "core/store/StoreTypes.h"
#include "core/sync/Identity.h"

#include <QList>
#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>

namespace parley::net {
class MessageTransport;
}
namespace parley::store {
class LocalStore;
}

namespace parley::sync {

class DeviceDirectory;

// Keeps this device's store in step with its server mailbox (docs/protocol.md 6.6, 6.9): syncs
// from the stored cursor on every (re)connect, takes events strictly in seq order (a gap makes
// it read the mailbox again from the last handled event, never skip one), opens messages,
// stores each batch of events in one transaction, and only after that commit sends the
// receipts. The cursor moves past an event only once it is stored and its receipt acked, so a
// crash anywhere replays events, which the store keeps once.
class MailboxSync : public QObject
{
    Q_OBJECT
public:
    MailboxSync(Identity identity, net::MessageTransport &transport, DeviceDirectory &devices,
                store::LocalStore &store, QObject *parent = nullptr);

    // Reads the cursor from the store and syncs once the transport is connected.
    void start();
    bool isSynced() const { return m_synced; }
    // Every event up to here is handled (stored and acknowledged).
    qint64 lastSeq() const { return m_handled; }

Q_SIGNALS:
    void syncedChanged(bool synced);
    // Synced, and every event the server has sent so far is handled (stored and acknowledged).
    void caughtUp();
    // After the store commit. A replayed message is not announced again.
    void messageReceived(const parley::store::StoredMessage &message);
    void messageUndecryptable(const QString &messageId, const QString &senderUserId);
    void messageDelivered(const QString &messageId, const QString &recipientUserId);
    void messageRead(const QString &messageId, const QString &recipientUserId);
    void statusChanged(const parley::store::StatusChange &change);
    // A message was edited, reacted to or deleted for everyone: it is now like this.
    void messageChanged(const parley::store::StoredMessage &message);
    // Another device of this account changed a chat's settings, or deleted its history.
    void chatChanged(qint64 chatId);
    // Another device deleted the chat: its history is gone from this store too.
    void historyCleared(qint64 chatId);
    // The store refused a batch (disk full, damage): nothing past lastSeq() is acknowledged.
    void storeFailed(const parley::protocol::Error &error);

private:
    struct Batch;

    store::LocalRef localRef(const QString &messageId, const QString &senderUserId) const;
    void onConnected();
    void onDisconnected();
    void onEvent(const protocol::Frame &event);
    void requestSync();
    void requestSync(qint64 after);
    void skipPruned(qint64 upTo);
    void scheduleResync();
    void setSynced(bool synced);

    void startBatch();
    void resolveKeys(std::shared_ptr<Batch> batch, int next);
    void open(const std::shared_ptr<Batch> &batch);
    void store(const std::shared_ptr<Batch> &batch);
    void acknowledge(const std::shared_ptr<Batch> &batch);
    void finishBatch(const std::shared_ptr<Batch> &batch, bool acknowledged);
    void saveCursor();
    void checkCaughtUp();

    Identity m_identity;
    net::MessageTransport &m_transport;
    DeviceDirectory &m_devices;
    store::LocalStore &m_store;

    bool m_started = false; // the stored cursor is loaded
    bool m_synced = false;
    bool m_batchRunning = false;
    qint64 m_handled = 0; // every event up to here is stored and acknowledged
    qint64 m_savedCursor = 0; // what the store has
    qint64 m_queuedUpTo = 0; // events up to here are handled, in a batch or in m_queue
    qint64 m_newestSeen = 0; // the highest seq that arrived at all, taken or not
    struct Queued
    {
        qint64 seq = 0;
        std::optional<protocol::Frame> event; // nothing: a type this client does not know
    };
    void enqueue(qint64 seq, std::optional<protocol::Frame> event);
    QList<Queued> m_queue;
    QTimer m_resyncTimer;
    QTimer m_cursorTimer;
};

} // namespace parley::sync
