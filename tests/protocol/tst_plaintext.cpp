#include "core/protocol/Plaintext.h"

#include <QTest>

using parley::protocol::MessageContent;

// What a receiver does with the bytes inside the box (docs/protocol.md 7.3, rules 1 to 6).
class PlaintextTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void encodedPlaintextDecodesToTheSameContent();
    void receiverRules_data();
    void receiverRules();
};

void PlaintextTest::encodedPlaintextDecodesToTheSameContent()
{
    const MessageContent content{QStringLiteral("m-1"), QStringLiteral("bob"),
                                 QStringLiteral("Hi Bob! \U0001F44B"), 1795625483450};
    const QByteArray bytes = content.encode();
    QCOMPARE(
        bytes,
        QByteArray("{\"messageId\":\"m-1\",\"recipientUserId\":\"bob\",\"sentAt\":1795625483450,"
                   "\"text\":\"Hi Bob! \xF0\x9F\x91\x8B\",\"type\":\"text\",\"v\":1}"));
    const auto decoded = MessageContent::decode(bytes);
    QVERIFY(decoded);
    QCOMPARE(decoded->messageId, content.messageId);
    QCOMPARE(decoded->recipientUserId, content.recipientUserId);
    QCOMPARE(decoded->text, content.text);
    QCOMPARE(decoded->sentAt, content.sentAt);
}

void PlaintextTest::receiverRules_data()
{
    QTest::addColumn<QByteArray>("plaintext");
    QTest::addColumn<bool>("readable");
    QTest::addColumn<qint64>("sentAt");
    const QByteArray fields = R"("messageId":"m","recipientUserId":"r","type":"text","text":"hi")";
    const auto with
        = [&](const QByteArray &more) -> QByteArray { return '{' + fields + more + '}'; };
    QTest::newRow("valid") << with(R"(,"v":1,"sentAt":5)") << true << qint64(5);
    QTest::newRow("1: invalid UTF-8")
        << QByteArray("{\"v\":1,\"messageId\":\"m\",\"recipientUserId\":\"r\",\"type\":\"text\","
                      "\"text\":\"\xC3\x28\"}")
        << false << qint64(0);
    QTest::newRow("1: an overlong form")
        << QByteArray("{\"v\":1,\"messageId\":\"m\",\"recipientUserId\":\"r\",\"type\":\"text\","
                      "\"text\":\"\xC0\xAF\"}")
        << false << qint64(0);
    QTest::newRow("2: not JSON") << QByteArray("hello") << false << qint64(0);
    QTest::newRow("2: an array") << QByteArray("[1]") << false << qint64(0);
    QTest::newRow("2: trailing bytes") << QByteArray(with(R"(,"v":1)") + "x") << false << qint64(0);
    QTest::newRow("3: no v") << with({}) << false << qint64(0);
    QTest::newRow("3: v null") << with(R"(,"v":null)") << false << qint64(0);
    QTest::newRow("3: v 2") << with(R"(,"v":2)") << false << qint64(0);
    QTest::newRow("3: v a string") << with(R"(,"v":"1")") << false << qint64(0);
    QTest::newRow("4: another type")
        << QByteArray(R"({"v":1,"messageId":"m","recipientUserId":"r","type":"image","text":"hi"})")
        << false << qint64(0);
    QTest::newRow("4: no recipientUserId")
        << QByteArray(R"({"v":1,"messageId":"m","type":"text","text":"hi"})") << false << qint64(0);
    QTest::newRow("4: empty text")
        << QByteArray(R"({"v":1,"messageId":"m","recipientUserId":"r","type":"text","text":""})")
        << false << qint64(0);
    QTest::newRow("5: no sentAt") << with(R"(,"v":1)") << true << qint64(0);
    QTest::newRow("5: sentAt null") << with(R"(,"v":1,"sentAt":null)") << true << qint64(0);
    QTest::newRow("5: sentAt a string") << with(R"(,"v":1,"sentAt":"5")") << false << qint64(0);
    QTest::newRow("5: sentAt a fraction") << with(R"(,"v":1,"sentAt":1.5)") << false << qint64(0);
    QTest::newRow("6: unknown fields")
        << with(R"(,"v":1,"mood":"happy","extra":{"deep":[1,2]})") << true << qint64(0);
}

void PlaintextTest::receiverRules()
{
    QFETCH(QByteArray, plaintext);
    QFETCH(bool, readable);
    QFETCH(qint64, sentAt);
    const auto decoded = MessageContent::decode(plaintext);
    QCOMPARE(decoded.has_value(), readable);
    if (decoded) {
        QCOMPARE(decoded->text, QStringLiteral("hi"));
        QCOMPARE(decoded->sentAt, sentAt); // 0: the receiver shows the event's serverTime
    }
}

QTEST_GUILESS_MAIN(PlaintextTest)
#include "tst_plaintext.moc"
