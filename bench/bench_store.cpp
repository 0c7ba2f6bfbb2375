// The client's local store on a real SQLite file (synchronous=FULL, WAL), as the app uses it:
//  - storing one synced page of 500 events (one transaction, FTS included);
//  - opening a chat of 100,000 messages: the first page of a MessageModel ready;
//  - full-text search over --messages stored messages (default 1,000,000): median and p99.
// Run: build/bench/bench_store [--messages N] [--dir DIR]
// Bounded: at most 2,000,000 messages; every loop has a fixed count.
#include "core/models/MessageModel.h"
#include "core/store/LocalStore.h"
#include "core/store/StoreContext.h"
#include "tests/core/FakeAccount.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace parley;

namespace {

constexpr qint64 Start = 1795625483450;

// Words of a few languages, so that the index looks like a real one.
const QStringList Words = [] {
    QStringList words
        = QStringLiteral(
              "dinner tonight meeting tomorrow weekend holiday family birthday "
              "party coffee lunch office project deadline morning evening train "
              "station airport flight hotel beach mountain river garden kitchen "
              "café crème über straße mañana déjà naïve résumé garçon "
              "مرحبا شكرا صباح مساء اليوم غدا أهلا سلام "
              "привет спасибо завтра 你好 谢谢 明天 🎉 👍 😂 ❤️ "
              "🍕")
              .split(u' ', Qt::SkipEmptyParts);
    for (int i = 0; i < 2000; ++i) // rarer words, as names and places are
        words.append(QStringLiteral("w%1x").arg(i * 7919 % 100000));
    return words;
}();

QString sentence(QRandomGenerator &random)
{
    QStringList out;
    const int length = 3 + int(random.bounded(12));
    for (int i = 0; i < length; ++i)
        out.append(Words.at(qsizetype(random.bounded(int(Words.size())))));
    return out.join(u' ');
}

QList<store::InboundMessage> page(QRandomGenerator &random, const QString &peer, qint64 first,
                                  int count)
{
    QList<store::InboundMessage> messages;
    for (int i = 0; i < count; ++i) {
        store::InboundMessage in;
        in.messageId = QStringLiteral("%1-%2").arg(peer).arg(first + i);
        in.senderUserId = in.peerUserId = peer;
        in.senderDeviceId = QStringLiteral("device");
        in.body = sentence(random);
        in.sentAt = in.serverTime = Start + first + i;
        messages.append(in);
    }
    return messages;
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

bool fill(store::LocalStore &store, QRandomGenerator &random, const QString &peer, int total,
          int batch)
{
    for (int done = 0; done < total; done += batch) {
        const auto messages = page(random, peer, done, std::min(batch, total - done));
        const auto stored = store.runAndWait([&](store::StoreContext &context) {
            return context.messages().storeInbox(messages, {}, 0, Start);
        });
        if (!stored) {
            std::fprintf(stderr, "store failed: %s\n", qPrintable(stored.error().message));
            return false;
        }
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("messages"),
                      QStringLiteral("Messages in the search store (max 2000000)."),
                      QStringLiteral("N"), QStringLiteral("1000000")});
    parser.addOption({QStringLiteral("dir"), QStringLiteral("Folder for the store files."),
                      QStringLiteral("DIR")});
    parser.process(app);
    const int searchTotal
        = std::clamp(parser.value(QStringLiteral("messages")).toInt(), 1000, 2000000);
    QTemporaryDir temporary(parser.isSet(QStringLiteral("dir"))
                                ? parser.value(QStringLiteral("dir"))
                                    + QStringLiteral("/bench-XXXXXX")
                                : QString());
    QRandomGenerator random(20261201);

    // 1. One synced page of 500 events, each its own transaction of 500 new messages.
    {
        store::LocalStore store;
        if (!store.openAndWait(temporary.filePath(QStringLiteral("page.db"))))
            return 1;
        QList<double> times;
        for (int round = 0; round < 21; ++round) {
            const auto messages
                = page(random, QStringLiteral("p%1").arg(round % 5), round * 500, 500);
            QElapsedTimer timer;
            timer.start();
            store.runAndWait([&](store::StoreContext &context) {
                return context.messages().storeInbox(messages, {}, round * 500, Start).ok();
            });
            times.append(ms(timer));
        }
        std::printf("store a synced page of 500 events: median %.1f ms, p90 %.1f ms (21 pages)\n",
                    percentile(times, 0.5), percentile(times, 0.9));
    }

    // 2. Opening a chat of 100,000 messages: the first page of its model is ready.
    {
        FakeAccount account(
            temporary.filePath(QStringLiteral("chat.db")),
            {QStringLiteral("me"), QStringLiteral("laptop"), crypto::DeviceKeyPair::generate()});
        if (!account.opened || !fill(account.store, random, QStringLiteral("ann"), 100000, 5000))
            return 1;
        QList<double> times;
        for (int round = 0; round < 21; ++round) {
            QElapsedTimer timer;
            timer.start();
            models::MessageModel model(account.store, account.mailbox, account.outbox, 1);
            QEventLoop loop;
            QObject::connect(&model, &models::MessageModel::pageLoaded, &loop, &QEventLoop::quit);
            loop.exec();
            times.append(ms(timer));
        }
        std::printf("open a chat of 100000 messages (first page of 50 in the model): median %.2f "
                    "ms, p90 %.2f ms (21 opens)\n",
                    percentile(times, 0.5), percentile(times, 0.9));
    }

    // 3. Search over many messages.
    {
        store::LocalStore store;
        if (!store.openAndWait(temporary.filePath(QStringLiteral("search.db"))))
            return 1;
        QElapsedTimer filling;
        filling.start();
        for (int chat = 0; chat < 10; ++chat) {
            if (!fill(store, random, QStringLiteral("peer%1").arg(chat), searchTotal / 10, 5000))
                return 1;
        }
        std::printf("stored %d messages for search in %.1f s\n", searchTotal, ms(filling) / 1000);
        QStringList queries;
        for (int i = 0; i < 200; ++i) {
            const QString word = Words.at(qsizetype(random.bounded(int(Words.size()))));
            // Half whole words, half prefixes of what a user is still typing.
            queries.append(i % 2 ? word : word.left(std::max<qsizetype>(2, word.size() / 2)));
            if (i % 5 == 0)
                queries.last() += u' ' + Words.at(qsizetype(random.bounded(40)));
        }
        QList<double> times;
        qsizetype hits = 0;
        for (const QString &query : queries) {
            QElapsedTimer timer;
            timer.start();
            const auto found = store.runAndWait(
                [&](store::StoreContext &context) { return context.messages().search(query, 50); });
            times.append(ms(timer));
            hits += found ? found->size() : 0;
        }
        std::printf("search %d messages (200 queries, 50 newest hits each): median %.2f ms, p99 "
                    "%.2f ms, max %.2f ms (%lld hits)\n",
                    searchTotal, percentile(times, 0.5), percentile(times, 0.99),
                    percentile(times, 1.0), qlonglong(hits));
    }
    return 0;
}
