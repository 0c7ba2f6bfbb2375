#pragma once

#include <QString>

#include <optional>

namespace parley::protocol {

// Every WebSocket frame type of protocol v1 (docs/protocol.md, "WebSocket frames"). The wire
// strings live only in FrameType.cpp.
enum class FrameType {
    // Answers from the server to a request.
    Ack,
    Error,
    // Client -> server requests.
    MessageSend,
    MessageDelivered,
    MessageRead,
    Sync,
    Ping,
    MessageTyping,
    // Server -> client events. Mailbox events carry a seq; user:* events are live only.
    MessageReceive,
    MessageDeleted,
    ChatUpdated,
    UserTyping,
    UserOnline,
    UserOffline,
};

QString frameTypeName(FrameType type);
std::optional<FrameType> frameTypeFromName(const QString &name);

// Requests a client may send; each is answered by exactly one ack or error frame.
bool isClientRequest(FrameType type);

} // namespace parley::protocol
