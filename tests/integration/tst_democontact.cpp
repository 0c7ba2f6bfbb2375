#include "core/account/Account.h"
#include "core/store/StoreContext.h"
#include "tests/support/ServerProcess.h"
#include "tests/support/TestClient.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace parley;

namespace {
constexpr int WaitMs = 20000;
const QString AlicePhone = QStringLiteral("+12025550191");
const QString DemoPhone = QStringLiteral("+12025550100");

bool finishes(QProcess &process, int timeoutMs)
{
    return QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, timeoutMs);
}
} // namespace

// The demo contact of packaging/run.sh (`parley-cli demo`) as a person alone meets it: a real
// client process with its own keys that reads, types and answers each message, quotes
// questions, reacts to thanks, and remarks on edits and deletions.
class DemoContactTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void theDemoWelcomesReadsTypesQuotesAndReacts();
    void theDemoRemarksOnEditsAndDeletions();

private:
    // The newest incoming message of Alice's from the demo, after `afterRow`.
    std::optional<store::StoredMessage> demoAnswerAfter(qint64 afterRow);

    std::unique_ptr<ServerProcess> m_server;
    QTemporaryDir m_dir;
    QProcess m_demo;
    std::unique_ptr<TestClient> m_alice;
    QString m_demoUserId;
};

void DemoContactTest::initTestCase()
{
    m_server = std::make_unique<ServerProcess>();
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    const QStringList base{QStringLiteral("--server"), m_server->url().toString(),
                           QStringLiteral("--profile"), m_dir.filePath(QStringLiteral("demo"))};
    // Signs the demo in as packaging/run.sh does: the code from the server, on standard input.
    QProcess login;
    login.start(qEnvironmentVariable("PARLEY_CLI"),
                base + QStringList{QStringLiteral("login"), DemoPhone});
    const QString code = m_server->takeCode(DemoPhone);
    QVERIFY(!code.isEmpty());
    login.write(code.toLatin1() + '\n');
    login.closeWriteChannel();
    QVERIFY(finishes(login, WaitMs));
    QCOMPARE(login.exitCode(), 0);

    m_demo.start(qEnvironmentVariable("PARLEY_CLI"), base + QStringList{QStringLiteral("demo")});
    QByteArray said;
    QTRY_VERIFY2_WITH_TIMEOUT((said += m_demo.readAllStandardError()).contains("answers messages"),
                              said.constData(), WaitMs);

    m_alice = std::make_unique<TestClient>(m_server->url());
    QVERIFY2(m_alice->login(*m_server, AlicePhone), qPrintable(m_alice->lastError()));
    QVERIFY2(m_alice->startMessaging(), qPrintable(m_alice->lastError()));
    std::optional<protocol::Result<protocol::UserSearchHit>> found;
    m_alice->users().findByPhone(
        DemoPhone, &m_alice->account(),
        [&](protocol::Result<protocol::UserSearchHit> hit) { found = hit; });
    QTRY_VERIFY_WITH_TIMEOUT(found.has_value(), WaitMs);
    QVERIFY(*found);
    m_demoUserId = found->value().id;
    // It has a name people recognise (set once it is synced: asked again until then).
    QString name;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            std::optional<protocol::Result<protocol::UserCard>> card;
            m_alice->users().card(m_demoUserId, &m_alice->account(),
                                  [&](protocol::Result<protocol::UserCard> c) { card = c; });
            if (!QTest::qWaitFor([&] { return card.has_value(); }, WaitMs) || !*card)
                return false;
            name = card->value().displayName;
            return name == QLatin1String("Parley Demo");
        }(),
        WaitMs);
}

void DemoContactTest::cleanupTestCase()
{
    m_alice.reset();
    m_demo.kill();
    m_demo.waitForFinished();
    if (m_server)
        QCOMPARE(m_server->stop(), 0);
}

std::optional<store::StoredMessage> DemoContactTest::demoAnswerAfter(qint64 afterRow)
{
    auto chat = m_alice->account().store().runAndWait(
        [this](store::StoreContext &store) { return store.chats().chatByPeer(m_demoUserId); });
    if (!chat || !chat.value())
        return std::nullopt;
    auto page
        = m_alice->account().store().runAndWait([id = *chat.value()](store::StoreContext &store) {
              return store.messages().messages(id, 0, 20);
          });
    if (!page)
        return std::nullopt;
    for (const store::StoredMessage &m : page.value()) {
        if (!m.outgoing && m.row > afterRow && m.kind == store::MessageKind::Text)
            return m;
    }
    return std::nullopt;
}

void DemoContactTest::theDemoWelcomesReadsTypesQuotesAndReacts()
{
    sync::Outbox &outbox = m_alice->outbox();
    QSignalSpy typing(&m_alice->account().live(), &sync::LiveStatus::typingChanged);
    QSignalSpy statuses(&m_alice->mailbox(), &sync::MailboxSync::statusChanged);
    QSignalSpy received(&m_alice->mailbox(), &sync::MailboxSync::messageReceived);
    QSignalSpy changed(&m_alice->mailbox(), &sync::MailboxSync::messageChanged);

    // The first message gets the welcome, after the demo read it and typed.
    const QString hello = outbox.sendText(m_demoUserId, QStringLiteral("Hello there"));
    std::optional<store::StoredMessage> welcome;
    QTRY_VERIFY_WITH_TIMEOUT((welcome = demoAnswerAfter(0)).has_value(), WaitMs);
    QVERIFY2(welcome->body.contains(QLatin1String("demo contact")), qPrintable(welcome->body));
    QVERIFY(!typing.isEmpty());
    QCOMPARE(typing.first().at(0).toString(), m_demoUserId);
    QVERIFY(typing.first().at(1).toBool());
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const QList<QVariant> &change : statuses) {
                const auto c = change.at(0).value<store::StatusChange>();
                if (c.messageId == hello && c.status == store::MessageStatus::Read)
                    return true;
            }
            return false;
        }(),
        WaitMs);

    // A question is answered with a reply that quotes it.
    const QString question = outbox.sendText(m_demoUserId, QStringLiteral("Can you quote me?"));
    std::optional<store::StoredMessage> quoted;
    QTRY_VERIFY_WITH_TIMEOUT((quoted = demoAnswerAfter(welcome->row)).has_value(), WaitMs);
    QVERIFY(quoted->replyTo);
    QCOMPARE(quoted->replyTo->messageId, question);
    QCOMPARE(quoted->replyTo->senderUserId, QString()); // Alice's own message

    // Thanks get a heart on the message.
    const QString thanks = outbox.sendText(m_demoUserId, QStringLiteral("thanks!"));
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const QList<QVariant> &change : changed) {
                const auto m = change.at(0).value<store::StoredMessage>();
                if (m.messageId == thanks && !m.reactions.isEmpty()
                    && m.reactions.first().emoji == QStringLiteral("\u2764\uFE0F")
                    && m.reactions.first().userId == m_demoUserId)
                    return true;
            }
            return false;
        }(),
        WaitMs);
}

void DemoContactTest::theDemoRemarksOnEditsAndDeletions()
{
    sync::Outbox &outbox = m_alice->outbox();
    QSignalSpy sent(&outbox, &sync::Outbox::messageSent);
    const QString typo = outbox.sendText(m_demoUserId, QStringLiteral("I lvoe this"));
    QTRY_VERIFY_WITH_TIMEOUT(!sent.isEmpty(), WaitMs);
    std::optional<store::StoredMessage> echo;
    QTRY_VERIFY_WITH_TIMEOUT((echo = demoAnswerAfter(0)).has_value()
                                 && echo->body.contains(QLatin1String("I lvoe this")),
                             WaitMs);
    auto row = m_alice->account().store().runAndWait([typo](store::StoreContext &store) {
        return store.messages().messageByRef({typo, QString()});
    });
    QVERIFY(row && row.value());
    outbox.edit(row.value()->row, QStringLiteral("I love this"));
    std::optional<store::StoredMessage> remark;
    QTRY_VERIFY_WITH_TIMEOUT((remark = demoAnswerAfter(echo->row)).has_value(), WaitMs);
    QVERIFY2(remark->body.contains(QLatin1String("I love this")), qPrintable(remark->body));
    QVERIFY(remark->replyTo && remark->replyTo->messageId == typo);

    outbox.deleteForEveryone(row.value()->row);
    std::optional<store::StoredMessage> deleted;
    QTRY_VERIFY_WITH_TIMEOUT((deleted = demoAnswerAfter(remark->row)).has_value(), WaitMs);
    QVERIFY2(deleted->body.contains(QLatin1String("deleted")), qPrintable(deleted->body));
}

QTEST_GUILESS_MAIN(DemoContactTest)
#include "tst_democontact.moc"
