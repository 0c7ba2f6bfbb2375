// The desktop app as people feel it (docs/performance.md, "Desktop app"):
//  - start: `parley` started with a profile of --chats chats (a saved session, a server that
//    does not answer, as on a train), the time from the process start to the chat list painted
//    with its chats, and the memory it holds a few seconds later (VmRSS): median of --runs;
//  - open: a chat of --messages messages opened in the real ChatView, until its list is painted
//    with the newest messages: median of 21;
//  - scroll: that chat scrolled up by a wheel notch (3 lines) per frame for --frames frames,
//    older pages loading as it goes: each frame is the event processing plus a synchronous
//    repaint of the list, and the report gives the median, p99 and worst.
// Run under Xvfb for the start (it needs a real window system), any platform for the rest:
//   xvfb-run -a build/bench/bench_desktop --app build/app/parley
// Bounded: at most 2,000 chats, 200,000 messages, 20 runs and 5,000 frames.
#include "core/account/Account.h"
#include "core/account/SecretVault.h"
#include "core/models/MessageModel.h"
#include "core/store/LocalStore.h"
#include "core/store/StoreContext.h"
#include "ui/chat/ChatView.h"
#include "ui/chat/MessageListView.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdio>

using namespace parley;

namespace {

constexpr qint64 Start = 1795625483450;
const QString Me = QStringLiteral("00000000-0000-4000-8000-00000000000a");

QString sentence(QRandomGenerator &random)
{
    static const QStringList words
        = QStringLiteral("dinner tonight meeting tomorrow weekend holiday family birthday party "
                         "coffee lunch office project deadline morning evening train station "
                         "airport flight hotel beach café crème über straße mañana مرحبا شكرا "
                         "привет спасибо 你好 谢谢 🎉 👍 😂 ❤️ "
                         "https://example.org/page")
              .split(u' ', Qt::SkipEmptyParts);
    QStringList out;
    const int length = 2 + int(random.bounded(random.bounded(4) == 0 ? 60 : 14));
    for (int i = 0; i < length; ++i)
        out.append(words.at(qsizetype(random.bounded(int(words.size())))));
    return out.join(u' ');
}

double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(qsizetype(p * double(values.size() - 1)));
}

double ms(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

// A profile as the app leaves it: key, session (of a server on a port nothing listens on),
// and a store with `chats` chats of 20 messages each and one of `messages` messages.
bool prepare(const QString &dir, int chats, int messages)
{
    auto vault = SecretVault::files(dir);
    if (!vault->loadOrCreateDeviceKey())
        return false;
    Session session;
    session.serverUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
    session.refreshToken = QStringLiteral("bench");
    session.userId = Me;
    session.deviceId = QStringLiteral("00000000-0000-4000-8000-0000000000d1");
    session.phoneNumber = QStringLiteral("+12025550100");
    session.accessToken = QStringLiteral("unused"); // not saved
    vault->saveSession(session);

    store::LocalStore store;
    if (!store.openAndWait(Account::storePath(dir, Me)))
        return false;
    QRandomGenerator random(20261202);
    const auto fill = [&](const QString &peer, int total, qint64 at) {
        for (int done = 0; done < total; done += 5000) {
            QList<store::InboundMessage> page;
            for (int i = done; i < std::min(total, done + 5000); ++i) {
                store::InboundMessage in;
                in.messageId = QStringLiteral("%1-%2").arg(peer).arg(i);
                in.senderUserId = in.peerUserId = peer;
                in.senderDeviceId = QStringLiteral("device");
                in.body = sentence(random);
                in.sentAt = in.serverTime = at + qint64(i) * 60000;
                page.append(in);
            }
            const auto stored = store.runAndWait([&](store::StoreContext &context) {
                return context.messages().storeInbox(page, {}, 0, Start).ok();
            });
            if (!stored)
                return false;
        }
        return true;
    };
    if (!fill(QStringLiteral("big-chat"), messages, Start))
        return false;
    for (int chat = 0; chat < chats - 1; ++chat) {
        if (!fill(QStringLiteral("peer-%1").arg(chat), 20, Start + chat * 1000))
            return false;
    }
    return true;
}

qint64 rssKiB(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

void benchStart(const QString &app, const QString &dir, int runs)
{
    QList<double> times;
    QList<double> memory;
    for (int run = 0; run < runs; ++run) {
        QProcess parley;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("PARLEY_REPORT_READY"), QStringLiteral("1"));
        environment.insert(QStringLiteral("PARLEY_KEYCHAIN"), QStringLiteral("0"));
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dir + QStringLiteral("/config"));
        parley.setProcessEnvironment(environment);
        QElapsedTimer timer;
        timer.start();
        parley.start(app,
                     {QStringLiteral("--profile"), dir, QStringLiteral("--server"),
                      QStringLiteral("http://127.0.0.1:9")});
        bool ready = false;
        QByteArray errors;
        while (!ready && timer.elapsed() < 20000 && parley.state() != QProcess::NotRunning) {
            parley.waitForReadyRead(50);
            errors += parley.readAllStandardError();
            ready = errors.contains("parley: ready");
        }
        const double elapsed = ms(timer);
        if (!ready) {
            std::fprintf(stderr, "parley did not get ready:\n%s\n", errors.constData());
            parley.kill();
            parley.waitForFinished(5000);
            return;
        }
        times.append(elapsed);
        QTest::qWait(3000); // settled: the first refresh attempts, idle
        memory.append(double(rssKiB(parley.processId())) / 1024.0);
        parley.terminate();
        if (!parley.waitForFinished(5000)) {
            parley.kill();
            parley.waitForFinished(5000);
        }
    }
    std::printf("start to a painted list of chats: median %.0f ms, min %.0f, max %.0f (%d runs)\n",
                percentile(times, 0.5), percentile(times, 0), percentile(times, 1), runs);
    std::printf("memory 3 s after the start (VmRSS): median %.1f MiB, max %.1f MiB\n",
                percentile(memory, 0.5), percentile(memory, 1));
}

void benchChat(const QString &dir, int frames)
{
    auto vault = SecretVault::files(dir);
    const auto keys = vault->loadOrCreateDeviceKey();
    auto session = vault->loadSession();
    if (!keys || !session) {
        std::fprintf(stderr, "no profile in %s\n", qPrintable(dir));
        return;
    }
    Account account(session.value(), keys.value(), dir, *vault);
    QEventLoop opened;
    QObject::connect(&account, &Account::opened, &opened, &QEventLoop::quit);
    account.start();
    opened.exec();
    const auto chat = account.store().runAndWait([](store::StoreContext &context) {
        return context.chats().chatByPeer(QStringLiteral("big-chat"));
    });
    if (!chat || !chat.value()) {
        std::fprintf(stderr, "no big chat\n");
        return;
    }

    ui::ChatView view(account);
    view.resize(760, 680);
    view.show();
    if (!QTest::qWaitForWindowExposed(&view))
        return;
    ui::MessageListView *list = view.messageList();

    // Open: until the newest messages are painted.
    QList<double> opens;
    for (int round = 0; round < 21; ++round) {
        QElapsedTimer timer;
        timer.start();
        view.open(*chat.value(), QStringLiteral("big-chat"), QStringLiteral("Big Chat"), 0);
        while (!list->messageModel() || list->messageModel()->rowCount() == 0) {
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
            if (timer.elapsed() > 10000)
                return;
        }
        QCoreApplication::processEvents();
        list->viewport()->repaint();
        opens.append(ms(timer));
    }
    std::printf("open a chat of its newest messages painted: median %.2f ms, p90 %.2f ms (21 "
                "opens)\n",
                percentile(opens, 0.5), percentile(opens, 0.9));

    // Scroll: a wheel notch a frame, as fast as frames come.
    QList<double> times;
    QScrollBar *bar = list->verticalScrollBar();
    const int step = 3 * list->fontMetrics().height();
    for (int frame = 0; frame < frames; ++frame) {
        QElapsedTimer timer;
        timer.start();
        bar->setValue(bar->value() - step);
        QCoreApplication::processEvents(); // store answers, layout, older pages put above
        list->viewport()->repaint();
        times.append(ms(timer));
    }
    const int loaded = list->messageModel()->rowCount();
    std::printf(
        "scroll up %d frames (%d messages loaded by then): median %.2f ms, p99 %.2f ms, "
        "worst %.2f ms, frames over 16 ms: %lld\n",
        frames, loaded, percentile(times, 0.5), percentile(times, 0.99), percentile(times, 1.0),
        qlonglong(std::count_if(times.cbegin(), times.cend(), [](double t) { return t > 16.0; })));
}

} // namespace

int main(int argc, char *argv[])
{
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // each figure as it comes
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("app"), QStringLiteral("The parley binary, for the start."),
                      QStringLiteral("PATH")});
    parser.addOption({QStringLiteral("chats"), QStringLiteral("Chats in the profile (max 2000)."),
                      QStringLiteral("N"), QStringLiteral("1000")});
    parser.addOption({QStringLiteral("messages"),
                      QStringLiteral("Messages in the big chat (max 200000)."), QStringLiteral("N"),
                      QStringLiteral("100000")});
    parser.addOption({QStringLiteral("runs"), QStringLiteral("Starts (max 20)."),
                      QStringLiteral("N"), QStringLiteral("5")});
    parser.addOption({QStringLiteral("frames"), QStringLiteral("Scroll frames (max 5000)."),
                      QStringLiteral("N"), QStringLiteral("2000")});
    parser.addOption({QStringLiteral("profile"),
                      QStringLiteral("Keep the profile in this folder and reuse it when it is "
                                     "not empty (the figures of --chats and --messages are those "
                                     "it was filled with)."),
                      QStringLiteral("DIR")});
    parser.process(app);
    const int chats = std::clamp(parser.value(QStringLiteral("chats")).toInt(), 2, 2000);
    const int messages = std::clamp(parser.value(QStringLiteral("messages")).toInt(), 100, 200000);
    const int runs = std::clamp(parser.value(QStringLiteral("runs")).toInt(), 1, 20);
    const int frames = std::clamp(parser.value(QStringLiteral("frames")).toInt(), 10, 5000);

    QTemporaryDir temporary;
    const QString dir = parser.isSet(QStringLiteral("profile"))
        ? QDir(parser.value(QStringLiteral("profile"))).absolutePath()
        : temporary.path();
    if (QDir(dir).isEmpty()) {
        QElapsedTimer filling;
        filling.start();
        if (!QDir().mkpath(dir) || !prepare(dir, chats, messages)) {
            std::fprintf(stderr, "cannot prepare the profile\n");
            return 1;
        }
        std::printf("profile: %d chats, one of %d messages (%.1f s to fill)\n", chats, messages,
                    ms(filling) / 1000);
    } else {
        std::printf("profile: %s as an earlier run left it\n", qPrintable(dir));
    }
    if (parser.isSet(QStringLiteral("app")))
        benchStart(parser.value(QStringLiteral("app")), dir, runs);
    benchChat(dir, frames);
    return 0;
}
