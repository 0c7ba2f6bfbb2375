#include "core/crypto/MessageCipher.h"
#include "core/crypto/SafetyNumber.h"
#include "core/protocol/MessagePayloads.h"
#include "core/protocol/Plaintext.h"
#include "core/sync/Envelopes.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

#include <sodium.h>

using namespace parley;
using namespace parley::protocol;

namespace {

QString protocolDocument()
{
    QFile file(QStringLiteral(PARLEY_SOURCE_DIR "/docs/protocol.md"));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QString section(const QString &doc, const QString &heading)
{
    const qsizetype start = doc.indexOf(heading);
    if (start < 0)
        return {};
    const qsizetype end = doc.indexOf(QLatin1String("\n### "), start + heading.size());
    return doc.mid(start, end < 0 ? -1 : end - start);
}

QString firstMatch(const QString &text, const QString &pattern)
{
    return QRegularExpression(pattern).match(text).captured(1);
}

QByteArray secretOf(const QString &doc, const QString &device)
{
    return QByteArray::fromBase64(
        firstMatch(doc, QStringLiteral("\\| %1 \\| `([A-Za-z0-9+/=]+)`").arg(device)).toLatin1());
}

QString idOf(const QString &doc, const QString &name)
{
    return firstMatch(doc, QStringLiteral("\\| %1 \\| `([0-9a-f-]+)` \\|").arg(name));
}

QJsonObject frameAfter(const QString &text, const QString &prefix)
{
    const QString line
        = firstMatch(text, QRegularExpression::escape(prefix) + QStringLiteral("(\\{.*\\})"));
    return QJsonDocument::fromJson(line.toUtf8()).object();
}

QByteArray publicKeyOf(const QByteArray &secret)
{
    QByteArray key(crypto_box_PUBLICKEYBYTES, '\0');
    crypto_scalarmult_base(reinterpret_cast<unsigned char *>(key.data()),
                           reinterpret_cast<const unsigned char *>(secret.constData()));
    return key;
}

QByteArray box(const QByteArray &plaintext, const QByteArray &nonce, const QByteArray &to,
               const QByteArray &from)
{
    QByteArray out(plaintext.size() + crypto_box_MACBYTES, '\0');
    const int boxed = crypto_box_easy(
        reinterpret_cast<unsigned char *>(out.data()),
        reinterpret_cast<const unsigned char *>(plaintext.constData()), quint64(plaintext.size()),
        reinterpret_cast<const unsigned char *>(nonce.constData()),
        reinterpret_cast<const unsigned char *>(to.constData()),
        reinterpret_cast<const unsigned char *>(from.constData()));
    return boxed == 0 ? out : QByteArray();
}

} // namespace

// Section 8 of docs/protocol.md is output of the reference code: its plaintext is what the
// reference client writes, its boxes are what libsodium makes of it with the doc's keys and
// nonces, and the reference receiver accepts Bob's copy. When the code and the doc drift, this
// fails and prints what the doc should say.
class WorkedExampleTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(sodium_init() >= 0); }
    void sectionEightIsOutputOfTheReferenceCode();
    void safetyNumberExampleIsOutputOfTheReferenceCode();
};

void WorkedExampleTest::sectionEightIsOutputOfTheReferenceCode()
{
    const QString doc = protocolDocument();
    QVERIFY2(!doc.isEmpty(), "docs/protocol.md not found");
    const QString example = doc.mid(doc.indexOf(QLatin1String("## 8. Worked example")));
    const QString step6 = section(example, QStringLiteral("### Step 6"));
    QVERIFY(!step6.isEmpty());

    const QByteArray aliceLaptop = secretOf(example, QStringLiteral("Alice laptop"));
    const QByteArray alicePhone = secretOf(example, QStringLiteral("Alice phone"));
    const QByteArray bobDesktop = secretOf(example, QStringLiteral("Bob desktop"));
    QCOMPARE(aliceLaptop, QByteArray(32, char(0xA1)));
    const QString aliceId = idOf(example, QStringLiteral("Alice's `userId`"));
    const QString bobId = idOf(example, QStringLiteral("Bob's `userId`"));
    const QString chatId = idOf(example, QStringLiteral("The chat's `chatId`"));
    QVERIFY(!aliceId.isEmpty() && !bobId.isEmpty() && !chatId.isEmpty());

    const QJsonObject send = frameAfter(step6, QStringLiteral("alice-laptop => "));
    const auto message = MessageSend::fromJson(send.value(QLatin1String("data")).toObject());
    QVERIFY2(message, message ? "" : qPrintable(message.error().message));
    QCOMPARE(message->chatId, chatId);
    QCOMPARE(message->envelopes.size(), 2);

    // The plaintext shown is exactly what the reference client encodes.
    const QString shown = firstMatch(step6, QStringLiteral("```json\\n(\\{.*\\})\\n```"));
    const auto decoded = MessageContent::decode(shown.toUtf8());
    QVERIFY2(decoded, qPrintable(shown));
    const QByteArray plaintext
        = MessageContent{message->messageId, bobId, decoded->text, decoded->sentAt}.encode();
    const QByteArray bob
        = box(plaintext, message->envelopes.at(0).nonce, publicKeyOf(bobDesktop), aliceLaptop);
    const QByteArray phone
        = box(plaintext, message->envelopes.at(1).nonce, publicKeyOf(alicePhone), aliceLaptop);
    const QString sizes = QStringLiteral("The plaintext is %1 UTF-8 bytes").arg(plaintext.size());
    const QString boxes = QStringLiteral("%1 bytes of ciphertext (%2 + 16)")
                              .arg(plaintext.size() + 16)
                              .arg(plaintext.size());
    const bool agrees = shown.toUtf8() == plaintext && step6.contains(sizes)
        && step6.contains(boxes) && message->envelopes.at(0).ciphertext == bob
        && message->envelopes.at(1).ciphertext == phone
        && step6.contains(QString::fromLatin1(bob.toBase64()));
    if (!agrees) {
        qInfo().noquote() << "section 8, Step 6, as the reference code makes it:\n"
                          << "plaintext:" << QString::fromUtf8(plaintext) << '\n'
                          << sizes << "/" << boxes << '\n'
                          << "Bob desktop ciphertext:" << bob.toBase64() << '\n'
                          << "Alice phone ciphertext:" << phone.toBase64();
    }
    QCOMPARE(shown, QString::fromUtf8(plaintext));
    QVERIFY2(step6.contains(sizes), qPrintable(sizes));
    QVERIFY2(step6.contains(boxes), qPrintable(boxes));
    QCOMPARE(message->envelopes.at(0).ciphertext.toBase64(), bob.toBase64());
    QCOMPARE(message->envelopes.at(1).ciphertext.toBase64(), phone.toBase64());

    // Bob's copy, as the server pushes it, opens with the reference receiver's checks.
    const QJsonObject pushed = frameAfter(step6, QStringLiteral("bob <= "));
    const auto receive = MessageReceive::fromJson(pushed.value(QLatin1String("data")).toObject());
    QVERIFY(receive);
    QCOMPARE(receive->ciphertext, bob);
    QCOMPARE(receive->senderUserId, aliceId);
    QCOMPARE(receive->chatId, chatId);
    const auto opened
        = sync::openMessage(receive.value(), publicKeyOf(aliceLaptop), bobDesktop, bobId);
    QVERIFY(opened);
    QCOMPARE(opened->text, QStringLiteral("Hi Bob! \U0001F44B"));
}

// Section 7.7's example: users A (one device, key 32 x 0x11) and B (two devices, 32 x 0x22 and
// 32 x 0x33), computed by the reference code and written in the doc.
void WorkedExampleTest::safetyNumberExampleIsOutputOfTheReferenceCode()
{
    const QString doc = section(protocolDocument(), QStringLiteral("### 7.7 Safety numbers"));
    QVERIFY2(!doc.isEmpty(), "docs/protocol.md has no section 7.7");
    const auto row = [&doc](const QString &name) {
        return firstMatch(doc, QStringLiteral("\\| %1 \\| `([0-9]+)` \\|").arg(name));
    };
    const QString a = QStringLiteral("aaaaaaaa-0000-4000-8000-000000000001");
    const QString b = QStringLiteral("bbbbbbbb-0000-4000-8000-000000000002");
    const QList<QByteArray> keysA{QByteArray(32, char(0x11))};
    const QList<QByteArray> keysB{QByteArray(32, char(0x22)), QByteArray(32, char(0x33))};
    QCOMPARE(row(QStringLiteral("Fingerprint of A")), crypto::SafetyNumber::fingerprint(a, keysA));
    QCOMPARE(row(QStringLiteral("Fingerprint of B")), crypto::SafetyNumber::fingerprint(b, keysB));
    const QString number = crypto::SafetyNumber::forPair(a, keysA, b, keysB);
    QCOMPARE(row(QStringLiteral("Safety number")), number);
    // The same digits on both sides, whatever order the devices are listed in.
    QCOMPARE(crypto::SafetyNumber::forPair(b, {keysB.at(1), keysB.at(0)}, a, keysA), number);
    // Another device changes it.
    QVERIFY(crypto::SafetyNumber::forPair(a, keysA, b, keysB + QList{QByteArray(32, char(0x44))})
            != number);
    QCOMPARE(crypto::SafetyNumber::grouped(number).count(u' '), 11);
}

QTEST_GUILESS_MAIN(WorkedExampleTest)
#include "tst_workedexample.moc"
