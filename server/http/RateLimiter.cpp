#include "server/http/RateLimiter.h"

#include <QStringList>

namespace parley::server {

std::optional<RateLimit> RateLimit::parse(const QString &text)
{
    const QStringList parts = text.split(u'/');
    bool requestsOk = false;
    bool windowOk = false;
    if (parts.size() != 2)
        return std::nullopt;
    const int requests = parts.at(0).toInt(&requestsOk);
    const int window = parts.at(1).toInt(&windowOk);
    if (!requestsOk || !windowOk || requests < 0 || window <= 0)
        return std::nullopt;
    return RateLimit{requests, window};
}

RateLimiter::RateLimiter(RateLimit limit)
    : m_limit(limit)
{ }

std::optional<int> RateLimiter::hit(const QString &key, qint64 nowMs)
{
    if (m_limit.requests == 0)
        return std::nullopt;
    const qint64 windowMs = qint64(m_limit.windowSeconds) * 1000;
    prune(nowMs);
    Window &window = m_windows[key];
    if (nowMs - window.startedMs >= windowMs)
        window = Window{nowMs, 0};
    if (window.count >= m_limit.requests)
        return int((window.startedMs + windowMs - nowMs + 999) / 1000);
    ++window.count;
    return std::nullopt;
}

void RateLimiter::prune(qint64 nowMs)
{
    const qint64 windowMs = qint64(m_limit.windowSeconds) * 1000;
    const bool full = m_windows.size() >= MaxKeys;
    if (!full && nowMs - m_lastPruneMs < windowMs)
        return;
    m_lastPruneMs = nowMs;
    m_windows.removeIf(
        [&](const auto &entry) { return nowMs - entry.value().startedMs >= windowMs; });
    // Still full of live windows: forget the oldest half rather than grow without bound. A
    // forgotten key starts a fresh window, which errs towards letting requests through.
    if (m_windows.size() >= MaxKeys) {
        qint64 cutoff = nowMs;
        for (const Window &window : std::as_const(m_windows))
            cutoff = qMin(cutoff, window.startedMs);
        cutoff += (nowMs - cutoff) / 2;
        m_windows.removeIf([&](const auto &entry) { return entry.value().startedMs <= cutoff; });
    }
}

} // namespace parley::server
