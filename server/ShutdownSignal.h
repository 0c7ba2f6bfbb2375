#pragma once

#include <QObject>
#include <QSocketNotifier>

#include <memory>

namespace parley::server {

// Turns SIGINT and SIGTERM into a clean QCoreApplication::quit(): open sockets are closed and the
// database is closed before the process ends. A signal handler may only write to a pipe, so the
// quit happens on the event loop (the self-pipe pattern).
class ShutdownSignal : public QObject
{
    Q_OBJECT
public:
    explicit ShutdownSignal(QObject *parent = nullptr);
    ~ShutdownSignal() override;
    bool isInstalled() const { return m_notifier != nullptr; }

private:
    static void onSignal(int signal);
    void onReadable();

    std::unique_ptr<QSocketNotifier> m_notifier;
};

} // namespace parley::server
