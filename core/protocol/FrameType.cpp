#include "core/protocol/FrameType.h"

#include <array>

namespace parley::protocol {

namespace {

struct FrameTypeInfo
{
    FrameType type;
    const char *name;
    bool clientRequest;
};

// message:delivered and message:read travel both ways: a client acknowledges with them and the
// server forwards them to the sender as events.
constexpr std::array frameTypeTable{
    FrameTypeInfo{FrameType::Ack, "ack", false},
    FrameTypeInfo{FrameType::Error, "error", false},
    FrameTypeInfo{FrameType::MessageSend, "message:send", true},
    FrameTypeInfo{FrameType::MessageDelivered, "message:delivered", true},
    FrameTypeInfo{FrameType::MessageRead, "message:read", true},
    FrameTypeInfo{FrameType::Sync, "sync", true},
    FrameTypeInfo{FrameType::Ping, "ping", true},
    FrameTypeInfo{FrameType::MessageTyping, "message:typing", true},
    FrameTypeInfo{FrameType::MessageReceive, "message:receive", false},
    FrameTypeInfo{FrameType::MessageDeleted, "message:deleted", false},
    FrameTypeInfo{FrameType::ChatUpdated, "chat:updated", false},
    FrameTypeInfo{FrameType::UserTyping, "user:typing", false},
    FrameTypeInfo{FrameType::UserOnline, "user:online", false},
    FrameTypeInfo{FrameType::UserOffline, "user:offline", false},
};

} // namespace

QString frameTypeName(FrameType type)
{
    for (const auto &info : frameTypeTable) {
        if (info.type == type)
            return QString::fromLatin1(info.name);
    }
    Q_UNREACHABLE();
    return {};
}

std::optional<FrameType> frameTypeFromName(const QString &name)
{
    for (const auto &info : frameTypeTable) {
        if (name == QLatin1String(info.name))
            return info.type;
    }
    return std::nullopt;
}

bool isClientRequest(FrameType type)
{
    for (const auto &info : frameTypeTable) {
        if (info.type == type)
            return info.clientRequest;
    }
    return false;
}

} // namespace parley::protocol
