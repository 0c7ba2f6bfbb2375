#include "core/models/ChatListModel.h"
#include "core/models/MessageModel.h"
#include "core/store/LocalStore.h"
#include "core/store/StoreContext.h"
#include "core/sync/DeviceDirectory.h"
#include "core/sync/MailboxSync.h"
#include "core/sync/Outbox.h"
#include "tests/core/FakeAccount.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace parley;
using namespace parley::models;
using protocol::Result;

namespace {
constexpr qint64 Now = 1795625483450;

store::InboundMessage from(const QString &peer, const QString &id, qint64 at)
{
    store::InboundMessage in;
    in.messageId = id;
    in.senderUserId = in.peerUserId = peer;
    in.senderDeviceId = QStringLiteral("device");
    in.body = QStringLiteral("text of ") + id;
    in.sentAt = in.serverTime = at;
    return in;
}
} // namespace

// The Qt models of the next issue's screens, over a real store file (Qt's model tester checks
// every signal they emit).
class ModelsTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void messagesArePagedFromTheNewestUpToTheFirst();
    void anOlderPageGoesInAboveInPartsAndKeepsWhatChangedMeanwhile();
    void aLongChatKeepsABoundedWindowOfRowsBothWays();
    void newAndChangedMessagesShowInPlace();
    void editsReactionsAndDeletionsChangeTheRowInPlace();
    void chatListIsOrderedAndKeepsTheSelectionWhenChatsMove();

private:
    QList<store::StoredMessage> storeInbox(const QList<store::InboundMessage> &messages);

    QTemporaryDir m_dir;
    std::unique_ptr<FakeAccount> m_me;
};

void ModelsTest::init()
{
    QFile::remove(m_dir.filePath(QStringLiteral("store.db")));
    m_me = std::make_unique<FakeAccount>(m_dir.filePath(QStringLiteral("store.db")),
                                         sync::Identity{QStringLiteral("me"),
                                                        QStringLiteral("laptop"),
                                                        crypto::DeviceKeyPair::generate()});
    QVERIFY(m_me->opened);
}

void ModelsTest::cleanup()
{
    m_me.reset();
}

QList<store::StoredMessage> ModelsTest::storeInbox(const QList<store::InboundMessage> &messages)
{
    auto changes = m_me->store.runAndWait([messages](store::StoreContext &store) {
        return store.messages().storeInbox(messages, {}, 0, Now);
    });
    return changes ? changes->added : QList<store::StoredMessage>();
}

void ModelsTest::messagesArePagedFromTheNewestUpToTheFirst()
{
    QList<store::InboundMessage> batch;
    for (int i = 0; i < 120; ++i)
        batch.append(from(QStringLiteral("ann"), QStringLiteral("m%1").arg(i), Now + i));
    const auto added = storeInbox(batch);
    QCOMPARE(added.size(), 120);

    MessageModel model(m_me->store, m_me->mailbox, m_me->outbox, added.first().chatId);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy pages(&model, &MessageModel::pageLoaded);
    QVERIFY(pages.wait());
    QCOMPARE(model.rowCount(), MessageModel::PageSize);
    QCOMPARE(model.index(0).data(MessageModel::MessageIdRole).toString(), QStringLiteral("m70"));
    QCOMPARE(model.index(49).data().toString(), QStringLiteral("text of m119"));
    // A view asks for more as it scrolls up (Qt's model tester asks too): one page at a time.
    QTRY_VERIFY(model.canFetchMore({}) || model.rowCount() > MessageModel::PageSize);
    if (model.canFetchMore({})) {
        model.fetchMore({});
        QVERIFY(!model.canFetchMore({}));
    }
    QTRY_VERIFY(model.rowCount() >= 2 * MessageModel::PageSize);
    if (model.rowCount() == 2 * MessageModel::PageSize)
        QCOMPARE(model.index(0).data(MessageModel::MessageIdRole).toString(),
                 QStringLiteral("m20"));
    QTRY_VERIFY(model.canFetchMore({}) || model.rowCount() == 120);
    if (model.canFetchMore({}))
        model.fetchMore({});
    QTRY_COMPARE(model.rowCount(), 120);
    QCOMPARE(model.index(0).data(MessageModel::MessageIdRole).toString(), QStringLiteral("m0"));
    QCOMPARE(model.index(119).data(MessageModel::MessageIdRole).toString(), QStringLiteral("m119"));
    QVERIFY(!model.canFetchMore({}));
}

void ModelsTest::anOlderPageGoesInAboveInPartsAndKeepsWhatChangedMeanwhile()
{
    QList<store::InboundMessage> batch;
    for (int i = 0; i < 60; ++i) // the last one the next day
        batch.append(from(QStringLiteral("ann"), QStringLiteral("m%1").arg(i),
                          Now + i * 60000 + (i == 59 ? 86400000 : 0)));
    const auto added = storeInbox(batch);
    QCOMPARE(added.size(), 60);
    MessageModel model(m_me->store, m_me->mailbox, m_me->outbox, added.first().chatId);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy pages(&model, &MessageModel::pageLoaded);
    QVERIFY(pages.wait());
    QCOMPARE(model.rowCount(), MessageModel::PageSize); // the first page at once
    const QDate day = QDateTime::fromMSecsSinceEpoch(Now + 58 * 60000).date();
    QCOMPARE(model.index(48).data(MessageModel::LocalDayRole).toLongLong(), day.toJulianDay());
    QCOMPARE(model.index(49).data(MessageModel::LocalDayRole).toLongLong(),
             day.addDays(1).toJulianDay());
    const quint64 revision = model.index(49).data(MessageModel::RevisionRole).toULongLong();

    // The older ten go in above in parts; m0 is edited and m1 is deleted while they do.
    store::StoredMessage edited = added.first();
    edited.body = QStringLiteral("m0, better");
    edited.editedAt = Now + 99;
    QList<int> parts;
    const auto watch
        = connect(&model, &QAbstractItemModel::rowsInserted, this,
                  [&](const QModelIndex &, int first, int last) {
                      QCOMPARE(first, 0);
                      parts.append(last - first + 1);
                      if (parts.size() == 1) {
                          Q_EMIT m_me->mailbox.messageChanged(edited);
                          Q_EMIT m_me->outbox.messageRemoved(added.first().chatId, added.at(1).row);
                      }
                  });
    // (Qt's model tester may have asked for the newest page once more: it adds nothing.)
    for (int attempt = 0; attempt < 10 && model.rowCount() < 59; ++attempt) {
        if (model.canFetchMore({}))
            model.fetchMore({});
        pages.wait(1000);
    }
    disconnect(watch);
    // Two parts of the ten (InsertRows is 5), the second without the deleted m1.
    QCOMPARE(parts, (QList<int>{MessageModel::InsertRows, MessageModel::InsertRows - 1}));
    QCOMPARE(model.rowCount(), 59);
    QCOMPARE(model.index(0).data(MessageModel::BodyRole).toString(), QStringLiteral("m0, better"));
    QCOMPARE(model.index(1).data(MessageModel::MessageIdRole).toString(), QStringLiteral("m2"));
    QCOMPARE(model.index(58).data(MessageModel::RevisionRole).toULongLong(), revision);
    QVERIFY(!model.canFetchMore({}));

    // A change makes a new revision; the history cleared on another device reads it again.
    auto sent = m_me->store.runAndWait([](store::StoreContext &store) {
        return store.messages().storeInbox(
            {from(QStringLiteral("ann"), QStringLiteral("r0"), Now + 100 * 86400000LL)}, {}, 0,
            Now);
    });
    QVERIFY(sent && sent->added.size() == 1);
    Q_EMIT m_me->mailbox.messageReceived(sent->added.first());
    QCOMPARE(model.rowCount(), 60);
    QVERIFY(model.index(59).data(MessageModel::RevisionRole).toULongLong() > revision);
    Q_EMIT m_me->mailbox.historyCleared(added.first().chatId);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(pages.wait());
    QCOMPARE(model.rowCount(), MessageModel::PageSize);
}

void ModelsTest::aLongChatKeepsABoundedWindowOfRowsBothWays()
{
    constexpr int Total = MessageModel::MaxRows + 150;
    QList<store::InboundMessage> batch;
    for (int i = 0; i < Total; ++i)
        batch.append(from(QStringLiteral("ann"), QStringLiteral("m%1").arg(i), Now + i));
    const auto added = storeInbox(batch);
    QCOMPARE(added.size(), Total);
    const qint64 chatId = added.first().chatId;
    MessageModel model(m_me->store, m_me->mailbox, m_me->outbox, chatId);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy pages(&model, &MessageModel::pageLoaded);
    QVERIFY(pages.wait());
    QVERIFY(model.isAtNewest());
    const auto idAt
        = [&](int row) { return model.index(row).data(MessageModel::MessageIdRole).toString(); };

    // Up to the first message: never more than MaxRows rows; the newest are let go.
    int maxRows = 0;
    for (int attempt = 0; attempt < 40; ++attempt) {
        if (model.canFetchMore({}))
            model.fetchMore({});
        else if (idAt(0) == QStringLiteral("m0"))
            break; // and nothing is being read
        pages.wait(1000);
        maxRows = qMax(maxRows, model.rowCount());
    }
    QCOMPARE(idAt(0), QStringLiteral("m0"));
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(model.rowCount(), MessageModel::MaxRows);
    QVERIFY(maxRows <= MessageModel::MaxRows);
    QVERIFY(!model.isAtNewest());
    QCOMPARE(idAt(model.rowCount() - 1), QStringLiteral("m%1").arg(MessageModel::MaxRows - 1));

    // A message that comes now is not appended far below the window; it is read on the way
    // down, where the oldest are let go again.
    const auto live
        = storeInbox({from(QStringLiteral("ann"), QStringLiteral("live"), Now + Total)});
    QCOMPARE(live.size(), 1);
    Q_EMIT m_me->mailbox.messageReceived(live.first());
    QCOMPARE(idAt(model.rowCount() - 1), QStringLiteral("m%1").arg(MessageModel::MaxRows - 1));
    for (int attempt = 0; attempt < 40 && !model.isAtNewest(); ++attempt) {
        if (model.canFetchNewer())
            model.fetchNewer();
        pages.wait(1000);
        QVERIFY(model.rowCount() <= MessageModel::MaxRows);
    }
    QVERIFY(model.isAtNewest());
    QCOMPARE(idAt(model.rowCount() - 1), QStringLiteral("live"));
    QCOMPARE(idAt(model.rowCount() - 2), QStringLiteral("m%1").arg(Total - 1));
    QVERIFY(idAt(0) != QStringLiteral("m0"));
    QVERIFY(model.canFetchMore({}));
    // Rows stay in order with nothing twice.
    for (int row = 1; row < model.rowCount(); ++row)
        QVERIFY(model.index(row).data(MessageModel::RowIdRole).toLongLong()
                > model.index(row - 1).data(MessageModel::RowIdRole).toLongLong());

    // From far up, showNewest() reads the newest page again.
    for (int attempt = 0; attempt < 40 && model.isAtNewest(); ++attempt) {
        if (model.canFetchMore({}))
            model.fetchMore({});
        pages.wait(1000);
    }
    QVERIFY(!model.isAtNewest());
    model.showNewest();
    QTRY_VERIFY(model.isAtNewest() && model.rowCount() == MessageModel::PageSize);
    QCOMPARE(idAt(model.rowCount() - 1), QStringLiteral("live"));
}

void ModelsTest::newAndChangedMessagesShowInPlace()
{
    const auto first = storeInbox({from(QStringLiteral("ben"), QStringLiteral("b0"), Now)});
    MessageModel model(m_me->store, m_me->mailbox, m_me->outbox, first.first().chatId);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy pages(&model, &MessageModel::pageLoaded);
    QVERIFY(pages.wait());
    QCOMPARE(model.rowCount(), 1);

    // An outgoing message appears as pending, then gets its tick.
    QSignalSpy queued(&m_me->outbox, &sync::Outbox::messageQueued);
    const QString id = m_me->outbox.sendText(QStringLiteral("ben"), QStringLiteral("on my way"));
    QVERIFY(queued.wait());
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(1).data(MessageModel::StatusRole).toInt(),
             int(store::MessageStatus::Pending));
    QCOMPARE(model.rowOfMessage(id), 1);
    auto sent = m_me->store.runAndWait(
        [id](store::StoreContext &store) { return store.messages().markSent(id, Now); });
    QVERIFY(sent && sent.value());
    Q_EMIT m_me->outbox.statusChanged(*sent.value());
    QCOMPARE(model.index(1).data(MessageModel::StatusRole).toInt(),
             int(store::MessageStatus::Sent));

    // Someone else's chat does not show here.
    const auto other = storeInbox({from(QStringLiteral("cat"), QStringLiteral("c0"), Now)});
    Q_EMIT m_me->mailbox.messageReceived(other.first());
    QCOMPARE(model.rowCount(), 2);
}

void ModelsTest::editsReactionsAndDeletionsChangeTheRowInPlace()
{
    const auto first = storeInbox({from(QStringLiteral("ben"), QStringLiteral("b0"), Now)});
    MessageModel model(m_me->store, m_me->mailbox, m_me->outbox, first.first().chatId);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy pages(&model, &MessageModel::pageLoaded);
    QVERIFY(pages.wait());
    QCOMPARE(model.rowCount(), 1);

    // Ben edits his message and reacts to it; the store applies both, the model shows them.
    store::InboundMessage edit = from(QStringLiteral("ben"), QStringLiteral("b1"), Now + 1);
    edit.kind = store::MessageKind::Edit;
    edit.body = QStringLiteral("better text");
    edit.target = {QStringLiteral("b0"), QStringLiteral("ben")};
    store::InboundMessage reaction = from(QStringLiteral("ben"), QStringLiteral("b2"), Now + 2);
    reaction.kind = store::MessageKind::Reaction;
    reaction.body = QStringLiteral("\U0001F44D");
    reaction.target = {QStringLiteral("b0"), QStringLiteral("ben")};
    auto changes = m_me->store.runAndWait([edit, reaction](store::StoreContext &store) {
        return store.messages().storeInbox({edit, reaction}, {}, 0, Now);
    });
    QVERIFY(changes);
    QCOMPARE(changes->added.size(), 0); // neither is a message of its own
    QCOMPARE(changes->changed.size(), 2);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    for (const store::StoredMessage &message : changes->changed)
        Q_EMIT m_me->mailbox.messageChanged(message);
    QCOMPARE(changed.size(), 2);
    QCOMPARE(model.rowCount(), 1);
    const QModelIndex row = model.index(0);
    QCOMPARE(row.data(MessageModel::BodyRole).toString(), QStringLiteral("better text"));
    QVERIFY(row.data(MessageModel::EditedRole).toBool());
    const QVariantList reactions = row.data(MessageModel::ReactionsRole).toList();
    QCOMPARE(reactions.size(), 1);
    QCOMPARE(reactions.first().toMap().value(QStringLiteral("emoji")).toString(),
             QStringLiteral("\U0001F44D"));

    // Deleted for everyone: no body, no reactions, the row stays in its place.
    auto deleted = m_me->store.runAndWait([](store::StoreContext &store) {
        return store.messages().storeInbox(
            {}, {}, {{{QStringLiteral("b0"), QStringLiteral("ben")}, Now + 3, QString()}}, {}, 0,
            Now);
    });
    QVERIFY(deleted && deleted->changed.size() == 1);
    Q_EMIT m_me->mailbox.messageChanged(deleted->changed.first());
    QVERIFY(model.index(0).data(MessageModel::DeletedRole).toBool());
    QCOMPARE(model.index(0).data(MessageModel::BodyRole).toString(), QString());
    QCOMPARE(model.index(0).data(MessageModel::ReactionsRole).toList().size(), 0);
    // An edit of a deleted message changes nothing.
    store::InboundMessage late = edit;
    late.messageId = QStringLiteral("b3");
    late.sentAt = Now + 4;
    auto ignored = m_me->store.runAndWait([late](store::StoreContext &store) {
        return store.messages().storeInbox({late}, {}, 0, Now);
    });
    QVERIFY(ignored && ignored->changed.isEmpty());
}

void ModelsTest::chatListIsOrderedAndKeepsTheSelectionWhenChatsMove()
{
    storeInbox({from(QStringLiteral("ann"), QStringLiteral("a0"), Now),
                from(QStringLiteral("ben"), QStringLiteral("b0"), Now + 10)});
    ChatListModel model(m_me->store, m_me->mailbox, m_me->outbox);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &ChatListModel::loaded);
    QVERIFY(loaded.wait());
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0).data(ChatListModel::PeerUserIdRole).toString(), QStringLiteral("ben"));
    QCOMPARE(model.index(0).data(ChatListModel::UnreadCountRole).toInt(), 1);
    QCOMPARE(model.index(0).data(ChatListModel::PreviewRole).toString(),
             QStringLiteral("text of b0"));

    QItemSelectionModel selection(&model);
    selection.setCurrentIndex(model.index(1), QItemSelectionModel::ClearAndSelect);
    QCOMPARE(selection.currentIndex().data(ChatListModel::PeerUserIdRole).toString(),
             QStringLiteral("ann"));

    // Ann writes again: her chat moves to the top, a new chat appears, the selection follows.
    const auto added = storeInbox({from(QStringLiteral("ann"), QStringLiteral("a1"), Now + 20),
                                   from(QStringLiteral("cat"), QStringLiteral("c0"), Now + 5)});
    Q_EMIT m_me->mailbox.messageReceived(added.first());
    QVERIFY(loaded.wait());
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0).data(ChatListModel::PeerUserIdRole).toString(), QStringLiteral("ann"));
    QCOMPARE(model.index(0).data(ChatListModel::UnreadCountRole).toInt(), 2);
    QCOMPARE(model.index(2).data(ChatListModel::PeerUserIdRole).toString(), QStringLiteral("cat"));
    QCOMPARE(selection.currentIndex().row(), 0);
    QCOMPARE(selection.currentIndex().data(ChatListModel::PeerUserIdRole).toString(),
             QStringLiteral("ann"));

    model.setTyping(QStringLiteral("cat"), true);
    QVERIFY(model.index(2).data(ChatListModel::TypingRole).toBool());
    QVERIFY(!model.index(0).data(ChatListModel::TypingRole).toBool());
}

QTEST_GUILESS_MAIN(ModelsTest)
#include "tst_models.moc"
