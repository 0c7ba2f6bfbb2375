#pragma once

#include <QHash>
#include <QString>

#include <optional>

namespace parley::server {

// "N requests per W seconds" for one kind of request, e.g. "100/900".
struct RateLimit
{
    int requests = 0; // 0: unlimited
    int windowSeconds = 0;

    // Parses "N/SECONDS"; nothing when malformed.
    static std::optional<RateLimit> parse(const QString &text);
};

// Counts requests per key (an IP address, a phone number) in fixed windows, in memory: enough
// for one server instance; limits that must hold across instances live in the database (the
// per-number OTP limits). Memory is bounded: expired windows are dropped and at most MaxKeys
// keys are tracked.
class RateLimiter
{
public:
    explicit RateLimiter(RateLimit limit);

    // Counts one request; returns the seconds to wait when the key is over its limit.
    std::optional<int> hit(const QString &key, qint64 nowMs);

private:
    struct Window
    {
        qint64 startedMs = 0;
        int count = 0;
    };
    void prune(qint64 nowMs);

    static constexpr qsizetype MaxKeys = 100000;
    RateLimit m_limit;
    QHash<QString, Window> m_windows;
    qint64 m_lastPruneMs = 0;
};

} // namespace parley::server
