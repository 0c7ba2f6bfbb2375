#include "core/sql/Database.h"
#include "core/store/ClientSchema.h"
#include "core/store/LocalStore.h"
#include "core/store/StoreContext.h"
#include "core/store/TextIndex.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace parley;
using namespace parley::store;
using protocol::Result;

namespace {
constexpr qint64 Now = 1795625483450;
const QString Peer = QStringLiteral("peer-user");

InboundMessage incoming(const QString &messageId, const QString &body)
{
    InboundMessage in;
    in.messageId = messageId;
    in.senderUserId = Peer;
    in.senderDeviceId = QStringLiteral("peer-device");
    in.peerUserId = Peer;
    in.body = body;
    in.sentAt = Now;
    in.serverTime = Now;
    return in;
}
} // namespace

// The client's local store (docs/architecture.md, "Client store"), on real SQLite files.
class LocalStoreTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void newFileGetsTheLatestSchemaAndOpensAgain();
    void emptyFileFromAnEarlierVersionIsMigrated();
    void newerSchemaIsRefusedAndTheFileIsLeftAlone();
    void damagedFileIsKeptAsideAndNamedNeverReplaced();
    void answersComeBackOnTheCallersThreadAndNotAfterItIsGone();

    void replayedMessageIsStoredOnce();
    void cursorNeverMovesBackwards();
    void outboxSurvivesReopeningUntilMarkedSent();
    void receiptsOnlyMoveTicksForward();
    void failedMessageCanBeRetried();
    void chatListIsOrderedByPinnedThenActivityWithUnreadCounts();
    void messagesArePagedNewestFirst();

    void searchFinds_data();
    void searchFinds();
    void searchInputIsPlainText();

private:
    StoreContext &open();
    QString path() const { return m_dir->filePath(QStringLiteral("store.db")); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<StoreContext> m_store;
};

void LocalStoreTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void LocalStoreTest::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

StoreContext &LocalStoreTest::open()
{
    m_store = std::make_unique<StoreContext>();
    const auto opened = m_store->open(path());
    if (!opened)
        qWarning().noquote() << opened.error().message;
    return *m_store;
}

void LocalStoreTest::newFileGetsTheLatestSchemaAndOpensAgain()
{
    QVERIFY(open().isOpen());
    QCOMPARE(m_store->database().schemaVersion(), int(clientMigrations().size()));
    m_store.reset();
    QVERIFY(open().isOpen());
    QCOMPARE(m_store->database().schemaVersion(), int(clientMigrations().size()));
}

void LocalStoreTest::emptyFileFromAnEarlierVersionIsMigrated()
{
    // Every earlier version, from an empty file (version 0) up: each is migrated to the latest.
    for (int version = 0; version < int(clientMigrations().size()); ++version) {
        const QString file = m_dir->filePath(QStringLiteral("v%1.db").arg(version));
        {
            sql::Database db;
            QVERIFY(db.openSqlite(file));
            QVERIFY(db.migrate(clientMigrations().mid(0, version)));
            QCOMPARE(db.schemaVersion(), version);
        }
        StoreContext store;
        const auto opened = store.open(file);
        QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message));
        QCOMPARE(store.database().schemaVersion(), int(clientMigrations().size()));
        QVERIFY(store.chats().directChat(Peer, Now));
    }
}

void LocalStoreTest::newerSchemaIsRefusedAndTheFileIsLeftAlone()
{
    {
        sql::Database db;
        QVERIFY(db.openSqlite(path()));
        QList<QStringList> future = clientMigrations();
        future.append({QStringLiteral("CREATE TABLE from_the_future (id INTEGER)")});
        QVERIFY(db.migrate(future));
    }
    LocalStore store;
    std::optional<Result<void>> opened;
    store.open(path(), this, [&](Result<void> result) { opened = result; });
    QTRY_VERIFY(opened.has_value());
    QVERIFY(!opened->ok());
    QVERIFY2(opened->error().message.contains(QLatin1String("newer")),
             qPrintable(opened->error().message));
    QVERIFY(QFile::exists(path())); // not damaged: a newer Parley can still open it
}

void LocalStoreTest::damagedFileIsKeptAsideAndNamedNeverReplaced()
{
    QFile garbage(path());
    QVERIFY(garbage.open(QIODevice::WriteOnly));
    const QByteArray bytes(8192, 'x');
    garbage.write(bytes);
    garbage.close();

    LocalStore store;
    std::optional<Result<void>> opened;
    store.open(path(), this, [&](Result<void> result) { opened = result; });
    QTRY_VERIFY(opened.has_value());
    QVERIFY(!opened->ok());
    const QString message = opened->error().message;
    QVERIFY2(message.contains(path()) && message.contains(QLatin1String("damaged")),
             qPrintable(message));
    QVERIFY(!QFile::exists(path())); // nothing new was made in its place
    const QStringList aside
        = QDir(m_dir->path()).entryList({QStringLiteral("store.db.damaged-*")}, QDir::Files);
    QCOMPARE(aside.size(), 1);
    QVERIFY(message.contains(aside.first()));
    QFile kept(m_dir->filePath(aside.first()));
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), bytes);
}

void LocalStoreTest::answersComeBackOnTheCallersThreadAndNotAfterItIsGone()
{
    LocalStore store;
    std::optional<Result<void>> opened;
    store.open(path(), this, [&](Result<void> result) { opened = result; });
    QTRY_VERIFY(opened.has_value());
    QVERIFY(opened->ok());

    QThread *callerThread = nullptr;
    QThread *workThread = nullptr;
    store.run(
        this,
        [&](StoreContext &context) {
            workThread = QThread::currentThread();
            return context.chats().directChat(Peer, Now);
        },
        [&](Result<qint64>) { callerThread = QThread::currentThread(); });
    QTRY_VERIFY(callerThread != nullptr);
    QCOMPARE(callerThread, QThread::currentThread());
    QVERIFY(workThread != QThread::currentThread());

    bool called = false;
    auto context = std::make_unique<QObject>();
    store.run(
        context.get(), [](StoreContext &) { return 1; }, [&](int) { called = true; });
    context.reset();
    QTest::qWait(50);
    QVERIFY(!called);
}

void LocalStoreTest::replayedMessageIsStoredOnce()
{
    MessageStore &messages = open().messages();
    const auto first
        = messages.storeInbox({incoming(QStringLiteral("m1"), QStringLiteral("hi"))}, {}, 0, Now);
    QVERIFY(first);
    QCOMPARE(first->added.size(), 1);
    const auto replay
        = messages.storeInbox({incoming(QStringLiteral("m1"), QStringLiteral("hi"))}, {}, 0, Now);
    QVERIFY(replay);
    QCOMPARE(replay->added.size(), 0);
    const auto chats = m_store->chats().chats();
    QVERIFY(chats);
    QCOMPARE(chats->size(), 1);
    QCOMPARE(chats->first().unreadCount, 1);
    QCOMPARE(messages.messages(chats->first().id, 0, 10)->size(), 1);
    QCOMPARE(messages.search(QStringLiteral("hi"), 10)->size(), 1);
}

void LocalStoreTest::cursorNeverMovesBackwards()
{
    MessageStore &messages = open().messages();
    QCOMPARE(messages.cursor().value(), 0);
    QVERIFY(messages.setCursor(7));
    QVERIFY(messages.setCursor(3));
    QCOMPARE(messages.cursor().value(), 7);
    m_store.reset();
    QCOMPARE(open().messages().cursor().value(), 7);
}

void LocalStoreTest::outboxSurvivesReopeningUntilMarkedSent()
{
    const auto added = open().messages().addOutgoing(Peer, QStringLiteral("out-1"),
                                                     QStringLiteral("later"), Now, "{plain}", Now);
    QVERIFY(added);
    QCOMPARE(added->status, MessageStatus::Pending);
    m_store.reset();

    MessageStore &messages = open().messages();
    auto pending = messages.pendingOutbox();
    QVERIFY(pending);
    QCOMPARE(pending->size(), 1);
    QCOMPARE(pending->first().messageId, QStringLiteral("out-1"));
    QCOMPARE(pending->first().recipientUserId, Peer);
    QCOMPARE(pending->first().plaintext, QByteArray("{plain}"));

    const auto sent = messages.markSent(QStringLiteral("out-1"), Now + 5);
    QVERIFY(sent && sent.value());
    QCOMPARE(sent.value()->status, MessageStatus::Sent);
    QVERIFY(messages.pendingOutbox()->isEmpty());
    QCOMPARE(messages.message(added->row).value()->serverTime, Now + 5);
    // An ack that comes again (a resend) changes nothing.
    QVERIFY(!messages.markSent(QStringLiteral("out-1"), Now + 9).value());
}

void LocalStoreTest::receiptsOnlyMoveTicksForward()
{
    MessageStore &messages = open().messages();
    const auto added
        = messages.addOutgoing(Peer, QStringLiteral("out-2"), QStringLiteral("x"), Now, "p", Now);
    QVERIFY(added);
    QVERIFY(messages.markSent(QStringLiteral("out-2"), Now));
    const InboundReceipt read{QStringLiteral("out-2"), Peer, MessageStatus::Read, Now + 2};
    const InboundReceipt delivered{QStringLiteral("out-2"), Peer, MessageStatus::Delivered,
                                   Now + 1};
    auto changes = messages.storeInbox({}, {read}, 0, Now);
    QVERIFY(changes);
    QCOMPARE(changes->statuses.size(), 1);
    QCOMPARE(changes->statuses.first().status, MessageStatus::Read);
    changes = messages.storeInbox({}, {delivered}, 0, Now); // late, after the read
    QVERIFY(changes);
    QCOMPARE(changes->statuses.size(), 0);
    QCOMPARE(messages.message(added->row).value()->status, MessageStatus::Read);
}

void LocalStoreTest::failedMessageCanBeRetried()
{
    MessageStore &messages = open().messages();
    const auto added
        = messages.addOutgoing(Peer, QStringLiteral("out-3"), QStringLiteral("x"), Now, "p", Now);
    QVERIFY(added);
    QCOMPARE(messages.markFailed(QStringLiteral("out-3")).value()->status, MessageStatus::Failed);
    QVERIFY(messages.pendingOutbox()->isEmpty()); // not sent again by itself
    QCOMPARE(messages.retry(added->row).value()->status, MessageStatus::Pending);
    QCOMPARE(messages.pendingOutbox()->size(), 1);
    QVERIFY(!messages.retry(added->row).value()); // only a failed message is retried
}

void LocalStoreTest::chatListIsOrderedByPinnedThenActivityWithUnreadCounts()
{
    MessageStore &messages = open().messages();
    InboundMessage older = incoming(QStringLiteral("a1"), QStringLiteral("old"));
    older.senderUserId = older.peerUserId = QStringLiteral("ann");
    older.serverTime = Now - 1000;
    InboundMessage newer = incoming(QStringLiteral("b1"), QStringLiteral("new"));
    newer.senderUserId = newer.peerUserId = QStringLiteral("ben");
    InboundMessage newer2 = incoming(QStringLiteral("b2"), QStringLiteral("newest"));
    newer2.senderUserId = newer2.peerUserId = QStringLiteral("ben");
    QVERIFY(messages.storeInbox({older, newer, newer2}, {}, 0, Now));
    auto chats = m_store->chats().chats();
    QVERIFY(chats);
    QCOMPARE(chats->size(), 2);
    QCOMPARE(chats->at(0).peerUserId, QStringLiteral("ben"));
    QCOMPARE(chats->at(0).unreadCount, 2);
    QCOMPARE(chats->at(0).lastMessage->body, QStringLiteral("newest"));
    QCOMPARE(chats->at(1).peerUserId, QStringLiteral("ann"));

    QVERIFY(m_store->database().run(QStringLiteral("UPDATE chats SET pinned = 1 WHERE id = ?"),
                                    {chats->at(1).id}));
    QCOMPARE(m_store->chats().chats()->first().peerUserId, QStringLiteral("ann"));
    QVERIFY(m_store->chats().markRead(chats->at(0).id));
    QCOMPARE(m_store->chats().chat(chats->at(0).id).value()->unreadCount, 0);
}

void LocalStoreTest::messagesArePagedNewestFirst()
{
    MessageStore &messages = open().messages();
    QList<InboundMessage> batch;
    for (int i = 0; i < 25; ++i)
        batch.append(incoming(QStringLiteral("p%1").arg(i), QStringLiteral("n%1").arg(i)));
    QVERIFY(messages.storeInbox(batch, {}, 0, Now));
    const qint64 chat = m_store->chats().chatByPeer(Peer).value().value();
    const auto first = messages.messages(chat, 0, 10);
    QCOMPARE(first->size(), 10);
    QCOMPARE(first->first().body, QStringLiteral("n24"));
    const auto second = messages.messages(chat, first->last().row, 10);
    QCOMPARE(second->first().body, QStringLiteral("n14"));
    const auto last
        = messages.messages(chat, messages.messages(chat, second->last().row, 10)->last().row, 10);
    QCOMPARE(last->size(), 0);
}

void LocalStoreTest::searchFinds_data()
{
    QTest::addColumn<QString>("stored");
    QTest::addColumn<QString>("query");
    QTest::addColumn<bool>("found");
    QTest::newRow("a word") << "Dinner at eight?"
                            << "dinner" << true;
    QTest::newRow("a prefix") << "Dinner at eight?"
                              << "din" << true;
    QTest::newRow("every word, as prefixes") << "Hello wonderful world"
                                             << "wor hel" << true;
    QTest::newRow("not every word") << "Hello world"
                                    << "hello moon" << false;
    QTest::newRow("case") << "BERLIN"
                          << "berlin" << true;
    QTest::newRow("accents ignored in the text") << "Un café crème"
                                                 << "cafe creme" << true;
    QTest::newRow("accents ignored in the query") << "Un cafe"
                                                  << "café" << true;
    QTest::newRow("German umlaut") << "Grüße aus München"
                                   << "munchen" << true;
    QTest::newRow("Arabic") << "مرحبا بالعالم"
                            << "مرحبا" << true;
    QTest::newRow("Arabic prefix") << "مرحبا بالعالم"
                                   << "مرح" << true;
    QTest::newRow("Arabic vowel marks ignored") << "مَرْحَبًا"
                                                << "مرحبا" << true;
    QTest::newRow("Arabic tatweel ignored") << "مرحـــبا"
                                            << "مرحبا" << true;
    QTest::newRow("emoji alone") << "party 🎉 tonight"
                                 << "🎉" << true;
    QTest::newRow("emoji inside a word") << "yes🎉"
                                         << "🎉" << true;
    QTest::newRow("emoji with skin tone") << "great 👍🏽"
                                          << "👍" << true;
    QTest::newRow("other emoji") << "party 🎉"
                                 << "🍕" << false;
    QTest::newRow("Chinese") << "你好世界"
                             << "你好" << true;
    QTest::newRow("digits") << "room 4021"
                            << "402" << true;
    QTest::newRow("no match") << "Hello"
                              << "bye" << false;
}

void LocalStoreTest::searchFinds()
{
    QFETCH(QString, stored);
    QFETCH(QString, query);
    QFETCH(bool, found);
    MessageStore &messages = open().messages();
    QVERIFY(messages.storeInbox({incoming(QStringLiteral("s1"), stored)}, {}, 0, Now));
    const auto hits = messages.search(query, 10);
    QVERIFY(hits);
    QCOMPARE(hits->size(), found ? 1 : 0);
    if (found) {
        QCOMPARE(hits->first().message.body, stored); // the text as written, not as indexed
        QCOMPARE(hits->first().peerUserId, Peer);
    }
}

void LocalStoreTest::searchInputIsPlainText()
{
    MessageStore &messages = open().messages();
    QVERIFY(messages.storeInbox({incoming(QStringLiteral("q1"), QStringLiteral("say \"NEAR\" OR"))},
                                {}, 0, Now));
    // FTS5 syntax in the query is neither an error nor an operator.
    for (const char *query : {"\"", "NEAR(", "say OR", "*", "body:say", "-say", "(", "AND"}) {
        const auto hits = messages.search(QString::fromUtf8(query), 10);
        QVERIFY2(hits, query);
    }
    QCOMPARE(messages.search(QStringLiteral("say OR"), 10)->size(), 1);
    QCOMPARE(messages.search(QStringLiteral("\"near\""), 10)->size(), 1);
    QCOMPARE(messages.search(QStringLiteral("  "), 10)->size(), 0);
    QCOMPARE(TextIndex::matchExpression(QStringLiteral("a\"b")), QStringLiteral("\"a\"* \"b\"*"));
}

QTEST_GUILESS_MAIN(LocalStoreTest)
#include "tst_localstore.moc"
