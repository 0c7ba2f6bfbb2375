#pragma once

#include "core/protocol/Frame.h"
#include "core/protocol/Result.h"
#include "server/http/HttpTypes.h"

#include <QList>
#include <QObject>

namespace parley::sql {
class Database;
}

namespace parley::server {

class ClientConnection;
class ConnectionRegistry;
class IdentityStore;
class MailboxStore;
struct StoredMessage;

// The WebSocket requests of protocol v1: message:send, message:delivered, message:read, sync and
// ping. Everything a request changes is committed before it is acked, and events are pushed only
// after the commit (docs/protocol.md, "Delivery guarantee").
class MessageRelay : public QObject
{
    Q_OBJECT
public:
    MessageRelay(sql::Database &db, IdentityStore &identities, MailboxStore &mailbox,
                 ConnectionRegistry &registry, QObject *parent = nullptr);

    void handle(ClientConnection &connection, const protocol::Frame &request);

private:
    struct Push
    {
        QString deviceId;
        protocol::Frame event;
    };
    using Reply = protocol::Result<QJsonObject>;

    Reply send(const AuthIdentity &sender, const QJsonObject &data, QList<Push> &pushes);
    Reply receipt(const AuthIdentity &recipient, protocol::FrameType kind, const QJsonObject &data,
                  QList<Push> &pushes);
    Reply sync(ClientConnection &connection, const QJsonObject &data);
    protocol::Result<void> checkEnvelopes(const AuthIdentity &sender,
                                          const QString &recipientUserId,
                                          const QStringList &deviceIds);
    protocol::Result<void> appendEvent(const QString &deviceId, protocol::FrameType type,
                                       QJsonObject data, QList<Push> &pushes,
                                       const StoredMessage *message = nullptr);

    sql::Database &m_db;
    IdentityStore &m_identities;
    MailboxStore &m_mailbox;
    ConnectionRegistry &m_registry;
};

} // namespace parley::server
