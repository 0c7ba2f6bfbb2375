#pragma once

#include "core/protocol/ChatPayloads.h"
#include "core/protocol/Frame.h"
#include "core/protocol/Result.h"
#include "server/http/HttpTypes.h"
#include "server/http/RateLimiter.h"

#include <QList>
#include <QObject>

namespace parley::sql {
class Database;
}

namespace parley::server {

class ChatStore;
class ClientConnection;
class ConnectionRegistry;
class IdentityStore;
class MailboxStore;
class ProfileStore;
struct StoredMessage;

// The WebSocket requests of protocol v1 (message:send, message:delivered, message:read, sync and
// ping) and the mailbox side of the chats API. Everything a request changes is committed before
// it is acked, and events are pushed only after the commit (docs/protocol.md, "Delivery
// guarantee").
class MessageRelay : public QObject
{
    Q_OBJECT
public:
    using Reply = protocol::Result<QJsonObject>;

    MessageRelay(sql::Database &db, IdentityStore &identities, MailboxStore &mailbox,
                 ChatStore &chats, ProfileStore &profiles, ConnectionRegistry &registry,
                 RateLimit typingPerChat, QObject *parent = nullptr);

    void handle(ClientConnection &connection, const protocol::Frame &request);

    // The same as message:send, for POST /api/v1/chats/<chatId>/messages; pushes on success.
    Reply sendMessage(const AuthIdentity &sender, const QJsonObject &data);
    // DELETE /api/v1/chats/<chatId>/messages/<messageId>: sender only; every stored copy becomes
    // a tombstone and every participant device gets a message:deleted event.
    Reply deleteForEveryone(const AuthIdentity &user, const QString &chatId,
                            const QString &messageId);
    // A chat:updated event for the user's devices other than the one that made the change.
    protocol::Result<void> chatChanged(const AuthIdentity &user, const protocol::ChatInfo &chat,
                                       bool removed);

private:
    struct Push
    {
        QString deviceId; // a mailbox event for this device
        protocol::Frame event;
        QString userId = {}; // instead: a live-only event for this user's connections
    };

    void pushAll(const QList<Push> &pushes);
    Reply send(const AuthIdentity &sender, const QJsonObject &data, QList<Push> &pushes);
    Reply receipt(const AuthIdentity &recipient, protocol::FrameType kind, const QJsonObject &data,
                  QList<Push> &pushes);
    Reply sync(ClientConnection &connection, const QJsonObject &data);
    Reply typing(const AuthIdentity &user, const QJsonObject &data, QList<Push> &pushes);
    protocol::Result<void> checkEnvelopes(const AuthIdentity &sender,
                                          const QString &recipientUserId,
                                          const QStringList &deviceIds);
    protocol::Result<void> appendEvent(const QString &deviceId, protocol::FrameType type,
                                       QJsonObject data, QList<Push> &pushes,
                                       const StoredMessage *message = nullptr);

    protocol::Result<void> appendChatUpdated(const AuthIdentity &user,
                                             const std::optional<protocol::ChatInfo> &chat,
                                             bool removed, QList<Push> &pushes);
    // Whether a read receipt from this reader reaches this sender: both must share them.
    protocol::Result<bool> readReceiptsShared(const QString &readerId, const QString &senderId);

    sql::Database &m_db;
    IdentityStore &m_identities;
    MailboxStore &m_mailbox;
    ChatStore &m_chats;
    ProfileStore &m_profiles;
    ConnectionRegistry &m_registry;
    RateLimiter m_typingLimiter; // per device and chat
};

} // namespace parley::server
