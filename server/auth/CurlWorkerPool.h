#pragma once

#include <QString>
#include <QThreadPool>

#include <atomic>
#include <curl/curl.h>
#include <functional>

namespace parley::server {

// Runs blocking libcurl transfers (SMTP, webhook) on worker threads, so that a slow or dead mail
// server or SMS gateway never holds up the server's event loop: it costs one worker for at most
// TotalTimeoutSeconds. Destroying the pool drops queued transfers, cancels the ones in flight
// and waits for them, so no transfer outlives its delivery object.
class CurlWorkerPool
{
public:
    static constexpr long ConnectTimeoutSeconds = 5;
    static constexpr long TotalTimeoutSeconds = 15;
    static constexpr int MaxThreads = 4;
    // A dead gateway must not turn a flood of logins into unbounded memory: beyond this many
    // waiting transfers, new ones are dropped (and logged).
    static constexpr int MaxQueued = 256;

    // Sets the transfer's own options on `curl` (a fresh handle that already carries the
    // timeouts and cancellation) and calls perform(); returns empty on success, else what went
    // wrong. The answer is logged, so it must never contain the code.
    using Transfer = std::function<QString(CURL *curl)>;

    // `what` names the delivery in log lines: "smtp OTP delivery".
    explicit CurlWorkerPool(QString what);
    ~CurlWorkerPool();
    CurlWorkerPool(const CurlWorkerPool &) = delete;
    CurlWorkerPool &operator=(const CurlWorkerPool &) = delete;

    // Queues the transfer; false (logged) when the queue is full.
    bool start(Transfer transfer);
    // Waits at most timeoutMs; true when no transfer is queued or running.
    bool waitForDone(int timeoutMs);

    // curl_easy_perform() with an error buffer: empty on success, else libcurl's explanation.
    static QString perform(CURL *curl);

private:
    void run(const Transfer &transfer);

    const QString m_what;
    std::atomic_bool m_cancelled{false};
    std::atomic_int m_waiting{0};
    QThreadPool m_pool; // last: destroyed (joined) first, while the fields above still exist
};

} // namespace parley::server
