// End-to-end delivery through a real parley-server on loopback: Alice sends N text messages to
// Bob, each boxed, relayed, committed to SQLite, pushed, opened and acknowledged. Reports the
// REST and WebSocket round-trip floor, throughput and send->receive latency percentiles.
// Run: build/bench/bench_delivery [--messages N] [--window W]
// Bounded: at most --messages (default 1000, max 20000) and 120 s.
#include "tests/support/ServerProcess.h"
#include "tests/support/TestClient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace parley;

namespace {

qint64 percentile(QList<qint64> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(qsizetype(p * double(values.size() - 1)));
}

// Median of `rounds` sequential round trips, in ms. The event loop is woken by the answer
// itself: QTest::qWaitFor would add up to 10 ms of polling sleep to every measurement.
double medianRoundTrip(int rounds, const std::function<void(std::function<void()>)> &roundTrip)
{
    QList<qint64> times;
    QElapsedTimer timer;
    for (int i = 0; i < rounds; ++i) {
        QEventLoop loop;
        bool done = false;
        timer.start();
        roundTrip([&] {
            done = true;
            loop.quit();
        });
        if (!done) {
            QTimer::singleShot(5000, &loop, &QEventLoop::quit);
            loop.exec();
        }
        if (!done)
            break;
        times.append(timer.nsecsElapsed() / 1000);
    }
    return double(percentile(times, 0.5)) / 1000;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("messages"), QStringLiteral("Messages to send (max 20000)."),
                      QStringLiteral("N"), QStringLiteral("1000")});
    parser.addOption({QStringLiteral("window"), QStringLiteral("Messages queued at once."),
                      QStringLiteral("W"), QStringLiteral("50")});
    parser.process(app);
    const int total = std::clamp(parser.value(QStringLiteral("messages")).toInt(), 1, 20000);
    const int window = std::clamp(parser.value(QStringLiteral("window")).toInt(), 1, 1000);

    qputenv("PARLEY_SERVER", PARLEY_SERVER_PATH);
    ServerProcess server;
    if (!server.start()) {
        std::fprintf(stderr, "%s\n", qPrintable(server.errorString()));
        return 1;
    }
    TestClient alice(server.url());
    TestClient bob(server.url());
    if (!alice.login(server, QStringLiteral("+12025550181"))
        || !bob.login(server, QStringLiteral("+12025550182")) || !alice.startMessaging()
        || !bob.startMessaging()) {
        std::fprintf(stderr, "login failed\n");
        return 1;
    }

    const double restMs = medianRoundTrip(100, [&](std::function<void()> done) {
        alice.users().findByPhone(QStringLiteral("+12025550182"), &alice.account(),
                                  [done](auto) { done(); });
    });
    const double socketMs = medianRoundTrip(100, [&](std::function<void()> done) {
        alice.socket().request(protocol::FrameType::Ping, {}, &alice.account(),
                               [done](auto) { done(); });
    });
    std::printf("round trip medians: REST %.3f ms, WebSocket ping %.3f ms\n", restMs, socketMs);

    QHash<QString, qint64> sentAt;
    QList<qint64> latenciesUs;
    QElapsedTimer clock;
    QEventLoop loop;
    int sent = 0;
    auto sendMore = [&] {
        while (sent < total && sentAt.size() < window) {
            const QString id = alice.outbox().sendText(
                bob.session().userId, QStringLiteral("benchmark message %1").arg(sent));
            sentAt.insert(id, clock.nsecsElapsed() / 1000);
            ++sent;
        }
    };
    QObject::connect(&bob.mailbox(), &sync::MailboxSync::messageReceived,
                     [&](const store::StoredMessage &message) {
                         latenciesUs.append(clock.nsecsElapsed() / 1000
                                            - sentAt.take(message.messageId));
                         if (latenciesUs.size() == total)
                             loop.quit();
                         sendMore();
                     });
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    clock.start();
    sendMore();
    loop.exec();
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    const bool finished = latenciesUs.size() == total;

    std::printf("messages: %lld of %d in %.2f s (window %d)%s\n", qlonglong(latenciesUs.size()),
                total, seconds, window, finished ? "" : " -- TIMED OUT");
    std::printf("throughput: %.0f messages/s\n", double(latenciesUs.size()) / seconds);
    std::printf("latency send->receive: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms\n",
                double(percentile(latenciesUs, 0.5)) / 1000,
                double(percentile(latenciesUs, 0.9)) / 1000,
                double(percentile(latenciesUs, 0.99)) / 1000);
    return finished ? 0 : 1;
}
