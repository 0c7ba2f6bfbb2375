#include "core/crypto/DeviceKeyPair.h"
#include "core/crypto/MessageCipher.h"

#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using parley::crypto::DeviceKeyPair;
using parley::crypto::MessageCipher;

namespace {

// The crypto_box test vector of "Cryptography in NaCl" (Bernstein), with the X25519 keys of
// RFC 7748 section 6.1. A TweetNaCl client produces exactly these bytes.
const QByteArray AliceSecret
    = QByteArray::fromHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
const QByteArray AlicePublic
    = QByteArray::fromHex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
const QByteArray BobSecret
    = QByteArray::fromHex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
const QByteArray BobPublic
    = QByteArray::fromHex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
const QByteArray VectorNonce
    = QByteArray::fromHex("69696ee955b62b73cd62bda875fc73d68219e0036b7a0b37");
const QByteArray VectorMessage = QByteArray::fromHex(
    "be075fc53c81f2d5cf141316ebeb0c7b5228c52a4c62cbd44b66849b64244ffce5ecbaaf33bd751a1ac728d45e6c"
    "61296cdc3c01233561f41db66cce314adb310e3be8250c46f06dceea3a7fa1348057e2f6556ad6b1318a024a838f"
    "21af1fde048977eb48f59ffd4924ca1c60902e52f0a089bc76897040e082f937763848645e0705");
const QByteArray VectorCiphertext = QByteArray::fromHex(
    "f3ffc7703f9400e52a7dfb4b3d3305d98e993b9f48681273c29650ba32fc76ce48332ea7164d96a4476fb8c531a1"
    "186ac0dfc17c98dce87b4da7f011ec48c97271d2c20f9b928fe2270d6fb863d51738b48eeee314a7cc8ab9321645"
    "48e526ae90224368517acfeabd6bb3732bc0e9da99832b61ca01b6de56244a9e88d5f9b37973f622a43d14a6599b"
    "1f654cb45a74e355a5");

bool writeKeyFile(const QString &path, const QByteArray &secret)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly)
        && file.write("parley-device-key-v1\n" + secret.toBase64() + '\n') > 0;
}

} // namespace

// Envelope encryption (docs/protocol.md, "Encryption envelope") and the device key file.
class MessageCipherTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void opensTheNaclReferenceCiphertext();
    void sealedMessageOpensOnlyForItsRecipient();
    void everyBitFlipInTheCiphertextIsDetected();
    void wrongNonceOrSenderKeyFailsToOpen();
    void everySealUsesAFreshNonce();
    void malformedInputsAreRejectedWithoutCrashing();
    void keyFileRoundTripsAndIsPrivate();
    void keyFileDerivesThePublicKey();
    void damagedKeyFileIsAnErrorNotANewIdentity_data();
    void damagedKeyFileIsAnErrorNotANewIdentity();
    void loadOrCreateKeepsTheSameIdentity();
};

void MessageCipherTest::opensTheNaclReferenceCiphertext()
{
    QCOMPARE(VectorMessage.size(), 131);
    QCOMPARE(VectorCiphertext.size(), 147);
    const auto opened = MessageCipher::open(VectorNonce, VectorCiphertext, AlicePublic, BobSecret);
    QVERIFY(opened.has_value());
    QCOMPARE(*opened, VectorMessage);
}

void MessageCipherTest::sealedMessageOpensOnlyForItsRecipient()
{
    const DeviceKeyPair alice = DeviceKeyPair::generate();
    const DeviceKeyPair bob = DeviceKeyPair::generate();
    const DeviceKeyPair eve = DeviceKeyPair::generate();
    const QByteArray text = QByteArrayLiteral("meet at 7 \xF0\x9F\x8C\x99");
    const auto box = MessageCipher::seal(text, bob.publicKey(), alice.secretKey());
    QCOMPARE(box.nonce.size(), 24);
    QCOMPARE(box.ciphertext.size(), text.size() + 16);
    QVERIFY(!box.ciphertext.contains(text));
    QCOMPARE(MessageCipher::open(box.nonce, box.ciphertext, alice.publicKey(), bob.secretKey()),
             std::optional<QByteArray>(text));
    QVERIFY(!MessageCipher::open(box.nonce, box.ciphertext, alice.publicKey(), eve.secretKey()));
}

void MessageCipherTest::everyBitFlipInTheCiphertextIsDetected()
{
    const DeviceKeyPair alice = DeviceKeyPair::generate();
    const DeviceKeyPair bob = DeviceKeyPair::generate();
    const auto box = MessageCipher::seal("transfer 10", bob.publicKey(), alice.secretKey());
    for (qsizetype byte = 0; byte < box.ciphertext.size(); ++byte) {
        for (int bit = 0; bit < 8; ++bit) {
            QByteArray tampered = box.ciphertext;
            tampered[byte] = char(tampered.at(byte) ^ (1 << bit));
            QVERIFY(!MessageCipher::open(box.nonce, tampered, alice.publicKey(), bob.secretKey()));
        }
    }
}

void MessageCipherTest::wrongNonceOrSenderKeyFailsToOpen()
{
    const DeviceKeyPair alice = DeviceKeyPair::generate();
    const DeviceKeyPair bob = DeviceKeyPair::generate();
    const auto box = MessageCipher::seal("hello", bob.publicKey(), alice.secretKey());
    QByteArray otherNonce = box.nonce;
    otherNonce[0] = char(otherNonce.at(0) ^ 1);
    QVERIFY(!MessageCipher::open(otherNonce, box.ciphertext, alice.publicKey(), bob.secretKey()));
    QVERIFY(!MessageCipher::open(box.nonce, box.ciphertext, bob.publicKey(), bob.secretKey()));
}

void MessageCipherTest::everySealUsesAFreshNonce()
{
    const DeviceKeyPair alice = DeviceKeyPair::generate();
    const DeviceKeyPair bob = DeviceKeyPair::generate();
    QSet<QByteArray> nonces;
    for (int i = 0; i < 1000; ++i)
        nonces.insert(MessageCipher::seal("same text", bob.publicKey(), alice.secretKey()).nonce);
    QCOMPARE(nonces.size(), 1000);
}

void MessageCipherTest::malformedInputsAreRejectedWithoutCrashing()
{
    const DeviceKeyPair bob = DeviceKeyPair::generate();
    QVERIFY(!MessageCipher::open(QByteArray(23, 'n'), QByteArray(40, 'c'), AlicePublic,
                                 bob.secretKey()));
    QVERIFY(!MessageCipher::open(VectorNonce, QByteArray(15, 'c'), AlicePublic, bob.secretKey()));
    QVERIFY(!MessageCipher::open(VectorNonce, QByteArray(), AlicePublic, bob.secretKey()));
    QVERIFY(!MessageCipher::open(VectorNonce, VectorCiphertext, QByteArray(31, 'k'), BobSecret));
    QVERIFY(!MessageCipher::open(VectorNonce, VectorCiphertext, AlicePublic, QByteArray(33, 'k')));
    // A box of exactly the MAC holds the empty message.
    const auto empty = MessageCipher::seal(QByteArray(), BobPublic, AliceSecret);
    QCOMPARE(MessageCipher::open(empty.nonce, empty.ciphertext, AlicePublic, BobSecret),
             std::optional<QByteArray>(QByteArray()));
}

void MessageCipherTest::keyFileRoundTripsAndIsPrivate()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("profile/device.key"));
    const DeviceKeyPair original = DeviceKeyPair::generate();
    QVERIFY(original.save(path).ok());
    const auto permissions = QFile::permissions(path);
    QVERIFY(permissions.testFlag(QFileDevice::ReadOwner));
    const auto othersMask = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
        | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    QCOMPARE(int(permissions & othersMask), 0);
    const auto loaded = DeviceKeyPair::load(path);
    QVERIFY(loaded.ok());
    QCOMPARE(loaded.value().publicKey(), original.publicKey());
    QCOMPARE(loaded.value().secretKey(), original.secretKey());
}

void MessageCipherTest::keyFileDerivesThePublicKey()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bob.key"));
    QVERIFY(writeKeyFile(path, BobSecret));
    const auto loaded = DeviceKeyPair::load(path);
    QVERIFY(loaded.ok());
    QCOMPARE(loaded.value().publicKey(), BobPublic);
}

void MessageCipherTest::damagedKeyFileIsAnErrorNotANewIdentity_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("wrong magic") << QByteArray("ssh-ed25519 AAAA\n");
    QTest::newRow("short key") << QByteArray("parley-device-key-v1\n"
                                             + QByteArray(31, 'k').toBase64() + '\n');
    QTest::newRow("not base64") << QByteArray("parley-device-key-v1\n!!!!\n");
    QTest::newRow("binary junk") << QByteArray("\x00\xff\x10parley", 9);
}

void MessageCipherTest::damagedKeyFileIsAnErrorNotANewIdentity()
{
    QFETCH(QByteArray, content);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("device.key"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();
    QVERIFY(!DeviceKeyPair::load(path).ok());
    QVERIFY(!DeviceKeyPair::loadOrCreate(path).ok());
    QFile check(path);
    QVERIFY(check.open(QIODevice::ReadOnly));
    QCOMPARE(check.readAll(), content); // the damaged file is left for the user to inspect
}

void MessageCipherTest::loadOrCreateKeepsTheSameIdentity()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("device.key"));
    const auto first = DeviceKeyPair::loadOrCreate(path);
    const auto second = DeviceKeyPair::loadOrCreate(path);
    QVERIFY(first.ok() && second.ok());
    QCOMPARE(second.value().publicKey(), first.value().publicKey());
}

QTEST_GUILESS_MAIN(MessageCipherTest)
#include "tst_messagecipher.moc"
