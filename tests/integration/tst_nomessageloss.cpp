#include "core/protocol/MessagePayloads.h"
#include "core/store/StoreContext.h"
#include "tests/support/ServerProcess.h"
#include "tests/support/TcpProxy.h"
#include "tests/support/TestClient.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlQuery>
#include <QTest>

using namespace parley;

namespace {
constexpr int Clients = 20;
constexpr int MessagesEach = 200;
constexpr int Total = Clients * MessagesEach;
constexpr int DrainWaitMs = 240000;

// What a recipient's store holds from one sender, in the order it stored them.
QStringList storedFrom(TestClient &recipient, const QString &senderUserId)
{
    return recipient.account().store().runAndWait([senderUserId](store::StoreContext &store) {
        QStringList ids;
        auto q = store.database().exec(QStringLiteral("SELECT message_id FROM messages WHERE "
                                                      "outgoing = 0 AND sender_user_id = ? "
                                                      "ORDER BY id"),
                                       {senderUserId});
        while (q && q->next())
            ids.append(q->value(0).toString());
        return ids;
    });
}
} // namespace

// The delivery guarantee, Jepsen style (docs/protocol.md 6.7): 20 clients each send 200
// messages to the next one in a burst; in the middle the server is killed with SIGKILL (or
// every connection is reset) and comes back on the same data. After the clients reconnect and
// drain, every message acked to a sender must be in its recipient's store exactly once, and
// each sender's messages in the order written.
class NoMessageLossTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void everyAckedMessageArrivesOnceInOrderThroughAServerKill();
    void everyAckedMessageArrivesOnceInOrderThroughResetConnections();

private:
    bool signInAll(const QUrl &url);
    void startBurst();
    bool waitForAcks(int count, int timeoutMs);
    void checkDelivery();

    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<TcpProxy> m_proxy;
    std::vector<std::unique_ptr<TestClient>> m_clients;
    QHash<QString, QStringList> m_sentBy; // sender user id -> message ids in the order written
    QSet<QString> m_acked;
};

void NoMessageLossTest::init()
{
    m_server = std::make_unique<ServerProcess>();
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    m_sentBy.clear();
    m_acked.clear();
}

void NoMessageLossTest::cleanup()
{
    m_clients.clear();
    m_proxy.reset();
    m_server.reset();
}

bool NoMessageLossTest::signInAll(const QUrl &url)
{
    for (int i = 0; i < Clients; ++i) {
        auto client = std::make_unique<TestClient>(url);
        const QString phone = QStringLiteral("+1202555%1").arg(1100 + i);
        if (!client->login(*m_server, phone) || !client->startMessaging()) {
            qWarning().noquote() << "client" << i << "cannot start:" << client->lastError();
            return false;
        }
        m_clients.push_back(std::move(client));
    }
    return true;
}

void NoMessageLossTest::startBurst()
{
    for (int i = 0; i < Clients; ++i) {
        TestClient &sender = *m_clients[size_t(i)];
        const QString recipient = m_clients[size_t((i + 1) % Clients)]->session().userId;
        connect(&sender.outbox(), &sync::Outbox::messageSent, this,
                [this](const QString &messageId) { m_acked.insert(messageId); });
        QStringList &ids = m_sentBy[sender.session().userId];
        for (int k = 0; k < MessagesEach; ++k)
            ids.append(sender.outbox().sendText(recipient, QStringLiteral("%1 #%2").arg(i).arg(k)));
    }
}

bool NoMessageLossTest::waitForAcks(int count, int timeoutMs)
{
    return QTest::qWaitFor([&] { return m_acked.size() >= count; }, timeoutMs);
}

void NoMessageLossTest::checkDelivery()
{
    // Drain: every message acked, and every recipient has all of its sender's messages.
    const bool drained = QTest::qWaitFor(
        [&] {
            if (m_acked.size() < Total)
                return false;
            for (int i = 0; i < Clients; ++i) {
                TestClient &recipient = *m_clients[size_t((i + 1) % Clients)];
                if (storedFrom(recipient, m_clients[size_t(i)]->session().userId).size()
                    < MessagesEach)
                    return false;
            }
            return true;
        },
        DrainWaitMs);

    int lost = 0, duplicated = 0, outOfOrder = 0;
    for (int i = 0; i < Clients; ++i) {
        const QString sender = m_clients[size_t(i)]->session().userId;
        const QStringList stored = storedFrom(*m_clients[size_t((i + 1) % Clients)], sender);
        const QSet<QString> unique(stored.cbegin(), stored.cend());
        duplicated += int(stored.size() - unique.size());
        QStringList expectedOrder;
        for (const QString &id : m_sentBy.value(sender)) {
            if (m_acked.contains(id) && !unique.contains(id))
                ++lost;
            if (unique.contains(id))
                expectedOrder.append(id);
        }
        outOfOrder += expectedOrder != stored ? 1 : 0;
    }
    qInfo().noquote() << QStringLiteral("messages: %1 written, %2 acked, %3 unacked, %4 lost, %5 "
                                        "duplicated, %6 senders out of order")
                             .arg(Total)
                             .arg(m_acked.size())
                             .arg(Total - m_acked.size())
                             .arg(lost)
                             .arg(duplicated)
                             .arg(outOfOrder);
    QVERIFY2(drained, "the clients did not drain in time");
    QCOMPARE(lost, 0);
    QCOMPARE(duplicated, 0);
    QCOMPARE(outOfOrder, 0);
    QCOMPARE(m_acked.size(), Total); // the outboxes sent again what the crash cut off
}

void NoMessageLossTest::everyAckedMessageArrivesOnceInOrderThroughAServerKill()
{
    QVERIFY(signInAll(m_server->url()));
    const int killAfter = int(QRandomGenerator::global()->bounded(Total / 10, Total / 2));
    qInfo().noquote() << "SIGKILL after" << killAfter << "acks";
    startBurst();
    QVERIFY2(waitForAcks(killAfter, DrainWaitMs), "the burst did not get going");
    m_server->kill();
    const int ackedAtKill = int(m_acked.size());
    QVERIFY(m_server->restart());
    qInfo().noquote() << ackedAtKill << "acked when the server was killed";
    checkDelivery();
}

void NoMessageLossTest::everyAckedMessageArrivesOnceInOrderThroughResetConnections()
{
    m_proxy = std::make_unique<TcpProxy>(m_server->port());
    QVERIFY(m_proxy->listen());
    QUrl url = m_server->url();
    url.setPort(m_proxy->port());
    QVERIFY(signInAll(url));
    startBurst();
    // Three resets at random points of the burst, each of every connection at once.
    for (int cut = 1; cut <= 3; ++cut) {
        const int after
            = int(QRandomGenerator::global()->bounded(Total * cut / 5, Total * cut / 4));
        if (!waitForAcks(after, DrainWaitMs))
            break;
        qInfo().noquote() << "reset" << m_proxy->connectionCount() << "connections after"
                          << m_acked.size() << "acks";
        m_proxy->abortAll();
    }
    checkDelivery();
}

QTEST_GUILESS_MAIN(NoMessageLossTest)
#include "tst_nomessageloss.moc"
