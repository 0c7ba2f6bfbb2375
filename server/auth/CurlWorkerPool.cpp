#include "server/auth/CurlWorkerPool.h"

#include <QtGlobal>

namespace parley::server {

namespace {

size_t discard(char *, size_t size, size_t count, void *)
{
    return size * count;
}

// libcurl calls this about once a second even while a transfer waits (connect, a silent peer),
// so a shutdown cancels a transfer in flight within about a second.
int checkCancelled(void *cancelled, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    return static_cast<const std::atomic_bool *>(cancelled)->load() ? 1 : 0;
}

} // namespace

CurlWorkerPool::CurlWorkerPool(QString what)
    : m_what(std::move(what))
{
    // Reference-counted by libcurl; called here, on the thread that builds the server, because
    // it must not race with transfers.
    curl_global_init(CURL_GLOBAL_DEFAULT);
    m_pool.setMaxThreadCount(MaxThreads);
}

CurlWorkerPool::~CurlWorkerPool()
{
    m_cancelled = true;
    m_pool.clear();
    // Not bounded on purpose: every transfer ends within TotalTimeoutSeconds, and in practice
    // within a second of the cancellation above; returning earlier would free what it uses.
    m_pool.waitForDone();
    curl_global_cleanup();
}

bool CurlWorkerPool::start(Transfer transfer)
{
    if (m_waiting.fetch_add(1) >= MaxQueued) {
        m_waiting.fetch_sub(1);
        qWarning("%s dropped: %d deliveries are already waiting", qPrintable(m_what), MaxQueued);
        return false;
    }
    m_pool.start([this, transfer = std::move(transfer)] {
        m_waiting.fetch_sub(1);
        run(transfer);
    });
    return true;
}

bool CurlWorkerPool::waitForDone(int timeoutMs)
{
    return m_pool.waitForDone(timeoutMs);
}

void CurlWorkerPool::run(const Transfer &transfer)
{
    if (m_cancelled) {
        qWarning("%s failed: cancelled at shutdown", qPrintable(m_what));
        return;
    }
    CURL *curl = curl_easy_init();
    if (!curl) {
        qWarning("%s failed: libcurl cannot create a handle", qPrintable(m_what));
        return;
    }
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L); // required for libcurl on several threads
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, ConnectTimeoutSeconds);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, TotalTimeoutSeconds);
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, checkCancelled);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &m_cancelled);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, discard); // the default writes to stdout
    const QString error = transfer(curl);
    curl_easy_cleanup(curl);
    if (!error.isEmpty())
        qWarning("%s failed: %s", qPrintable(m_what), qPrintable(error));
}

QString CurlWorkerPool::perform(CURL *curl)
{
    char error[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    const CURLcode result = curl_easy_perform(curl);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, nullptr);
    if (result == CURLE_OK)
        return {};
    if (result == CURLE_ABORTED_BY_CALLBACK)
        return QStringLiteral("cancelled at shutdown");
    return QString::fromUtf8(error[0] != '\0' ? error : curl_easy_strerror(result));
}

} // namespace parley::server
