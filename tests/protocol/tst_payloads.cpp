#include "core/protocol/Limits.h"
#include "core/protocol/MessagePayloads.h"
#include "core/protocol/RestPayloads.h"
#include "core/protocol/UserPayloads.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace parley::protocol;

Q_DECLARE_METATYPE(parley::protocol::UserSearchPage)

Q_DECLARE_METATYPE(parley::protocol::ErrorCode)

namespace {

QString b64(qsizetype bytes, char fill = 'k')
{
    return QString::fromLatin1(QByteArray(bytes, fill).toBase64());
}

QJsonObject envelope(const QString &deviceId = QStringLiteral("d1"))
{
    return {{QStringLiteral("deviceId"), deviceId},
            {QStringLiteral("nonce"), b64(limits::NonceBytes)},
            {QStringLiteral("ciphertext"), b64(40)}};
}

QJsonObject validSend()
{
    return {{QStringLiteral("messageId"), QStringLiteral("m-1")},
            {QStringLiteral("chatId"), QStringLiteral("c-2")},
            {QStringLiteral("envelopes"), QJsonArray{envelope()}}};
}

QJsonObject with(QJsonObject object, const QString &key, const QJsonValue &value)
{
    if (value.isUndefined())
        object.remove(key);
    else
        object.insert(key, value);
    return object;
}

} // namespace

// Payload parsers: wrong types, wrong sizes and missing fields each get a precise error code.
class PayloadsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validMessageSendRoundTrips();
    void badMessageSendIsRejected_data();
    void badMessageSendIsRejected();
    void receiveEventRoundTripsWithBinaryFieldsIntact();
    void sequenceNumbersMustBeWholeNonNegativeNumbers_data();
    void sequenceNumbersMustBeWholeNonNegativeNumbers();
    void phoneNumbersMustBeE164_data();
    void phoneNumbersMustBeE164();
    void verifyOtpRequiresADevicePublicKeyOf32Bytes_data();
    void verifyOtpRequiresADevicePublicKeyOf32Bytes();
    void errorBodyRoundTrips();
    void pingAnswerAndEventSeqHaveTheirWireNames();
    void searchPageRoundTrips_data();
    void searchPageRoundTrips();
    void nonErrorBodyIsNotMistakenForAnError();
};

void PayloadsTest::validMessageSendRoundTrips()
{
    const auto parsed = MessageSend::fromJson(validSend());
    QVERIFY(parsed.ok());
    QCOMPARE(parsed.value().envelopes.size(), 1);
    QCOMPARE(parsed.value().envelopes.first().nonce, QByteArray(limits::NonceBytes, 'k'));
    QCOMPARE(parsed.value().toJson(), validSend());
}

void PayloadsTest::badMessageSendIsRejected_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<ErrorCode>("expected");
    const QJsonObject ok = validSend();
    const QString envelopes = QStringLiteral("envelopes");
    auto withEnvelope = [&](const QString &key, const QJsonValue &value) {
        return with(ok, envelopes, QJsonArray{with(envelope(), key, value)});
    };

    QTest::newRow("no messageId") << with(ok, QStringLiteral("messageId"), QJsonValue::Undefined)
                                  << ErrorCode::MissingField;
    QTest::newRow("messageId number")
        << with(ok, QStringLiteral("messageId"), 5) << ErrorCode::InvalidField;
    QTest::newRow("messageId too long")
        << with(ok, QStringLiteral("messageId"), QString(65, u'x')) << ErrorCode::InvalidField;
    QTest::newRow("chat null") << with(ok, QStringLiteral("chatId"), QJsonValue::Null)
                               << ErrorCode::MissingField;
    QTest::newRow("chat missing") << with(ok, QStringLiteral("chatId"), QJsonValue::Undefined)
                                  << ErrorCode::MissingField;
    QTest::newRow("chat empty") << with(ok, QStringLiteral("chatId"), QString())
                                << ErrorCode::InvalidField;
    QTest::newRow("silent not a boolean")
        << with(ok, QStringLiteral("silent"), 1) << ErrorCode::InvalidField;
    QTest::newRow("envelopes object")
        << with(ok, envelopes, QJsonObject()) << ErrorCode::InvalidField;
    QTest::newRow("envelopes empty")
        << with(ok, envelopes, QJsonArray()) << ErrorCode::InvalidField;
    QJsonArray tooMany;
    for (int i = 0; i <= limits::MaxEnvelopes; ++i)
        tooMany.append(envelope(QStringLiteral("d%1").arg(i)));
    QTest::newRow("too many envelopes")
        << with(ok, envelopes, tooMany) << ErrorCode::PayloadTooLarge;
    QTest::newRow("envelope not object")
        << with(ok, envelopes, QJsonArray{QStringLiteral("x")}) << ErrorCode::InvalidField;
    QTest::newRow("duplicate device")
        << with(ok, envelopes, QJsonArray{envelope(), envelope()}) << ErrorCode::InvalidField;
    QTest::newRow("nonce too short")
        << withEnvelope(QStringLiteral("nonce"), b64(23)) << ErrorCode::InvalidField;
    QTest::newRow("nonce too long")
        << withEnvelope(QStringLiteral("nonce"), b64(25)) << ErrorCode::InvalidField;
    QTest::newRow("nonce not base64")
        << withEnvelope(QStringLiteral("nonce"), QStringLiteral("@@@@")) << ErrorCode::InvalidField;
    QTest::newRow("nonce number") << withEnvelope(QStringLiteral("nonce"), 24)
                                  << ErrorCode::InvalidField;
    QString unpadded = b64(limits::NonceBytes + 1);
    unpadded.remove(u'=');
    QTest::newRow("ciphertext without padding")
        << withEnvelope(QStringLiteral("ciphertext"), unpadded) << ErrorCode::InvalidField;
    // "AAE=" is the canonical form of 0x00 0x01; "AAF=" decodes to the same bytes with stray bits.
    QTest::newRow("non-canonical final bits") << withEnvelope(
        QStringLiteral("ciphertext"), QString(b64(18).left(20) + QStringLiteral("AAF=")))
                                              << ErrorCode::InvalidField;
    QTest::newRow("url-safe alphabet") << withEnvelope(
        QStringLiteral("nonce"),
        QString::fromLatin1(QByteArray(24, '\xfb').toBase64(QByteArray::Base64UrlEncoding)))
                                       << ErrorCode::InvalidField;
    QTest::newRow("ciphertext only a MAC")
        << withEnvelope(QStringLiteral("ciphertext"), b64(limits::BoxMacBytes))
        << ErrorCode::InvalidField;
    QTest::newRow("ciphertext too large")
        << withEnvelope(QStringLiteral("ciphertext"), b64(limits::MaxCiphertextBytes + 1))
        << ErrorCode::PayloadTooLarge;
    QTest::newRow("ciphertext missing")
        << withEnvelope(QStringLiteral("ciphertext"), QJsonValue::Undefined)
        << ErrorCode::MissingField;
    QTest::newRow("deviceId bool")
        << withEnvelope(QStringLiteral("deviceId"), true) << ErrorCode::InvalidField;
}

void PayloadsTest::badMessageSendIsRejected()
{
    QFETCH(QJsonObject, json);
    QFETCH(ErrorCode, expected);
    const auto parsed = MessageSend::fromJson(json);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().code, expected);
    QVERIFY(!parsed.error().message.isEmpty());
}

void PayloadsTest::receiveEventRoundTripsWithBinaryFieldsIntact()
{
    QByteArray ciphertext(300, Qt::Uninitialized);
    for (int i = 0; i < ciphertext.size(); ++i)
        ciphertext[i] = char(i);
    const MessageReceive sent{9007199254740991,    QStringLiteral("m"),
                              QStringLiteral("u"), QStringLiteral("d"),
                              QStringLiteral("r"), QStringLiteral("c"),
                              1764000000000,       QByteArray(24, '\0'),
                              ciphertext,          true};
    const auto parsed = MessageReceive::fromJson(
        QJsonDocument::fromJson(QJsonDocument(sent.toJson()).toJson()).object());
    QVERIFY(parsed.ok());
    QCOMPARE(parsed.value().seq, sent.seq);
    QCOMPARE(parsed.value().ciphertext, ciphertext);
    QCOMPARE(parsed.value().nonce, sent.nonce);
    QCOMPARE(parsed.value().chatId, sent.chatId);
    QVERIFY(parsed.value().silent);
}

void PayloadsTest::sequenceNumbersMustBeWholeNonNegativeNumbers_data()
{
    QTest::addColumn<QJsonValue>("after");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("zero") << QJsonValue(0) << true;
    QTest::newRow("large") << QJsonValue(double(limits::MaxJsonInteger)) << true;
    QTest::newRow("negative") << QJsonValue(-1) << false;
    QTest::newRow("fraction") << QJsonValue(1.5) << false;
    QTest::newRow("above 2^53") << QJsonValue(double(limits::MaxJsonInteger) * 4) << false;
    QTest::newRow("string") << QJsonValue(QStringLiteral("3")) << false;
    QTest::newRow("bool") << QJsonValue(true) << false;
}

void PayloadsTest::sequenceNumbersMustBeWholeNonNegativeNumbers()
{
    QFETCH(QJsonValue, after);
    QFETCH(bool, accepted);
    const auto parsed = SyncRequest::fromJson({{QStringLiteral("after"), after}});
    QCOMPARE(parsed.ok(), accepted);
    if (!accepted)
        QCOMPARE(parsed.error().code, ErrorCode::InvalidField);
}

void PayloadsTest::phoneNumbersMustBeE164_data()
{
    QTest::addColumn<QString>("number");
    QTest::addColumn<bool>("valid");
    QTest::newRow("us") << QStringLiteral("+12025550123") << true;
    QTest::newRow("15 digits") << QStringLiteral("+123456789012345") << true;
    QTest::newRow("16 digits") << QStringLiteral("+1234567890123456") << false;
    QTest::newRow("no plus") << QStringLiteral("12025550123") << false;
    QTest::newRow("leading zero") << QStringLiteral("+05551234567") << false;
    QTest::newRow("spaces") << QStringLiteral("+1 202 555 0123") << false;
    QTest::newRow("letters") << QStringLiteral("+1555CALLNOW") << false;
    QTest::newRow("too short") << QStringLiteral("+1234567") << false;
    QTest::newRow("arabic digits") << QStringLiteral("+١٢٣٤٥٦٧٨٩٠") << false;
}

void PayloadsTest::phoneNumbersMustBeE164()
{
    QFETCH(QString, number);
    QFETCH(bool, valid);
    QCOMPARE(isE164(number), valid);
    // The request parser only checks the type and length: the server normalises the number
    // with libphonenumber and explains what is wrong with it (tests/server/tst_authflow).
    QVERIFY(LoginRequest::fromJson({{QStringLiteral("phoneNumber"), number}}).ok());
    const auto notAString
        = LoginRequest::fromJson({{QStringLiteral("phoneNumber"), 15551234567.0}});
    QCOMPARE(notAString.error().code, ErrorCode::InvalidField);
}

void PayloadsTest::verifyOtpRequiresADevicePublicKeyOf32Bytes_data()
{
    QTest::addColumn<QJsonValue>("publicKey");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("32 bytes") << QJsonValue(b64(32)) << true;
    QTest::newRow("31 bytes") << QJsonValue(b64(31)) << false;
    QTest::newRow("33 bytes") << QJsonValue(b64(33)) << false;
    QTest::newRow("url-safe alphabet") << QJsonValue(
        QString::fromLatin1(QByteArray(32, '\xff').toBase64(QByteArray::Base64UrlEncoding)))
                                       << false;
    QTest::newRow("array") << QJsonValue(QJsonArray{1, 2}) << false;
}

void PayloadsTest::verifyOtpRequiresADevicePublicKeyOf32Bytes()
{
    QFETCH(QJsonValue, publicKey);
    QFETCH(bool, accepted);
    const QJsonObject json{{QStringLiteral("phoneNumber"), QStringLiteral("+12025550123")},
                           {QStringLiteral("code"), QStringLiteral("123456")},
                           {QStringLiteral("device"),
                            QJsonObject{{QStringLiteral("name"), QStringLiteral("laptop")},
                                        {QStringLiteral("publicKey"), publicKey}}}};
    const auto parsed = VerifyOtpRequest::fromJson(json);
    QCOMPARE(parsed.ok(), accepted);
    if (!accepted)
        QCOMPARE(parsed.error().code, ErrorCode::InvalidField);
}

void PayloadsTest::searchPageRoundTrips_data()
{
    QTest::addColumn<UserSearchPage>("page");
    QTest::addColumn<QByteArray>("wire");
    const UserSearchHit byNumber{QStringLiteral("u1"), QString(), QStringLiteral("+12025550182"),
                                 std::nullopt};
    const UserSearchHit byName{QStringLiteral("u2"), QStringLiteral("Bob Builder"), std::nullopt,
                               QStringLiteral("m_77aa")};
    QTest::newRow("a number match")
        << UserSearchPage{{byNumber}, std::nullopt}
        << QByteArray(R"({"nextCursor":null,"users":[{"avatarMediaId":null,"displayName":"",)"
                      R"("id":"u1","phoneNumber":"+12025550182"}]})");
    QTest::newRow("a name page with a cursor")
        << UserSearchPage{{byName}, QStringLiteral("WyJi")}
        << QByteArray(R"({"nextCursor":"WyJi","users":[{"avatarMediaId":"m_77aa",)"
                      R"("displayName":"Bob Builder","id":"u2"}]})");
    QTest::newRow("no match") << UserSearchPage{}
                              << QByteArray(R"({"nextCursor":null,"users":[]})");
}

// One type for the search answer, by number and by name (docs/protocol.md 4.5): what the server
// encodes is what a client decodes, and a name match carries no phoneNumber key at all.
void PayloadsTest::searchPageRoundTrips()
{
    QFETCH(UserSearchPage, page);
    QFETCH(QByteArray, wire);
    QCOMPARE(QJsonDocument(page.toJson()).toJson(QJsonDocument::Compact), wire);
    const auto decoded = UserSearchPage::fromJson(QJsonDocument::fromJson(wire).object());
    QVERIFY(decoded);
    QVERIFY(decoded.value() == page);
}

void PayloadsTest::pingAnswerAndEventSeqHaveTheirWireNames()
{
    const QJsonObject ping = PingAnswer{1795625490267}.toJson();
    QCOMPARE(QJsonDocument(ping).toJson(QJsonDocument::Compact),
             QByteArray(R"({"serverTime":1795625490267})"));
    QCOMPARE(PingAnswer::fromJson(ping).value().serverTime, 1795625490267);

    const QJsonObject event
        = withSeq(QJsonObject{{QStringLiteral("messageId"), QStringLiteral("m")}}, 7);
    QCOMPARE(QJsonDocument(event).toJson(QJsonDocument::Compact),
             QByteArray(R"({"messageId":"m","seq":7})"));
    QCOMPARE(withoutSeq(event), (QJsonObject{{QStringLiteral("messageId"), QStringLiteral("m")}}));
}

void PayloadsTest::errorBodyRoundTrips()
{
    const Error error{ErrorCode::OtpExpired, QStringLiteral("the code has expired")};
    const auto decoded = decodeErrorBody(encodeErrorBody(error));
    QVERIFY(decoded.has_value());
    QCOMPARE(*decoded, error);
}

void PayloadsTest::nonErrorBodyIsNotMistakenForAnError()
{
    QVERIFY(!decodeErrorBody("{\"users\":[]}").has_value());
    QVERIFY(!decodeErrorBody("<html>502 Bad Gateway</html>").has_value());
}

QTEST_GUILESS_MAIN(PayloadsTest)
#include "tst_payloads.moc"
