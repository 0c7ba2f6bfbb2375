// Per-message CPU cost on the client and server hot paths: boxing a message for one device,
// opening it, and the JSON frame codec. Run: build/bench/bench_codec -median 9
#include "core/crypto/DeviceKeyPair.h"
#include "core/crypto/MessageCipher.h"
#include "core/protocol/Frame.h"
#include "core/protocol/MessagePayloads.h"

#include <QTest>

using namespace parley;

class CodecBench : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sealOneKilobyte();
    void openOneKilobyte();
    void encodeMessageSendForFourDevices();
    void decodeMessageSendForFourDevices();

private:
    crypto::DeviceKeyPair m_alice = crypto::DeviceKeyPair::generate();
    crypto::DeviceKeyPair m_bob = crypto::DeviceKeyPair::generate();
    QByteArray m_text = QByteArray(1024, 'x');

    protocol::Frame sendFrame() const
    {
        protocol::MessageSend message{QStringLiteral("5f0c3b7e-8d1b-4c49-9a55-1f2f8a4c2b11"),
                                      QStringLiteral("recipient"),
                                      {}};
        for (int device = 0; device < 4; ++device) {
            const auto box
                = crypto::MessageCipher::seal(m_text, m_bob.publicKey(), m_alice.secretKey());
            message.envelopes.append(
                {QStringLiteral("device-%1").arg(device), box.nonce, box.ciphertext});
        }
        return protocol::Frame::request(protocol::FrameType::MessageSend, QStringLiteral("17"),
                                        message.toJson());
    }
};

void CodecBench::sealOneKilobyte()
{
    QBENCHMARK
    {
        const auto box
            = crypto::MessageCipher::seal(m_text, m_bob.publicKey(), m_alice.secretKey());
        Q_UNUSED(box);
    }
}

void CodecBench::openOneKilobyte()
{
    const auto box = crypto::MessageCipher::seal(m_text, m_bob.publicKey(), m_alice.secretKey());
    QBENCHMARK
    {
        const auto opened = crypto::MessageCipher::open(box.nonce, box.ciphertext,
                                                        m_alice.publicKey(), m_bob.secretKey());
        QVERIFY(opened.has_value());
    }
}

void CodecBench::encodeMessageSendForFourDevices()
{
    const protocol::Frame frame = sendFrame();
    QBENCHMARK
    {
        const QByteArray bytes = protocol::encodeFrame(frame);
        Q_UNUSED(bytes);
    }
}

void CodecBench::decodeMessageSendForFourDevices()
{
    const QByteArray bytes = protocol::encodeFrame(sendFrame());
    QBENCHMARK
    {
        const auto decoded = protocol::decodeFrame(bytes);
        const auto message = protocol::MessageSend::fromJson(decoded.frame.value().data);
        QVERIFY(message.ok());
    }
}

QTEST_GUILESS_MAIN(CodecBench)
#include "bench_codec.moc"
