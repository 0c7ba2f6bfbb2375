#include "core/protocol/Frame.h"
#include "core/protocol/Limits.h"
#include "core/protocol/MessagePayloads.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

using namespace parley::protocol;

Q_DECLARE_METATYPE(parley::protocol::ErrorCode)
Q_DECLARE_METATYPE(std::optional<parley::protocol::ErrorCode>)

// Frame decoding (docs/protocol.md, "Frame format"): every bad frame gets its error code, and the
// request id is still reported when it could be read so that the error frame can answer it.
class FrameCodecTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void badFramesGetTheirErrorCode_data();
    void badFramesGetTheirErrorCode();
    void everyTruncationOfAValidFrameIsRejectedCleanly();
    void oversizedFrameIsRejectedBeforeParsing();
    void frameAtTheSizeLimitIsAccepted();
    void requestRoundTripsThroughEncodeAndDecode();
    void errorFrameCarriesCodeAndMessage();
    void requestIdIsReportedEvenWhenTheFrameIsBad();
    void nullDataCountsAsAbsent();
    void numbersBeyondADoubleAreOutOfRangeFieldsNotMalformedFrames_data();
    void numbersBeyondADoubleAreOutOfRangeFieldsNotMalformedFrames();
    void clientRequestsNeedAnIdAndARequestType();
    void randomBytesNeverCrashTheDecoder();
    void frameTypeNamesRoundTrip();
    void errorCodeNamesRoundTrip();
};

void FrameCodecTest::badFramesGetTheirErrorCode_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<ErrorCode>("expected");

    QTest::newRow("empty") << QByteArray() << ErrorCode::MalformedFrame;
    QTest::newRow("not json") << QByteArray("hello") << ErrorCode::MalformedFrame;
    QTest::newRow("truncated") << QByteArray(R"({"type":"sync","id":"1","da)")
                               << ErrorCode::MalformedFrame;
    QTest::newRow("array") << QByteArray(R"([1,2,3])") << ErrorCode::MalformedFrame;
    QTest::newRow("string") << QByteArray(R"("message:send")") << ErrorCode::MalformedFrame;
    QTest::newRow("number") << QByteArray("42") << ErrorCode::MalformedFrame;
    QTest::newRow("trailing garbage")
        << QByteArray(R"({"type":"ping","id":"1"} x)") << ErrorCode::MalformedFrame;
    QTest::newRow("no type") << QByteArray(R"({"id":"1"})") << ErrorCode::MissingField;
    QTest::newRow("null type") << QByteArray(R"({"type":null,"id":"1"})")
                               << ErrorCode::MissingField;
    QTest::newRow("type is number")
        << QByteArray(R"({"type":7,"id":"1"})") << ErrorCode::InvalidField;
    QTest::newRow("type is object")
        << QByteArray(R"({"type":{},"id":"1"})") << ErrorCode::InvalidField;
    QTest::newRow("empty type") << QByteArray(R"({"type":"","id":"1"})") << ErrorCode::InvalidField;
    QTest::newRow("unknown type") << QByteArray(R"({"type":"message:explode","id":"1"})")
                                  << ErrorCode::UnknownType;
    QTest::newRow("type case differs")
        << QByteArray(R"({"type":"Message:Send","id":"1"})") << ErrorCode::UnknownType;
    QTest::newRow("id is number") << QByteArray(R"({"type":"sync","id":1})")
                                  << ErrorCode::InvalidField;
    QTest::newRow("id is empty") << QByteArray(R"({"type":"sync","id":""})")
                                 << ErrorCode::InvalidField;
    QTest::newRow("id too long") << (R"({"type":"sync","id":")" + QByteArray(65, 'a') + R"("})")
                                 << ErrorCode::InvalidField;
    QTest::newRow("id has space") << QByteArray(R"({"type":"sync","id":"a b"})")
                                  << ErrorCode::InvalidField;
    QTest::newRow("id not ascii") << QByteArray(R"({"type":"sync","id":"\u00e9"})")
                                  << ErrorCode::InvalidField;
    QTest::newRow("data is array")
        << QByteArray(R"({"type":"sync","id":"1","data":[]})") << ErrorCode::InvalidField;
    QTest::newRow("data is number")
        << QByteArray(R"({"type":"sync","id":"1","data":5})") << ErrorCode::InvalidField;
    QTest::newRow("data is string")
        << QByteArray(R"({"type":"sync","id":"1","data":"x"})") << ErrorCode::InvalidField;
    QTest::newRow("error without code")
        << QByteArray(R"({"type":"error","re":"1"})") << ErrorCode::MissingField;
    QTest::newRow("error code not string")
        << QByteArray(R"({"type":"error","re":"1","code":5})") << ErrorCode::InvalidField;
}

void FrameCodecTest::badFramesGetTheirErrorCode()
{
    QFETCH(QByteArray, bytes);
    QFETCH(ErrorCode, expected);
    const DecodedFrame decoded = decodeFrame(bytes);
    QVERIFY(!decoded.frame.ok());
    QCOMPARE(decoded.frame.error().code, expected);
    QVERIFY(!decoded.frame.error().message.isEmpty());
}

void FrameCodecTest::everyTruncationOfAValidFrameIsRejectedCleanly()
{
    const QByteArray full = encodeFrame(
        Frame::request(FrameType::MessageSend, QStringLiteral("42"),
                       QJsonObject{{QStringLiteral("messageId"), QStringLiteral("m1")},
                                   {QStringLiteral("envelopes"),
                                    QJsonArray{QJsonObject{{QStringLiteral("x"), 1}}}}}));
    QVERIFY(decodeFrame(full).frame.ok());
    for (qsizetype length = 0; length < full.size(); ++length) {
        const DecodedFrame decoded = decodeFrame(full.left(length));
        QVERIFY2(!decoded.frame.ok(), full.left(length).constData());
        QCOMPARE(decoded.frame.error().code, ErrorCode::MalformedFrame);
    }
}

void FrameCodecTest::oversizedFrameIsRejectedBeforeParsing()
{
    const QByteArray padding(limits::MaxFrameBytes, 'x');
    const QByteArray bytes = R"({"type":"ping","id":"1","data":{"pad":")" + padding + R"("}})";
    const DecodedFrame decoded = decodeFrame(bytes);
    QVERIFY(!decoded.frame.ok());
    QCOMPARE(decoded.frame.error().code, ErrorCode::FrameTooLarge);
    QCOMPARE(decoded.requestId, QStringLiteral("1")); // so that the error can answer it
}

void FrameCodecTest::frameAtTheSizeLimitIsAccepted()
{
    const QByteArray head = R"({"type":"ping","id":"1","data":{"pad":")";
    const QByteArray tail = R"("}})";
    const QByteArray bytes
        = head + QByteArray(limits::MaxFrameBytes - head.size() - tail.size(), 'x') + tail;
    QCOMPARE(bytes.size(), limits::MaxFrameBytes);
    QVERIFY(decodeFrame(bytes).frame.ok());
}

void FrameCodecTest::requestRoundTripsThroughEncodeAndDecode()
{
    const QJsonObject data{{QStringLiteral("after"), 17}};
    const Frame sent = Frame::request(FrameType::Sync, QStringLiteral("req-9"), data);
    const DecodedFrame decoded = decodeFrame(encodeFrame(sent));
    QVERIFY(decoded.frame.ok());
    QCOMPARE(decoded.frame.value().type, FrameType::Sync);
    QCOMPARE(decoded.frame.value().id, QStringLiteral("req-9"));
    QCOMPARE(decoded.frame.value().data, data);
    QCOMPARE(decoded.requestId, QStringLiteral("req-9"));
}

void FrameCodecTest::errorFrameCarriesCodeAndMessage()
{
    const Frame sent = Frame::failure(
        QStringLiteral("7"), Error{ErrorCode::DeviceMismatch, QStringLiteral("fetch again")});
    const QJsonObject json = QJsonDocument::fromJson(encodeFrame(sent)).object();
    QCOMPARE(json.value(QStringLiteral("type")).toString(), QStringLiteral("error"));
    QCOMPARE(json.value(QStringLiteral("re")).toString(), QStringLiteral("7"));
    QCOMPARE(json.value(QStringLiteral("code")).toString(), QStringLiteral("device_mismatch"));
    QVERIFY(!json.contains(QStringLiteral("data")));

    const DecodedFrame decoded = decodeFrame(encodeFrame(sent));
    QVERIFY(decoded.frame.ok());
    QCOMPARE(decoded.frame.value().error.code, ErrorCode::DeviceMismatch);
    QCOMPARE(decoded.frame.value().error.message, QStringLiteral("fetch again"));
}

void FrameCodecTest::requestIdIsReportedEvenWhenTheFrameIsBad()
{
    const DecodedFrame decoded = decodeFrame(R"({"type":"no:such","id":"abc"})");
    QVERIFY(!decoded.frame.ok());
    QCOMPARE(decoded.requestId, QStringLiteral("abc"));
}

void FrameCodecTest::nullDataCountsAsAbsent()
{
    const DecodedFrame decoded = decodeFrame(R"({"type":"ping","id":"1","data":null})");
    QVERIFY(decoded.frame.ok());
    QVERIFY(decoded.frame.value().data.isEmpty());
}

void FrameCodecTest::numbersBeyondADoubleAreOutOfRangeFieldsNotMalformedFrames_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("requestId");
    QTest::addColumn<std::optional<ErrorCode>>("frameError"); // nothing: the frame decodes
    QTest::addColumn<std::optional<ErrorCode>>("syncError"); // of its data, read as a sync
    const std::optional<ErrorCode> none;
    const std::optional<ErrorCode> invalid = ErrorCode::InvalidField;
    const std::optional<ErrorCode> malformed = ErrorCode::MalformedFrame;
    const std::optional<ErrorCode> missing = ErrorCode::MissingField;

    QTest::newRow("after 1e400") << QByteArray(R"({"type":"sync","id":"1","data":{"after":1e400}})")
                                 << QStringLiteral("1") << none << invalid;
    QTest::newRow("after -1e400") << QByteArray(
        R"({"type":"sync","id":"2","data":{"after":-1E+400}})")
                                  << QStringLiteral("2") << none << invalid;
    QTest::newRow("after of 400 digits")
        << (R"({"type":"sync","id":"3","data":{"after":1)" + QByteArray(400, '0') + "}}")
        << QStringLiteral("3") << none << invalid;
    QTest::newRow("after 2^53") << QByteArray(
        R"({"type":"sync","id":"4","data":{"after":9007199254740992}})")
                                << QStringLiteral("4") << none << invalid;
    QTest::newRow("an unknown field of 1e400 is ignored")
        << QByteArray(R"({"type":"sync","id":"5","data":{"after":3,"x":[1e400]}})")
        << QStringLiteral("5") << none << none;
    QTest::newRow("1e400 in a string is text")
        << QByteArray(R"({"type":"sync","id":"1e400","data":{"after":"\"1e400"}})")
        << QStringLiteral("1e400") << none << invalid;
    QTest::newRow("the type 1e400")
        << QByteArray(R"({"type":1e400,"id":"6"})") << QStringLiteral("6") << invalid << none;
    QTest::newRow("the id 1e400") << QByteArray(R"({"type":"sync","id":1e400})") << QString()
                                  << invalid << none;
    QTest::newRow("the data 1e400") << QByteArray(R"({"type":"sync","id":"7","data":1e400})")
                                    << QStringLiteral("7") << invalid << none;
    QTest::newRow("still not JSON") << QByteArray(R"({"type":"sync","id":"8","data":{"after":1e}})")
                                    << QString() << malformed << none;
    QTest::newRow("still truncated")
        << QByteArray(R"({"type":"sync","id":"9","data":{"after":1e400)") << QString() << malformed
        << none;
    QTest::newRow("no after") << QByteArray(R"({"type":"sync","id":"10","data":{"y":-1e999}})")
                              << QStringLiteral("10") << none << missing;
}

// RFC 8259 sets no size on numbers: a frame with a number beyond a double is well-formed JSON,
// so the error is the field's, and it answers the request (docs/protocol.md 1.4, 6.3).
void FrameCodecTest::numbersBeyondADoubleAreOutOfRangeFieldsNotMalformedFrames()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, requestId);
    QFETCH(std::optional<ErrorCode>, frameError);
    QFETCH(std::optional<ErrorCode>, syncError);
    const DecodedFrame decoded = decodeFrame(bytes);
    QCOMPARE(decoded.requestId, requestId);
    if (frameError) {
        QVERIFY(!decoded.frame.ok());
        QCOMPARE(decoded.frame.error().code, *frameError);
        return;
    }
    if (!decoded.frame.ok())
        QFAIL(qPrintable(decoded.frame.error().message));
    const auto sync = SyncRequest::fromJson(decoded.frame.value().data);
    QCOMPARE(sync.ok(), !syncError);
    if (syncError)
        QCOMPARE(sync.error().code, *syncError);
}

void FrameCodecTest::clientRequestsNeedAnIdAndARequestType()
{
    // Events carry no id, and message:delivered is both a request and an event.
    const DecodedFrame event = decodeFrame(R"({"type":"message:delivered","data":{"seq":3}})");
    QVERIFY(event.frame.ok());
    QCOMPARE(checkClientRequest(event.frame.value())->code, ErrorCode::MissingField);

    const DecodedFrame serverOnly = decodeFrame(R"({"type":"message:receive","id":"1"})");
    QVERIFY(serverOnly.frame.ok());
    QCOMPARE(checkClientRequest(serverOnly.frame.value())->code, ErrorCode::UnknownType);

    const DecodedFrame request = decodeFrame(R"({"type":"message:delivered","id":"9","data":{}})");
    QVERIFY(request.frame.ok());
    QVERIFY(!checkClientRequest(request.frame.value()).has_value());
}

void FrameCodecTest::randomBytesNeverCrashTheDecoder()
{
    // Bounded fuzzing with a fixed seed: the same inputs on every run.
    QRandomGenerator generator(20261125);
    const QByteArray seed = encodeFrame(
        Frame::request(FrameType::MessageRead, QStringLiteral("1"),
                       QJsonObject{{QStringLiteral("messageId"), QStringLiteral("m")}}));
    int rejected = 0;
    for (int round = 0; round < 5000; ++round) {
        QByteArray bytes = seed;
        const int flips = 1 + int(generator.bounded(4));
        for (int i = 0; i < flips; ++i)
            bytes[qsizetype(generator.bounded(quint32(bytes.size())))]
                = char(generator.bounded(256));
        const DecodedFrame decoded = decodeFrame(bytes);
        if (!decoded.frame.ok()) {
            QVERIFY(!decoded.frame.error().message.isEmpty());
            ++rejected;
        }
    }
    QVERIFY(rejected > 0);
}

void FrameCodecTest::frameTypeNamesRoundTrip()
{
    for (FrameType type :
         {FrameType::Ack, FrameType::Error, FrameType::MessageSend, FrameType::MessageDelivered,
          FrameType::MessageRead, FrameType::Sync, FrameType::Ping, FrameType::MessageReceive}) {
        QCOMPARE(frameTypeFromName(frameTypeName(type)), std::optional<FrameType>(type));
    }
    QCOMPARE(frameTypeName(FrameType::MessageSend), QStringLiteral("message:send"));
    QVERIFY(!isClientRequest(FrameType::MessageReceive));
    QVERIFY(isClientRequest(FrameType::MessageSend));
}

void FrameCodecTest::errorCodeNamesRoundTrip()
{
    for (int value = 0; value <= int(ErrorCode::NetworkError); ++value) {
        const auto code = ErrorCode(value);
        const QString name = errorCodeName(code);
        QVERIFY2(!name.isEmpty(), qPrintable(QString::number(value)));
        QCOMPARE(errorCodeFromName(name), std::optional<ErrorCode>(code));
    }
    QCOMPARE(httpStatus(ErrorCode::TokenExpired), 401);
    QCOMPARE(httpStatus(ErrorCode::FrameTooLarge), 413);
}

QTEST_GUILESS_MAIN(FrameCodecTest)
#include "tst_framecodec.moc"
