#pragma once

#include "core/protocol/ChatPayloads.h"
#include "core/protocol/Result.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>

namespace parley::net {
class RestTransport;
}
namespace parley::store {
class LocalStore;
}

namespace parley::sync {

// The server's ids of this account's direct chats (docs/protocol.md 4.19-4.20): every
// message:send names its chat. An id is read from the store, or asked of the server once with
// POST /api/v1/chats (idempotent: one chat per pair) and kept there, so an offline-first message
// to a new contact costs one round trip the first time and none after.
class ChatDirectory : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(protocol::Result<QString>)>;

    ChatDirectory(net::RestTransport &rest, store::LocalStore &store, QObject *parent = nullptr);

    // The chat with the user. Concurrent requests for one user share one lookup and are
    // answered in the order they were made. `done` is not called once `context` is gone.
    void chatWith(const QString &peerUserId, const QObject *context, Callback done);
    // DELETE /api/v1/chats/<chat with peer>/messages/<messageId>: the deletion time, or the
    // server's error (forbidden, already_deleted, not_found).
    // PUT /api/v1/chats/<chat with peer>: this account's settings, on every device.
    void updateSettings(const QString &peerUserId, const protocol::ChatSettingsUpdate &update,
                        const QObject *context,
                        std::function<void(protocol::Result<protocol::ChatInfo>)> done);
    // DELETE /api/v1/chats/<chat with peer>: "delete chat" for this account.
    void deleteChat(const QString &peerUserId, const QObject *context,
                    std::function<void(protocol::Result<void>)> done);
    void deleteForEveryone(const QString &peerUserId, const QString &messageId,
                           const QObject *context,
                           std::function<void(protocol::Result<qint64>)> done);

private:
    struct Waiter
    {
        QPointer<const QObject> context;
        Callback done;
    };
    void lookUp(const QString &peerUserId);
    void create(const QString &peerUserId);
    void finish(const QString &peerUserId, const protocol::Result<QString> &chatId);

    net::RestTransport &m_rest;
    store::LocalStore &m_store;
    QHash<QString, QString> m_ids; // peer user id -> server chat id
    QHash<QString, QList<Waiter>> m_waiting; // lookups in flight, by peer user id
};

} // namespace parley::sync
