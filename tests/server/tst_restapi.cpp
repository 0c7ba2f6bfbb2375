#include "core/protocol/Limits.h"
#include "tests/support/ServerProcess.h"
#include "tests/support/TestHttp.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>

namespace {

const QString Phone = QStringLiteral("+12025550124");

QJsonObject device(const QByteArray &publicKey = QByteArray(32, 'k'))
{
    return {{QStringLiteral("name"), QStringLiteral("laptop")},
            {QStringLiteral("publicKey"), QString::fromLatin1(publicKey.toBase64())}};
}

QJsonObject verifyBody(const QString &phone, const QString &code)
{
    return {{QStringLiteral("phoneNumber"), phone},
            {QStringLiteral("code"), code},
            {QStringLiteral("device"), device()}};
}

QByteArray header(const HttpReply &reply, const QByteArray &name)
{
    for (const auto &[key, value] : reply.headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QString wrongCodeFor(const QString &code)
{
    return code == QLatin1String("000000") ? QStringLiteral("000001") : QStringLiteral("000000");
}

} // namespace

// Black-box tests of the REST API over real HTTP (docs/protocol.md, "REST API"): every bad
// request gets a status and an error code, and nothing is written for it.
class RestApiTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void malformedRequestsGetAnErrorCode_data();
    void malformedRequestsGetAnErrorCode();
    void badRequestsWriteNothing();
    void loginAnswersTheSameForKnownAndUnknownNumbers();
    void rightCodeGrantsATokenOnceOnly();
    void wrongCodeCountsDownThenKillsTheCode();
    void newCodeReplacesTheOldOne();
    void codeIsNotStoredInTheClear();
    void protectedRoutesNeedAValidToken_data();
    void protectedRoutesNeedAValidToken();
    void searchFindsAUserByExactNumberOnly();
    void deviceListCarriesThePublicKey();
    void unknownPathsAndMethodsAreReported();
    void plainGetOfTheWebSocketPathNamesTheUpgradeItNeeds();
    void headRequestsAreAnsweredWithoutABody_data();
    void headRequestsAreAnsweredWithoutABody();
    void signingInAgainWithTheSameKeyKeepsTheDevice();
    void bearerSchemeIsCaseInsensitive();

private:
    QUrl url(const QString &path) const;
    QString login(const QString &phone, const QByteArray &publicKey = QByteArray(32, 'k'));
    qint64 rows(const QString &table);

    ServerProcess m_server;
};

void RestApiTest::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

void RestApiTest::cleanupTestCase()
{
    QCOMPARE(m_server.stop(), 0);
}

QUrl RestApiTest::url(const QString &path) const
{
    return m_server.url(path);
}

QString RestApiTest::login(const QString &phone, const QByteArray &publicKey)
{
    if (TestHttp::postJson(url(QStringLiteral("/api/v1/auth/login")),
                           {{QStringLiteral("phoneNumber"), phone}})
            .status
        != 200)
        return {};
    QJsonObject body = verifyBody(phone, m_server.takeCode(phone));
    body.insert(QStringLiteral("device"), device(publicKey));
    const HttpReply reply
        = TestHttp::postJson(url(QStringLiteral("/api/v1/auth/verify-otp")), body);
    return reply.json().value(QStringLiteral("accessToken")).toString();
}

qint64 RestApiTest::rows(const QString &table)
{
    const QVariant count = m_server.queryScalar(QStringLiteral("SELECT COUNT(*) FROM ") + table);
    return count.isValid() ? count.toLongLong() : -1;
}

void RestApiTest::malformedRequestsGetAnErrorCode_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    const QString login = QStringLiteral("/api/v1/auth/login");
    const QString verify = QStringLiteral("/api/v1/auth/verify-otp");
    const QByteArray validDevice
        = R"("device":{"name":"x","publicKey":"a2tra2tra2tra2tra2tra2tra2tra2tra2tra2tra2s="})";

    QTest::newRow("login: empty body")
        << login << QByteArray() << 400 << QStringLiteral("malformed_json");
    QTest::newRow("login: not json")
        << login << QByteArray("phone=+1555") << 400 << QStringLiteral("malformed_json");
    QTest::newRow("login: truncated") << login << QByteArray(R"({"phoneNumber":"+155)") << 400
                                      << QStringLiteral("malformed_json");
    QTest::newRow("login: array") << login << QByteArray(R"(["+12025550123"])") << 400
                                  << QStringLiteral("malformed_json");
    QTest::newRow("login: missing number")
        << login << QByteArray("{}") << 400 << QStringLiteral("missing_field");
    QTest::newRow("login: number is number")
        << login << QByteArray(R"({"phoneNumber":12025550123})") << 400
        << QStringLiteral("invalid_field");
    QTest::newRow("login: number beyond a double")
        << login << QByteArray(R"({"phoneNumber":1e400})") << 400
        << QStringLiteral("invalid_field");
    QTest::newRow("login: number is object")
        << login << QByteArray(R"({"phoneNumber":{}})") << 400 << QStringLiteral("invalid_field");
    QTest::newRow("login: not E.164") << login << QByteArray(R"({"phoneNumber":"555-1234"})") << 400
                                      << QStringLiteral("invalid_phone_number");
    QTest::newRow("login: oversized")
        << login
        << (R"({"phoneNumber":")" + QByteArray(parley::protocol::limits::MaxRestBodyBytes, '1')
            + R"("})")
        << 413 << QStringLiteral("payload_too_large");
    QTest::newRow("verify: no device")
        << verify << QByteArray(R"({"phoneNumber":"+12025550124","code":"123456"})") << 400
        << QStringLiteral("missing_field");
    QTest::newRow("verify: code is number")
        << verify
        << QByteArray(R"({"phoneNumber":"+12025550124","code":123456,)" + validDevice + "}") << 400
        << QStringLiteral("invalid_field");
    QTest::newRow("verify: device is string")
        << verify << QByteArray(R"({"phoneNumber":"+12025550124","code":"1","device":"x"})") << 400
        << QStringLiteral("invalid_field");
    QTest::newRow("verify: key too short")
        << verify
        << QByteArray(
               R"({"phoneNumber":"+12025550124","code":"1","device":{"name":"x","publicKey":"AAAA"}})")
        << 400 << QStringLiteral("invalid_field");
    QTest::newRow("verify: key not base64")
        << verify
        << QByteArray(
               R"({"phoneNumber":"+12025550124","code":"1","device":{"name":"x","publicKey":"%%%"}})")
        << 400 << QStringLiteral("invalid_field");
    QTest::newRow("verify: no code pending")
        << verify
        << QByteArray(R"({"phoneNumber":"+12025550198","code":"123456",)" + validDevice + "}")
        << 401 << QStringLiteral("otp_invalid");
}

void RestApiTest::malformedRequestsGetAnErrorCode()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    const HttpReply reply = TestHttp::post(url(path), body);
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.errorCode(), code);
    QVERIFY(!reply.errorMessage().isEmpty());
}

void RestApiTest::badRequestsWriteNothing()
{
    const qint64 users = rows(QStringLiteral("users"));
    const qint64 challenges = rows(QStringLiteral("otp_challenges"));
    TestHttp::post(url(QStringLiteral("/api/v1/auth/login")), R"({"phoneNumber":"12"})");
    TestHttp::post(url(QStringLiteral("/api/v1/auth/verify-otp")),
                   R"({"phoneNumber":"+12025550111","code":"1"})");
    QCOMPARE(rows(QStringLiteral("users")), users);
    QCOMPARE(rows(QStringLiteral("otp_challenges")), challenges);
}

void RestApiTest::loginAnswersTheSameForKnownAndUnknownNumbers()
{
    QVERIFY(!login(QStringLiteral("+12025550122")).isEmpty());
    const HttpReply known
        = TestHttp::postJson(url(QStringLiteral("/api/v1/auth/login")),
                             {{QStringLiteral("phoneNumber"), QStringLiteral("+12025550122")}});
    const HttpReply unknown
        = TestHttp::postJson(url(QStringLiteral("/api/v1/auth/login")),
                             {{QStringLiteral("phoneNumber"), QStringLiteral("+12025550133")}});
    QCOMPARE(known.status, 200);
    QCOMPARE(unknown.status, known.status);
    QCOMPARE(unknown.body, known.body);
}

void RestApiTest::rightCodeGrantsATokenOnceOnly()
{
    QCOMPARE(TestHttp::postJson(url(QStringLiteral("/api/v1/auth/login")),
                                {{QStringLiteral("phoneNumber"), Phone}})
                 .status,
             200);
    const QString code = m_server.takeCode(Phone);
    QCOMPARE(code.size(), 6);
    const HttpReply granted = TestHttp::postJson(url(QStringLiteral("/api/v1/auth/verify-otp")),
                                                 verifyBody(Phone, code));
    QCOMPARE(granted.status, 200);
    const QJsonObject grant = granted.json();
    QVERIFY(!grant.value(QStringLiteral("accessToken")).toString().isEmpty());
    QCOMPARE(grant.value(QStringLiteral("tokenType")).toString(), QStringLiteral("Bearer"));
    QCOMPARE(grant.value(QStringLiteral("expiresIn")).toInt(), 900);
    QCOMPARE(grant.value(QStringLiteral("phoneNumber")).toString(), Phone);

    const HttpReply replay = TestHttp::postJson(url(QStringLiteral("/api/v1/auth/verify-otp")),
                                                verifyBody(Phone, code));
    QCOMPARE(replay.status, 401);
    QCOMPARE(replay.errorCode(), QStringLiteral("otp_invalid"));
}

void RestApiTest::wrongCodeCountsDownThenKillsTheCode()
{
    const QString phone = QStringLiteral("+12025550144");
    TestHttp::postJson(url(QStringLiteral("/api/v1/auth/login")),
                       {{QStringLiteral("phoneNumber"), phone}});
    const QString code = m_server.takeCode(phone);
    for (int attempt = 1; attempt <= parley::protocol::limits::OtpMaxAttempts; ++attempt) {
        const HttpReply reply = TestHttp::postJson(url(QStringLiteral("/api/v1/auth/verify-otp")),
                                                   verifyBody(phone, wrongCodeFor(code)));
        QCOMPARE(reply.status, 401);
        const bool last = attempt == parley::protocol::limits::OtpMaxAttempts;
        QCOMPARE(reply.errorCode(),
                 last ? QStringLiteral("otp_attempts_exceeded") : QStringLiteral("otp_invalid"));
    }
    // Now even the right code is refused: the code is dead.
    const HttpReply right = TestHttp::postJson(url(QStringLiteral("/api/v1/auth/verify-otp")),
                                               verifyBody(phone, code));
    QCOMPARE(right.status, 401);
    QCOMPARE(right.errorCode(), QStringLiteral("otp_attempts_exceeded"));
}

void RestApiTest::newCodeReplacesTheOldOne()
{
    const QString phone = QStringLiteral("+12025550155");
    TestHttp::postJson(url(QStringLiteral("/api/v1/auth/login")),
                       {{QStringLiteral("phoneNumber"), phone}});
    const QString first = m_server.takeCode(phone);
    TestHttp::postJson(url(QStringLiteral("/api/v1/auth/login")),
                       {{QStringLiteral("phoneNumber"), phone}});
    const QString second = m_server.takeCode(phone);
    if (first != second) {
        const HttpReply old = TestHttp::postJson(url(QStringLiteral("/api/v1/auth/verify-otp")),
                                                 verifyBody(phone, first));
        QCOMPARE(old.errorCode(), QStringLiteral("otp_invalid"));
    }
    QCOMPARE(TestHttp::postJson(url(QStringLiteral("/api/v1/auth/verify-otp")),
                                verifyBody(phone, second))
                 .status,
             200);
}

void RestApiTest::codeIsNotStoredInTheClear()
{
    const QString phone = QStringLiteral("+12025550166");
    TestHttp::postJson(url(QStringLiteral("/api/v1/auth/login")),
                       {{QStringLiteral("phoneNumber"), phone}});
    const QString code = m_server.takeCode(phone);
    const QVariant hash = m_server.queryScalar(
        QStringLiteral("SELECT code_hash FROM otp_challenges WHERE phone_number = '%1'")
            .arg(phone));
    QVERIFY2(hash.isValid(), qPrintable(m_server.database().errorString()));
    const QByteArray stored = QByteArray::fromBase64(hash.toString().toLatin1());
    QCOMPARE(stored.size(), 32);
    QVERIFY(!stored.contains(code.toLatin1()));
}

void RestApiTest::protectedRoutesNeedAValidToken_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("code");
    QTest::newRow("none") << QString() << QStringLiteral("unauthorized");
    QTest::newRow("garbage") << QStringLiteral("garbage") << QStringLiteral("token_invalid");
    QTest::newRow("unsigned") << QStringLiteral("eyJzdWIiOiJ4In0.")
                              << QStringLiteral("token_invalid");
    QTest::newRow("huge") << QString(5000, u'a') << QStringLiteral("token_invalid");
}

void RestApiTest::protectedRoutesNeedAValidToken()
{
    QFETCH(QString, token);
    QFETCH(QString, code);
    for (const QString &path : {QStringLiteral("/api/v1/users/search?q=%2B12025550124"),
                                QStringLiteral("/api/v1/users/someone/devices")}) {
        const HttpReply reply = TestHttp::get(url(path), token);
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.errorCode(), code);
    }
}

void RestApiTest::searchFindsAUserByExactNumberOnly()
{
    const QString token = login(QStringLiteral("+12025550177"));
    QVERIFY(!token.isEmpty());
    const HttpReply found
        = TestHttp::get(url(QStringLiteral("/api/v1/users/search?q=%2B12025550177")), token);
    QCOMPARE(found.status, 200);
    QCOMPARE(found.json().value(QStringLiteral("users")).toArray().size(), 1);
    const HttpReply none
        = TestHttp::get(url(QStringLiteral("/api/v1/users/search?q=%2B12025550178")), token);
    QCOMPARE(none.status, 200);
    QCOMPARE(none.json().value(QStringLiteral("users")).toArray().size(), 0);
    const HttpReply bad = TestHttp::get(url(QStringLiteral("/api/v1/users/search?q=1555")), token);
    QCOMPARE(bad.status, 400);
    QCOMPARE(bad.errorCode(), QStringLiteral("invalid_phone_number"));
}

void RestApiTest::deviceListCarriesThePublicKey()
{
    const QByteArray key
        = QByteArray::fromHex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
    const QString token = login(QStringLiteral("+12025550188"), key);
    QVERIFY(!token.isEmpty());
    const HttpReply search
        = TestHttp::get(url(QStringLiteral("/api/v1/users/search?q=%2B12025550188")), token);
    const QString userId = search.json()
                               .value(QStringLiteral("users"))
                               .toArray()
                               .first()
                               .toObject()
                               .value(QStringLiteral("id"))
                               .toString();
    const HttpReply devices
        = TestHttp::get(url(QStringLiteral("/api/v1/users/%1/devices").arg(userId)), token);
    QCOMPARE(devices.status, 200);
    const QJsonArray list = devices.json().value(QStringLiteral("devices")).toArray();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.first().toObject().value(QStringLiteral("publicKey")).toString(),
             QString::fromLatin1(key.toBase64()));

    const HttpReply unknown
        = TestHttp::get(url(QStringLiteral("/api/v1/users/nobody/devices")), token);
    QCOMPARE(unknown.status, 404);
    QCOMPARE(unknown.errorCode(), QStringLiteral("unknown_user"));
}

void RestApiTest::unknownPathsAndMethodsAreReported()
{
    const HttpReply missing = TestHttp::get(url(QStringLiteral("/api/v1/nothing-here")));
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.errorCode(), QStringLiteral("not_found"));
    const HttpReply wrongMethod = TestHttp::get(url(QStringLiteral("/api/v1/auth/login")));
    QCOMPARE(wrongMethod.status, 405);
    QCOMPARE(wrongMethod.errorCode(), QStringLiteral("method_not_allowed"));
    const HttpReply plainGetOnSocket = TestHttp::get(url(QStringLiteral("/api/v1/ws")));
    QCOMPARE(plainGetOnSocket.status, 426);
    QCOMPARE(plainGetOnSocket.errorCode(), QStringLiteral("upgrade_required"));
}

void RestApiTest::plainGetOfTheWebSocketPathNamesTheUpgradeItNeeds()
{
    const HttpReply reply = TestHttp::get(url(QStringLiteral("/api/v1/ws")));
    QCOMPARE(reply.status, 426);
    QCOMPARE(reply.errorCode(), QStringLiteral("upgrade_required"));
    QCOMPARE(header(reply, "Upgrade"), QByteArray("websocket"));
    QCOMPARE(header(reply, "Connection"), QByteArray("Upgrade"));
}

void RestApiTest::headRequestsAreAnsweredWithoutABody_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("status");
    QTest::newRow("a GET route") << QByteArray("/api/v1/devices") << QByteArray("405");
    QTest::newRow("a POST route") << QByteArray("/api/v1/auth/login") << QByteArray("405");
    QTest::newRow("no route") << QByteArray("/api/v1/nothing-here") << QByteArray("404");
    QTest::newRow("the WebSocket") << QByteArray("/api/v1/ws") << QByteArray("426");
}

void RestApiTest::headRequestsAreAnsweredWithoutABody()
{
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, status);
    // A second request on the same connection: a body after the HEAD answer's headers would
    // come before its status line.
    const QByteArray answer
        = TestHttp::raw(m_server.url(),
                        "HEAD " + path
                            + " HTTP/1.1\r\nHost: x\r\n\r\n"
                              "GET /api/v1/nothing-here HTTP/1.1\r\nHost: x\r\n\r\n");
    QVERIFY2(answer.startsWith(QByteArray("HTTP/1.1 " + status)), answer.constData());
    const qsizetype headEnd = answer.indexOf("\r\n\r\n");
    QVERIFY(headEnd > 0);
    const QByteArray headers = answer.left(headEnd).toLower();
    QVERIFY2(!headers.contains("content-length"), headers.constData());
    QVERIFY2(answer.mid(headEnd + 4).startsWith("HTTP/1.1 404"), answer.constData());
}

void RestApiTest::signingInAgainWithTheSameKeyKeepsTheDevice()
{
    const QString phone = QStringLiteral("+12025550191");
    const QByteArray desktopKey(32, 'd');
    const QString first = login(phone, desktopKey);
    const QString second = login(phone, desktopKey);
    const QString phoneKeyToken = login(phone, QByteArray(32, 'p'));
    QVERIFY(!first.isEmpty() && !second.isEmpty() && !phoneKeyToken.isEmpty());
    const HttpReply search
        = TestHttp::get(url(QStringLiteral("/api/v1/users/search?q=%2B12025550191")), first);
    const QString userId = search.json()
                               .value(QStringLiteral("users"))
                               .toArray()
                               .first()
                               .toObject()
                               .value(QStringLiteral("id"))
                               .toString();
    const HttpReply devices
        = TestHttp::get(url(QStringLiteral("/api/v1/users/%1/devices").arg(userId)), second);
    QCOMPARE(devices.json().value(QStringLiteral("devices")).toArray().size(), 2);
}

void RestApiTest::bearerSchemeIsCaseInsensitive()
{
    const QString token = login(QStringLiteral("+12025550192"));
    QVERIFY(!token.isEmpty());
    QNetworkAccessManager network;
    QNetworkRequest request(url(QStringLiteral("/api/v1/users/search?q=%2B12025550192")));
    request.setRawHeader("Authorization", "bEaReR " + token.toLatin1());
    QNetworkReply *reply = network.get(request);
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    delete reply;
}

QTEST_GUILESS_MAIN(RestApiTest)
#include "tst_restapi.moc"
