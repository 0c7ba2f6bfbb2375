#pragma once

#include "core/protocol/Result.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPromise>
#include <QThread>

#include <functional>
#include <memory>
#include <optional>

namespace parley::store {

class StoreContext;

// The account's local SQLite file, used only on a thread of its own: the GUI thread never
// waits for SQLite (docs/architecture.md, "Client store"). Jobs run one after another, in the
// order they were given, inside the store thread; each answer comes back on the thread of its
// context object, and never once that object is gone.
class LocalStore : public QObject
{
    Q_OBJECT
public:
    explicit LocalStore(QObject *parent = nullptr);
    // Runs every job already given, closes the file and stops the thread.
    ~LocalStore() override;

    // Opens (creating) the file and brings its schema up to date. A file that is not a usable
    // store is an error naming it; a damaged one is renamed to <path>.damaged-<time> first, so
    // that it is kept, never silently replaced (the error says where it went).
    void open(const QString &path, const QObject *context,
              std::function<void(protocol::Result<void>)> done);

    // The same, waiting: for the command-line client and tests only.
    protocol::Result<void> openAndWait(const QString &path);

    // Runs work(StoreContext &) on the store thread, then done(result) on context's thread.
    template<typename Work, typename Done> void run(const QObject *context, Work work, Done done)
    {
        using R = std::invoke_result_t<Work &, StoreContext &>;
        auto promise = std::make_shared<QPromise<R>>();
        auto *watcher = new QFutureWatcher<R>(const_cast<QObject *>(context));
        QObject::connect(watcher, &QFutureWatcherBase::finished, watcher,
                         [watcher, done = std::move(done)]() mutable {
                             watcher->deleteLater();
                             if (watcher->future().resultCount() > 0)
                                 done(watcher->future().takeResult());
                         });
        watcher->setFuture(promise->future());
        promise->start();
        post([promise, work = std::move(work)](StoreContext &store) mutable {
            promise->addResult(work(store));
            promise->finish();
        });
    }
    // The same, waiting for the result: for tests and the command-line client only.
    template<typename Work> auto runAndWait(Work work)
    {
        using R = std::invoke_result_t<Work &, StoreContext &>;
        std::optional<R> result;
        postAndWait([&](StoreContext &store) { result.emplace(work(store)); });
        return std::move(*result);
    }

private:
    void post(std::function<void(StoreContext &)> job);
    void postAndWait(const std::function<void(StoreContext &)> &job);

    class Worker;
    QThread m_thread;
    Worker *m_worker = nullptr; // lives on m_thread
};

} // namespace parley::store
