#include "core/store/LocalStore.h"

#include "core/store/StoreContext.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>

namespace parley::store {

using protocol::Error;
using protocol::ErrorCode;
using protocol::Result;

class LocalStore::Worker : public QObject
{
public:
    StoreContext context;
};

namespace {

// SQLite's words for a file that is not (or no longer) a database it can read.
bool isDamage(const QString &message)
{
    return message.contains(QLatin1String("not a database"))
        || message.contains(QLatin1String("malformed"))
        || message.contains(QLatin1String("file is encrypted"));
}

QString setAsideName(const QString &path)
{
    return path + QStringLiteral(".damaged-")
        + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
}

Result<void> openStore(StoreContext &store, const QString &path)
{
    const QFileInfo info(path);
    if (info.exists() && (!info.isReadable() || !info.isWritable()))
        return Error{ErrorCode::InternalError,
                     QStringLiteral("cannot read and write the message store %1").arg(path)};
    auto opened = store.open(path);
    const QString why = store.database().lastFailure();
    if (opened || !info.exists() || !isDamage(why + opened.error().message))
        return opened;
    store.close();
    const QString aside = setAsideName(path);
    const bool moved = QFile::rename(path, aside);
    for (const char *suffix : {"-wal", "-shm"})
        QFile::rename(path + QLatin1String(suffix), aside + QLatin1String(suffix));
    const QString where = moved ? QStringLiteral("It was kept as %1; the next start begins a new "
                                                 "store and fetches what the server still has.")
                                      .arg(aside)
                                : QStringLiteral("It could not be moved aside either.");
    return Error{ErrorCode::InternalError,
                 QStringLiteral("The message store %1 is damaged (%2). %3").arg(path, why, where)};
}

} // namespace

LocalStore::LocalStore(QObject *parent)
    : QObject(parent)
    , m_worker(new Worker)
{
    m_thread.setObjectName(QStringLiteral("parley-store"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

LocalStore::~LocalStore()
{
    // Jobs run in order, so this one runs after every job given before it.
    postAndWait([](StoreContext &store) { store.close(); });
    m_thread.quit();
    m_thread.wait();
}

void LocalStore::open(const QString &path, const QObject *context,
                      std::function<void(Result<void>)> done)
{
    run(
        context, [path](StoreContext &store) { return openStore(store, path); }, std::move(done));
}

Result<void> LocalStore::openAndWait(const QString &path)
{
    return runAndWait([path](StoreContext &store) { return openStore(store, path); });
}

void LocalStore::post(std::function<void(StoreContext &)> job)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, job = std::move(job)] { job(worker->context); },
        Qt::QueuedConnection);
}

void LocalStore::postAndWait(const std::function<void(StoreContext &)> &job)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, &job] { job(worker->context); },
        Qt::BlockingQueuedConnection);
}

} // namespace parley::store
