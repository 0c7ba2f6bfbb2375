#pragma once

#include "core/protocol/Frame.h"
#include "core/protocol/Result.h"
#include "core/protocol/UserPayloads.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>

namespace parley::net {
class MessageTransport;
class RestTransport;
} // namespace parley::net

namespace parley::sync {

class ChatDirectory;

// Who is typing and who is online (docs/protocol.md 6.5, live events): sends this user's
// typing (renewed at most every TypingEvent::RenewMs), keeps the typing of others until it
// expires, and follows the presence of chat partners from user:online / user:offline, asking
// GET /users/{id}/status for what it has not heard since it connected.
class LiveStatus : public QObject
{
    Q_OBJECT
public:
    LiveStatus(net::MessageTransport &transport, net::RestTransport &rest, ChatDirectory &chats,
               QObject *parent = nullptr);

    // This user types (or stopped typing) in the chat with `peerUserId`. Cheap to call on every
    // key press: only what the others must know goes out.
    // `sent` (optional) hears when the server has it, or that nothing had to go.
    void setTyping(const QString &peerUserId, bool typing,
                   std::function<void(protocol::Result<void>)> sent = {});
    bool isTyping(const QString &peerUserId) const { return m_typing.contains(peerUserId); }
    // The status as last heard, or from the server when nothing was heard yet.
    void status(const QString &userId, const QObject *context,
                std::function<void(protocol::Result<protocol::UserStatus>)> done);

Q_SIGNALS:
    void typingChanged(const QString &peerUserId, bool typing);
    void presenceChanged(const protocol::UserStatus &status);
    // The server refused a typing frame (rate_limited, not_found); nothing to do but know.
    void typingRefused(const protocol::Error &error);

private:
    void onEvent(const protocol::Frame &event);
    void expire();

    net::MessageTransport &m_transport;
    net::RestTransport &m_rest;
    ChatDirectory &m_chats;
    QHash<QString, qint64> m_typing; // peer user id -> until when (ms since the epoch)
    QHash<QString, qint64> m_sentTyping; // peer user id -> when this user's typing last went
    QHash<QString, protocol::UserStatus> m_presence; // heard on this connection
    QTimer m_expiry;
};

} // namespace parley::sync
