#pragma once

#include "core/protocol/Result.h"
#include "server/http/RateLimiter.h"

#include <QCommandLineParser>

namespace parley::server {

// Limits of one WebSocket connection (docs/protocol.md 6.11): a budget of frames, typing per
// chat, and the keep-alive that finds dead peers.
struct SocketPolicy
{
    // A token bucket: `framesPerSecond` sustained, `frameBurst` at once; 0 turns it off. A
    // frame over budget is answered with rate_limited and not handled.
    int framesPerSecond = 200;
    int frameBurst = 2000;
    // Refused frames within HardLimitWindowMs past this close the connection with 4429.
    int hardRefusals = 2000;
    static constexpr int HardLimitWindowMs = 10000;
    // message:typing frames per chat per connection.
    RateLimit typingPerChat{5, 5};
    // A connection silent this long is pinged; silent for idleTimeoutSeconds it is closed.
    int pingIntervalSeconds = 30;
    int idleTimeoutSeconds = 75;

    static void addOptions(QCommandLineParser &parser);
    static protocol::Result<SocketPolicy> fromParser(const QCommandLineParser &parser);
};

} // namespace parley::server
