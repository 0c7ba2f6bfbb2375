#include "core/protocol/Plaintext.h"

#include <QTest>

using parley::protocol::isSingleEmoji;
using parley::protocol::MessageContent;
using parley::protocol::MessageRef;

// What a receiver does with the bytes inside the box (docs/protocol.md 7.3, rules 1 to 6).
class PlaintextTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void encodedPlaintextDecodesToTheSameContent();
    void receiverRules_data();
    void receiverRules();
    void repliesEditsAndReactionsRoundTrip();
    void typedPlaintextRules_data();
    void typedPlaintextRules();
    void oneEmojiIsOneEmoji_data();
    void oneEmojiIsOneEmoji();
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

void PlaintextTest::repliesEditsAndReactionsRoundTrip()
{
    MessageContent reply{QStringLiteral("m-2"), QStringLiteral("bob"), QStringLiteral("yes!"), 7};
    reply.replyTo = MessageRef{QStringLiteral("m-1"), QStringLiteral("bob")};
    QCOMPARE(
        reply.encode(),
        QByteArray(R"({"messageId":"m-2","recipientUserId":"bob","replyTo":{"messageId":"m-1",)"
                   R"("senderUserId":"bob"},"sentAt":7,"text":"yes!","type":"text","v":1})"));
    const auto decodedReply = MessageContent::decode(reply.encode());
    QVERIFY(decodedReply);
    QCOMPARE(decodedReply->replyTo, reply.replyTo);
    QVERIFY(!decodedReply->changesAnotherMessage());

    MessageContent edit;
    edit.messageId = QStringLiteral("m-3");
    edit.recipientUserId = QStringLiteral("bob");
    edit.type = MessageContent::Type::Edit;
    edit.target.messageId = QStringLiteral("m-0");
    edit.text = QStringLiteral("fixed the typo");
    edit.sentAt = 8;
    QCOMPARE(edit.encode(),
             QByteArray(R"({"messageId":"m-3","recipientUserId":"bob","sentAt":8,"target":"m-0",)"
                        R"("text":"fixed the typo","type":"edit","v":1})"));
    const auto decodedEdit = MessageContent::decode(edit.encode());
    QVERIFY(decodedEdit);
    QCOMPARE(decodedEdit->type, MessageContent::Type::Edit);
    QCOMPARE(decodedEdit->target.messageId, QStringLiteral("m-0"));
    QCOMPARE(decodedEdit->text, edit.text);
    QVERIFY(decodedEdit->changesAnotherMessage());

    MessageContent reaction;
    reaction.messageId = QStringLiteral("m-4");
    reaction.recipientUserId = QStringLiteral("bob");
    reaction.type = MessageContent::Type::Reaction;
    reaction.target = MessageRef{QStringLiteral("m-1"), QStringLiteral("bob")};
    reaction.emoji = QStringLiteral("\U0001F44D");
    reaction.sentAt = 9;
    const auto decodedReaction = MessageContent::decode(reaction.encode());
    QVERIFY(decodedReaction);
    QCOMPARE(decodedReaction->type, MessageContent::Type::Reaction);
    QCOMPARE(decodedReaction->target, reaction.target);
    QCOMPARE(decodedReaction->emoji, reaction.emoji);
    reaction.emoji.clear(); // taking it back
    QCOMPARE(MessageContent::decode(reaction.encode())->emoji, QString());
}

void PlaintextTest::typedPlaintextRules_data()
{
    QTest::addColumn<QByteArray>("plaintext");
    QTest::addColumn<bool>("readable");
    const QByteArray head = R"("v":1,"messageId":"m","recipientUserId":"r",)";
    const auto with
        = [&head](const QByteArray &rest) -> QByteArray { return "{" + head + rest + "}"; };
    const QByteArray target = R"("target":{"messageId":"a","senderUserId":"u"},)";
    QTest::newRow("reply") << with(
        R"("type":"text","text":"ok","replyTo":{"messageId":"a","senderUserId":"u"})")
                           << true;
    QTest::newRow("reply null counts as absent")
        << with(R"("type":"text","text":"ok","replyTo":null)") << true;
    QTest::newRow("reply without sender")
        << with(R"("type":"text","text":"ok","replyTo":{"messageId":"a"})") << false;
    QTest::newRow("reply not an object")
        << with(R"("type":"text","text":"ok","replyTo":"a")") << false;
    QTest::newRow("edit") << with(R"("type":"edit","target":"a","text":"new")") << true;
    QTest::newRow("edit without target") << with(R"("type":"edit","text":"new")") << false;
    QTest::newRow("edit with an empty text")
        << with(R"("type":"edit","target":"a","text":"")") << false;
    QTest::newRow("edit target an object")
        << with(R"("type":"edit","target":{"messageId":"a"},"text":"x")") << false;
    QTest::newRow("reaction") << with(R"("type":"reaction",)" + target
                                      + R"("emoji":"\u2764\ufe0f")")
                              << true;
    QTest::newRow("reaction taken back")
        << with(R"("type":"reaction",)" + target + R"("emoji":"")") << true;
    QTest::newRow("reaction of two emoji")
        << with(R"("type":"reaction",)" + target + R"("emoji":"\ud83d\udc4d\ud83d\udc4d")")
        << false;
    QTest::newRow("reaction of a word")
        << with(R"("type":"reaction",)" + target + R"("emoji":"lol")") << false;
    QTest::newRow("reaction without emoji")
        << with(R"("type":"reaction","target":{"messageId":"a","senderUserId":"u"})") << false;
    QTest::newRow("reaction emoji a number")
        << with(R"("type":"reaction",)" + target + R"("emoji":1)") << false;
    QTest::newRow("reaction target a string")
        << with(R"("type":"reaction","target":"a","emoji":"\ud83d\udc4d")") << false;
    QTest::newRow("delete is no plaintext type")
        << with(R"("type":"delete","target":"a")") << false;
}

void PlaintextTest::typedPlaintextRules()
{
    QFETCH(QByteArray, plaintext);
    QFETCH(bool, readable);
    QCOMPARE(MessageContent::decode(plaintext).has_value(), readable);
}

void PlaintextTest::oneEmojiIsOneEmoji_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("emoji");
    QTest::newRow("thumbs up") << QStringLiteral("\U0001F44D") << true;
    QTest::newRow("with a skin tone") << QStringLiteral("\U0001F44D\U0001F3FD") << true;
    QTest::newRow("red heart with selector") << QStringLiteral("\u2764\uFE0F") << true;
    QTest::newRow("family (ZWJ sequence)")
        << QStringLiteral("\U0001F468\u200D\U0001F469\u200D\U0001F467") << true;
    QTest::newRow("flag") << QStringLiteral("\U0001F1E9\U0001F1EA") << true;
    QTest::newRow("keycap") << QStringLiteral("1\uFE0F\u20E3") << true;
    QTest::newRow("double exclamation, presented") << QStringLiteral("\u203C\uFE0F") << true;
    QTest::newRow("left-right arrow, presented") << QStringLiteral("\u2194\uFE0F") << true;
    QTest::newRow("newer than this Qt (shaking face)") << QStringLiteral("\U0001FAE8") << true;
    QTest::newRow("two emoji") << QStringLiteral("\U0001F44D\U0001F44D") << false;
    QTest::newRow("a letter") << QStringLiteral("a") << false;
    QTest::newRow("a digit") << QStringLiteral("1") << false;
    QTest::newRow("arabic letter") << QStringLiteral("\u0628") << false;
    QTest::newRow("emoji and a space") << QStringLiteral("\U0001F44D ") << false;
    QTest::newRow("empty") << QString() << false;
}

void PlaintextTest::oneEmojiIsOneEmoji()
{
    QFETCH(QString, text);
    QFETCH(bool, emoji);
    QCOMPARE(isSingleEmoji(text), emoji);
}

QTEST_GUILESS_MAIN(PlaintextTest)
#include "tst_plaintext.moc"
