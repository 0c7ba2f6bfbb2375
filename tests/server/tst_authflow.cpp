#include "core/protocol/CloseCode.h"
#include "tests/support/ServerProcess.h"
#include "tests/support/TestHttp.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

namespace {

constexpr int WaitMs = 10000;

// Valid numbers (libphonenumber) from the 555-01xx range reserved for fiction.
QString number(int n)
{
    return QStringLiteral("+1202555%1").arg(100 + n, 4, 10, QLatin1Char('0'));
}

QJsonObject deviceJson(char keyFill)
{
    return {{QStringLiteral("name"), QStringLiteral("test device")},
            {QStringLiteral("publicKey"), QString::fromLatin1(QByteArray(32, keyFill).toBase64())}};
}

struct Grant
{
    QString accessToken;
    QString refreshToken;
    QString userId;
    QString deviceId;
};

Grant grantFrom(const HttpReply &reply)
{
    const QJsonObject json = reply.json();
    return {json.value(QStringLiteral("accessToken")).toString(),
            json.value(QStringLiteral("refreshToken")).toString(),
            json.value(QStringLiteral("userId")).toString(),
            json.value(QStringLiteral("deviceId")).toString()};
}

QByteArray header(const HttpReply &reply, const QByteArray &name)
{
    for (const auto &[key, value] : reply.headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

} // namespace

// Sign-in done right (issue 3): phone numbers, OTP expiry, throttling, refresh-token rotation and
// theft detection, logout, devices, rate limits and browser origins. Each rule of
// docs/security.md names the test here that proves it.
class AuthFlowTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void phoneNumbersAreNormalisedOrRefusedWithAReason_data();
    void phoneNumbersAreNormalisedOrRefusedWithAReason();
    void registrationNamesANewAccountOnly();
    void emailIsASecondWayToSignIn();
    void codeExpires();
    void secondCodeWithinTheResendIntervalIsRefusedAlikeForAnyNumber();
    void hourlyCapPerNumberHolds();
    void fileDeliveryWritesEachCodeAsSixDigitsAndALineFeed();
    void refreshRotatesAndAReusedTokenRevokesTheFamily();
    void reusedRefreshTokenEndsItsFamilyButNotTheDevicesOtherSignIns();
    void refreshTokenExpires();
    void aLostRefreshAnswerIsRepeatedOnlyWithinTheGraceAndOnlyOnce();
    void expiredAccessTokenIsRefusedOnRestAndClosesTheSocket();
    void logoutRevokesAccessAndRefreshTokensAndClosesSockets();
    void devicesCanBeListedAndRemoved();
    void restRequestsArePerIpRateLimited();
    void codeRequestsAndVerificationsArePerIpRateLimited();
    void browserOriginsMustBeAllowed();
    void searchAndContactSyncShareALimitPerAccount();
    void malformedBodiesOnEveryAuthEndpointGetAnErrorCode_data();
    void malformedBodiesOnEveryAuthEndpointGetAnErrorCode();

private:
    // Starts a server with the given options, on top of the permissive test defaults.
    bool start(const QStringList &options = {});
    QUrl url(const QString &path) const;
    HttpReply requestCode(const QString &phone,
                          const QString &path = QStringLiteral("/api/v1/auth/login"),
                          const QJsonObject &extra = {});
    HttpReply verify(const QString &phone, const QString &code, char keyFill = 'k');
    Grant signIn(const QString &phone, char keyFill = 'k');
    std::unique_ptr<QWebSocket> openSocket(const QString &accessToken);

    std::unique_ptr<ServerProcess> m_server;
};

bool AuthFlowTest::start(const QStringList &options)
{
    m_server = std::make_unique<ServerProcess>();
    if (!m_server->start(options)) {
        qWarning().noquote() << m_server->errorString();
        return false;
    }
    return true;
}

QUrl AuthFlowTest::url(const QString &path) const
{
    return m_server->url(path);
}

HttpReply AuthFlowTest::requestCode(const QString &phone, const QString &path,
                                    const QJsonObject &extra)
{
    QJsonObject body = extra;
    body.insert(QStringLiteral("phoneNumber"), phone);
    return TestHttp::postJson(url(path), body);
}

HttpReply AuthFlowTest::verify(const QString &phone, const QString &code, char keyFill)
{
    return TestHttp::postJson(url(QStringLiteral("/api/v1/auth/verify-otp")),
                              {{QStringLiteral("phoneNumber"), phone},
                               {QStringLiteral("code"), code},
                               {QStringLiteral("device"), deviceJson(keyFill)}});
}

Grant AuthFlowTest::signIn(const QString &phone, char keyFill)
{
    if (requestCode(phone).status != 200)
        return {};
    return grantFrom(verify(phone, m_server->takeCode(phone), keyFill));
}

std::unique_ptr<QWebSocket> AuthFlowTest::openSocket(const QString &accessToken)
{
    auto socket = std::make_unique<QWebSocket>();
    QUrl socketUrl = url(QStringLiteral("/api/v1/ws"));
    socketUrl.setScheme(QStringLiteral("ws"));
    QNetworkRequest request(socketUrl);
    request.setRawHeader("Authorization", "Bearer " + accessToken.toLatin1());
    QSignalSpy connected(socket.get(), &QWebSocket::connected);
    socket->open(request);
    if (!connected.wait(WaitMs))
        return nullptr;
    return socket;
}

void AuthFlowTest::phoneNumbersAreNormalisedOrRefusedWithAReason_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("e164"); // empty: refused
    QTest::addColumn<QString>("reason"); // a word the message must contain
    QTest::newRow("formatted") << QStringLiteral("+1 (202) 555-0123")
                               << QStringLiteral("+12025550123") << QString();
    QTest::newRow("dots") << QStringLiteral("+49.30.901820") << QStringLiteral("+4930901820")
                          << QString();
    QTest::newRow("no plus") << QStringLiteral("2025550123") << QString()
                             << QStringLiteral("international");
    QTest::newRow("unknown country")
        << QStringLiteral("+999 1234567") << QString() << QStringLiteral("country");
    QTest::newRow("too short") << QStringLiteral("+1 202") << QString() << QStringLiteral("short");
    QTest::newRow("not in use") << QStringLiteral("+1 555 123 4567") << QString()
                                << QStringLiteral("not a number in use");
    QTest::newRow("letters") << QStringLiteral("+1 CALL NOW") << QString()
                             << QStringLiteral("invalid phone number");
}

void AuthFlowTest::phoneNumbersAreNormalisedOrRefusedWithAReason()
{
    QFETCH(QString, input);
    QFETCH(QString, e164);
    QFETCH(QString, reason);
    QVERIFY(start());
    const HttpReply reply = requestCode(input);
    if (e164.isEmpty()) {
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.errorCode(), QStringLiteral("invalid_phone_number"));
        const QString message = reply.errorMessage();
        QVERIFY2(message.contains(reason), qPrintable(message));
        return;
    }
    QCOMPARE(reply.status, 200);
    QCOMPARE(m_server->takeCode(e164).size(), 6); // delivered under the normalised number
}

void AuthFlowTest::registrationNamesANewAccountOnly()
{
    QVERIFY(start());
    const QString phone = number(1);
    const HttpReply registered
        = requestCode(phone, QStringLiteral("/api/v1/auth/register"),
                      {{QStringLiteral("displayName"), QStringLiteral("Ada")},
                       {QStringLiteral("email"), QStringLiteral("ada@example.org")}});
    QCOMPARE(registered.status, 200);
    const Grant ada = grantFrom(verify(phone, m_server->takeCode(phone)));
    QVERIFY(!ada.accessToken.isEmpty());
    QCOMPARE(
        m_server
            ->queryScalar(
                QStringLiteral("SELECT display_name FROM users WHERE id = '%1'").arg(ada.userId))
            .toString(),
        QStringLiteral("Ada"));
    QCOMPARE(
        m_server
            ->queryScalar(QStringLiteral("SELECT email FROM users WHERE id = '%1'").arg(ada.userId))
            .toString(),
        QStringLiteral("ada@example.org"));

    // Registering a taken number answers exactly as for a new one and changes nothing.
    const HttpReply taken
        = requestCode(phone, QStringLiteral("/api/v1/auth/register"),
                      {{QStringLiteral("displayName"), QStringLiteral("Mallory")},
                       {QStringLiteral("email"), QStringLiteral("mallory@example.org")}});
    const HttpReply fresh = requestCode(number(3), QStringLiteral("/api/v1/auth/register"),
                                        {{QStringLiteral("displayName"), QStringLiteral("Carol")}});
    QCOMPARE(taken.status, 200);
    QCOMPARE(taken.body, fresh.body);
    QVERIFY(!grantFrom(verify(phone, m_server->takeCode(phone), 'm')).accessToken.isEmpty());
    QCOMPARE(
        m_server
            ->queryScalar(
                QStringLiteral("SELECT display_name FROM users WHERE id = '%1'").arg(ada.userId))
            .toString(),
        QStringLiteral("Ada"));
    QCOMPARE(
        m_server
            ->queryScalar(QStringLiteral("SELECT email FROM users WHERE id = '%1'").arg(ada.userId))
            .toString(),
        QStringLiteral("ada@example.org"));

    const HttpReply badEmail
        = requestCode(number(4), QStringLiteral("/api/v1/auth/register"),
                      {{QStringLiteral("email"), QStringLiteral("not-an-address")}});
    QCOMPARE(badEmail.status, 400);
    QCOMPARE(badEmail.errorCode(), QStringLiteral("invalid_field"));
}

void AuthFlowTest::emailIsASecondWayToSignIn()
{
    QVERIFY(start());
    const QString phone = number(21);
    QCOMPARE(requestCode(phone, QStringLiteral("/api/v1/auth/register"),
                         {{QStringLiteral("email"), QStringLiteral("Grace@Example.org")}})
                 .status,
             200);
    const Grant byNumber = grantFrom(verify(phone, m_server->takeCode(phone)));
    QVERIFY(!byNumber.accessToken.isEmpty());

    // Sign in by address (any case): the code goes to the account's channels; file delivery
    // writes it under the account's number.
    const QUrl login = url(QStringLiteral("/api/v1/auth/login"));
    const HttpReply known = TestHttp::postJson(
        login, {{QStringLiteral("email"), QStringLiteral("grace@example.org")}});
    const HttpReply unknown = TestHttp::postJson(
        login, {{QStringLiteral("email"), QStringLiteral("nobody@example.org")}});
    QCOMPARE(known.status, 200);
    QCOMPARE(unknown.body, known.body);
    const QString code = m_server->takeCode(phone);
    QCOMPARE(code.size(), 6);
    const QUrl verifyUrl = url(QStringLiteral("/api/v1/auth/verify-otp"));
    const HttpReply signedIn
        = TestHttp::postJson(verifyUrl,
                             {{QStringLiteral("email"), QStringLiteral("GRACE@example.org")},
                              {QStringLiteral("code"), code},
                              {QStringLiteral("device"), deviceJson('g')}});
    QCOMPARE(signedIn.status, 200);
    QCOMPARE(grantFrom(signedIn).userId, byNumber.userId);

    // An address without an account had no code sent: every code is wrong.
    const HttpReply guessed
        = TestHttp::postJson(verifyUrl,
                             {{QStringLiteral("email"), QStringLiteral("nobody@example.org")},
                              {QStringLiteral("code"), QStringLiteral("123456")},
                              {QStringLiteral("device"), deviceJson('n')}});
    QCOMPARE(guessed.status, 401);
    QCOMPARE(guessed.errorCode(), QStringLiteral("otp_invalid"));

    const HttpReply both
        = TestHttp::postJson(login,
                             {{QStringLiteral("email"), QStringLiteral("grace@example.org")},
                              {QStringLiteral("phoneNumber"), phone}});
    QCOMPARE(both.status, 400);
    QCOMPARE(both.errorCode(), QStringLiteral("invalid_field"));

    // An address is one account's: registering it for another number does not attach it.
    const QString other = number(22);
    QCOMPARE(requestCode(other, QStringLiteral("/api/v1/auth/register"),
                         {{QStringLiteral("email"), QStringLiteral("grace@example.org")}})
                 .status,
             200);
    const Grant second = grantFrom(verify(other, m_server->takeCode(other)));
    QVERIFY(!second.accessToken.isEmpty());
    QVERIFY(m_server
                ->queryScalar(
                    QStringLiteral("SELECT email FROM users WHERE id = '%1'").arg(second.userId))
                .toString()
                .isEmpty());
}

void AuthFlowTest::codeExpires()
{
    QVERIFY(start({QStringLiteral("--otp-lifetime"), QStringLiteral("1")}));
    const QString phone = number(5);
    QCOMPARE(requestCode(phone).status, 200);
    const QString code = m_server->takeCode(phone);
    QTest::qWait(1300);
    const HttpReply late = verify(phone, code);
    QCOMPARE(late.status, 401);
    QCOMPARE(late.errorCode(), QStringLiteral("otp_expired"));
}

void AuthFlowTest::secondCodeWithinTheResendIntervalIsRefusedAlikeForAnyNumber()
{
    QVERIFY(start({QStringLiteral("--otp-resend-interval"), QStringLiteral("60")}));
    const QString known = number(6);
    QVERIFY(!signIn(known).accessToken.isEmpty());
    const QString unknown = number(7);
    // The known number's code was used: a new one may be sent at once.
    QCOMPARE(requestCode(known).status, 200);
    QCOMPARE(requestCode(unknown).status, 200);
    const HttpReply knownAgain = requestCode(known);
    const HttpReply unknownAgain = requestCode(unknown);
    for (const HttpReply &reply : {knownAgain, unknownAgain}) {
        QCOMPARE(reply.status, 429);
        QCOMPARE(reply.errorCode(), QStringLiteral("rate_limited"));
        const int retryAfter = header(reply, "Retry-After").toInt();
        QVERIFY2(retryAfter > 0 && retryAfter <= 60, header(reply, "Retry-After").constData());
    }
    QCOMPARE(knownAgain.body, unknownAgain.body);
}

void AuthFlowTest::hourlyCapPerNumberHolds()
{
    QVERIFY(start({QStringLiteral("--otp-resend-interval"), QStringLiteral("0"),
                   QStringLiteral("--otp-hourly-limit"), QStringLiteral("3")}));
    const QString phone = number(8);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(requestCode(phone).status, 200);
    const HttpReply capped = requestCode(phone);
    QCOMPARE(capped.status, 429);
    const int retryAfter = header(capped, "Retry-After").toInt();
    QVERIFY(retryAfter > 3500 && retryAfter <= 3600);
}

// The code file of --otp-delivery file:DIR (docs/protocol.md 4.1): written anew for every code
// sent, and for nothing else.
void AuthFlowTest::fileDeliveryWritesEachCodeAsSixDigitsAndALineFeed()
{
    QVERIFY(start({QStringLiteral("--otp-resend-interval"), QStringLiteral("60")}));
    const QString phone = number(11);
    const QString path = QDir(m_server->otpDir()).filePath(phone + QStringLiteral(".txt"));
    const auto contents = [&path] {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<no file>");
    };
    static const QRegularExpression sixDigitsAndALineFeed(QStringLiteral("^[0-9]{6}\n$"));

    QCOMPARE(requestCode(phone).status, 200);
    const QByteArray first = contents();
    QVERIFY2(sixDigitsAndALineFeed.match(QLatin1String(first)).hasMatch(), first.constData());
    QCOMPARE(requestCode(phone).status, 429); // within the resend interval: nothing is written
    QCOMPARE(contents(), first);
    QCOMPARE(verify(phone, QString::fromLatin1(first.left(6))).status, 200);
    QCOMPARE(contents(), first); // a used code stays in its file

    QCOMPARE(requestCode(phone).status, 200); // the last code was used: a new one at once
    const QByteArray second = contents();
    QVERIFY2(sixDigitsAndALineFeed.match(QLatin1String(second)).hasMatch(), second.constData());
    QCOMPARE(verify(phone, QString::fromLatin1(second.left(6))).status, 200);
}

void AuthFlowTest::refreshRotatesAndAReusedTokenRevokesTheFamily()
{
    QVERIFY(start());
    const Grant first = signIn(number(9));
    QVERIFY(!first.refreshToken.isEmpty());
    const QUrl refreshUrl = url(QStringLiteral("/api/v1/auth/refresh-token"));
    const HttpReply rotated
        = TestHttp::postJson(refreshUrl, {{QStringLiteral("refreshToken"), first.refreshToken}});
    QCOMPARE(rotated.status, 200);
    const Grant second = grantFrom(rotated);
    QVERIFY(second.refreshToken != first.refreshToken);
    QCOMPARE(second.deviceId, first.deviceId);
    QCOMPARE(TestHttp::get(url(QStringLiteral("/api/v1/devices")), second.accessToken).status, 200);
    auto socket = openSocket(second.accessToken);
    QVERIFY(socket);
    QSignalSpy closed(socket.get(), &QWebSocket::disconnected);

    // The first token again, at once: its answer may have been lost, so within the grace it
    // gets the very same pair, once (docs/protocol.md 5.2).
    const HttpReply retried
        = TestHttp::postJson(refreshUrl, {{QStringLiteral("refreshToken"), first.refreshToken}});
    QCOMPARE(retried.status, 200);
    QCOMPARE(grantFrom(retried).refreshToken, second.refreshToken);
    QCOMPARE(grantFrom(retried).accessToken, second.accessToken);
    // And once more: that is no lost answer, someone copied it. Everything from this login ends.
    const HttpReply reused
        = TestHttp::postJson(refreshUrl, {{QStringLiteral("refreshToken"), first.refreshToken}});
    QCOMPARE(reused.status, 401);
    QCOMPARE(reused.errorCode(), QStringLiteral("refresh_token_reused"));
    const HttpReply secondAfter
        = TestHttp::postJson(refreshUrl, {{QStringLiteral("refreshToken"), second.refreshToken}});
    QCOMPARE(secondAfter.status, 401);
    QCOMPARE(secondAfter.errorCode(), QStringLiteral("token_revoked"));
    const HttpReply access
        = TestHttp::get(url(QStringLiteral("/api/v1/devices")), second.accessToken);
    QCOMPARE(access.status, 401);
    QCOMPARE(access.errorCode(), QStringLiteral("token_revoked"));
    QVERIFY(closed.size() > 0 || closed.wait(WaitMs));
    QCOMPARE(int(socket->closeCode()), parley::protocol::closecode::TokenRevoked);
    QCOMPARE(socket->closeReason(), QStringLiteral("token_revoked"));
    const QByteArray upgrade
        = TestHttp::raw(m_server->url(),
                        "GET /api/v1/ws?access_token=" + second.accessToken.toLatin1()
                            + " HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: "
                              "Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                              "Sec-WebSocket-Version: 13\r\n\r\n");
    QVERIFY2(upgrade.startsWith("HTTP/1.1 401") && upgrade.contains("token_revoked"),
             upgrade.constData());

    const HttpReply unknown = TestHttp::postJson(
        refreshUrl, {{QStringLiteral("refreshToken"), QStringLiteral("bm90LWEtdG9rZW4")}});
    QCOMPARE(unknown.status, 401);
    QCOMPARE(unknown.errorCode(), QStringLiteral("token_invalid"));
    // The refresh token is stored only as a hash.
    QCOMPARE(m_server
                 ->queryScalar(
                     QStringLiteral("SELECT COUNT(*) FROM refresh_tokens WHERE token_hash = '%1'")
                         .arg(first.refreshToken))
                 .toInt(),
             0);
}

void AuthFlowTest::reusedRefreshTokenEndsItsFamilyButNotTheDevicesOtherSignIns()
{
    QVERIFY(start());
    const Grant stolen = signIn(number(10));
    const Grant other = signIn(number(10)); // the same key pair: the same device, a new family
    QVERIFY(!stolen.refreshToken.isEmpty());
    QVERIFY(!other.refreshToken.isEmpty());
    QCOMPARE(other.deviceId, stolen.deviceId);
    const auto refresh = [this](const QString &token) {
        return TestHttp::postJson(url(QStringLiteral("/api/v1/auth/refresh-token")),
                                  {{QStringLiteral("refreshToken"), token}});
    };
    const HttpReply rotated = refresh(stolen.refreshToken);
    QCOMPARE(rotated.status, 200);
    QCOMPARE(refresh(stolen.refreshToken).status, 200); // the one retry of the grace
    QCOMPARE(refresh(stolen.refreshToken).errorCode(), QStringLiteral("refresh_token_reused"));
    QCOMPARE(refresh(grantFrom(rotated).refreshToken).errorCode(), QStringLiteral("token_revoked"));

    // Access tokens name no family: every one of the device issued so far is refused ...
    const HttpReply access
        = TestHttp::get(url(QStringLiteral("/api/v1/devices")), other.accessToken);
    QCOMPARE(access.errorCode(), QStringLiteral("token_revoked"));
    // ... but the other sign-in's refresh token is not of the copied family, and carries on.
    const HttpReply renewed = refresh(other.refreshToken);
    QCOMPARE(renewed.status, 200);
    QCOMPARE(grantFrom(renewed).deviceId, stolen.deviceId);
    QCOMPARE(TestHttp::get(url(QStringLiteral("/api/v1/devices")), grantFrom(renewed).accessToken)
                 .status,
             200);
}

void AuthFlowTest::refreshTokenExpires()
{
    QVERIFY(start({QStringLiteral("--refresh-token-lifetime"), QStringLiteral("1")}));
    const Grant grant = signIn(number(10));
    QTest::qWait(1300);
    const HttpReply expired
        = TestHttp::postJson(url(QStringLiteral("/api/v1/auth/refresh-token")),
                             {{QStringLiteral("refreshToken"), grant.refreshToken}});
    QCOMPARE(expired.status, 401);
    QCOMPARE(expired.errorCode(), QStringLiteral("token_expired"));
}

void AuthFlowTest::aLostRefreshAnswerIsRepeatedOnlyWithinTheGraceAndOnlyOnce()
{
    QVERIFY(start({QStringLiteral("--refresh-grace"), QStringLiteral("1")}));
    const auto refresh = [this](const QString &token) {
        return TestHttp::postJson(url(QStringLiteral("/api/v1/auth/refresh-token")),
                                  {{QStringLiteral("refreshToken"), token}});
    };
    // Once the new pair is in use the client did get the answer: a retry is a copy.
    const Grant used = signIn(number(11));
    const Grant next = grantFrom(refresh(used.refreshToken));
    QVERIFY(!next.refreshToken.isEmpty());
    QCOMPARE(refresh(next.refreshToken).status, 200);
    QCOMPARE(refresh(used.refreshToken).errorCode(), QStringLiteral("refresh_token_reused"));

    // Past the grace a retry is a copy too.
    const Grant late = signIn(number(12));
    QCOMPARE(refresh(late.refreshToken).status, 200);
    QTest::qWait(1300);
    QCOMPARE(refresh(late.refreshToken).errorCode(), QStringLiteral("refresh_token_reused"));

    // The pair kept for the retry is sealed: the database holds neither of its tokens.
    const Grant sealed = signIn(number(13));
    const Grant successor = grantFrom(refresh(sealed.refreshToken));
    const QString dump
        = m_server
              ->queryScalar(QStringLiteral("SELECT COUNT(*) FROM refresh_tokens WHERE "
                                           "successor LIKE '%%1%' OR successor LIKE '%%2%'")
                                .arg(successor.refreshToken, successor.accessToken.left(40)))
              .toString();
    QCOMPARE(dump, QStringLiteral("0"));
    QVERIFY(m_server
                ->queryScalar(QStringLiteral("SELECT COUNT(*) FROM refresh_tokens WHERE "
                                             "successor IS NOT NULL"))
                .toInt()
            > 0);
    QCOMPARE(grantFrom(refresh(sealed.refreshToken)).refreshToken, successor.refreshToken);

    // Without a grace, the first retry is already a copy.
    QVERIFY(start({QStringLiteral("--refresh-grace"), QStringLiteral("0")}));
    const Grant strict = signIn(number(14));
    QCOMPARE(refresh(strict.refreshToken).status, 200);
    QCOMPARE(refresh(strict.refreshToken).errorCode(), QStringLiteral("refresh_token_reused"));
}

void AuthFlowTest::expiredAccessTokenIsRefusedOnRestAndClosesTheSocket()
{
    QVERIFY(start({QStringLiteral("--access-token-lifetime"), QStringLiteral("2")}));
    const Grant grant = signIn(number(11));
    auto socket = openSocket(grant.accessToken);
    QVERIFY(socket);
    QStringList frames;
    connect(socket.get(), &QWebSocket::textMessageReceived, this,
            [&frames](const QString &text) { frames.append(text); });
    QSignalSpy closed(socket.get(), &QWebSocket::disconnected);
    QVERIFY(closed.wait(WaitMs));
    QCOMPARE(int(socket->closeCode()), parley::protocol::closecode::TokenExpired);
    QCOMPARE(socket->closeReason(), QStringLiteral("token_expired"));
    QVERIFY(!frames.isEmpty() && frames.last().contains(QStringLiteral("\"token_expired\"")));

    const HttpReply rest = TestHttp::get(url(QStringLiteral("/api/v1/devices")), grant.accessToken);
    QCOMPARE(rest.status, 401);
    QCOMPARE(rest.errorCode(), QStringLiteral("token_expired"));
    const QByteArray upgrade = TestHttp::raw(
        m_server->url(),
        "GET /api/v1/ws?access_token=" + grant.accessToken.toLatin1()
            + " HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
              "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    QVERIFY2(upgrade.startsWith("HTTP/1.1 401") && upgrade.contains("token_expired"),
             upgrade.constData());
}

void AuthFlowTest::logoutRevokesAccessAndRefreshTokensAndClosesSockets()
{
    QVERIFY(start());
    const Grant grant = signIn(number(12));
    auto socket = openSocket(grant.accessToken);
    QVERIFY(socket);
    QSignalSpy closed(socket.get(), &QWebSocket::disconnected);
    const HttpReply logout
        = TestHttp::post(url(QStringLiteral("/api/v1/auth/logout")), {}, grant.accessToken);
    QCOMPARE(logout.status, 200);
    QVERIFY(closed.size() > 0 || closed.wait(WaitMs));
    QCOMPARE(int(socket->closeCode()), parley::protocol::closecode::TokenRevoked);
    QCOMPARE(socket->closeReason(), QStringLiteral("token_revoked"));
    const HttpReply access
        = TestHttp::get(url(QStringLiteral("/api/v1/devices")), grant.accessToken);
    QCOMPARE(access.errorCode(), QStringLiteral("token_revoked"));
    const HttpReply refresh
        = TestHttp::postJson(url(QStringLiteral("/api/v1/auth/refresh-token")),
                             {{QStringLiteral("refreshToken"), grant.refreshToken}});
    QCOMPARE(refresh.status, 401);
    QCOMPARE(refresh.errorCode(), QStringLiteral("token_revoked"));
    // Signing in again on the same device works, with the same device id.
    QTest::qWait(5);
    const Grant again = signIn(number(12));
    QCOMPARE(again.deviceId, grant.deviceId);
    QCOMPARE(TestHttp::get(url(QStringLiteral("/api/v1/devices")), again.accessToken).status, 200);
}

void AuthFlowTest::devicesCanBeListedAndRemoved()
{
    QVERIFY(start());
    const QString phone = number(13);
    const Grant laptop = signIn(phone, 'l');
    const Grant tablet = signIn(phone, 't');
    QVERIFY(laptop.deviceId != tablet.deviceId);
    const HttpReply listed
        = TestHttp::get(url(QStringLiteral("/api/v1/devices")), laptop.accessToken);
    QCOMPARE(listed.status, 200);
    const QJsonArray devices = listed.json().value(QStringLiteral("devices")).toArray();
    QCOMPARE(devices.size(), 2);
    for (const QJsonValue &device : devices) {
        const bool current
            = device.toObject().value(QStringLiteral("id")).toString() == laptop.deviceId;
        QCOMPARE(device.toObject().value(QStringLiteral("current")).toBool(), current);
    }

    auto tabletSocket = openSocket(tablet.accessToken);
    QVERIFY(tabletSocket);
    QSignalSpy closed(tabletSocket.get(), &QWebSocket::disconnected);
    const HttpReply removed = TestHttp::sendDelete(
        url(QStringLiteral("/api/v1/devices/") + tablet.deviceId), laptop.accessToken);
    QCOMPARE(removed.status, 200);
    QVERIFY(closed.size() > 0 || closed.wait(WaitMs));
    QCOMPARE(int(tabletSocket->closeCode()), parley::protocol::closecode::TokenRevoked);
    QCOMPARE(TestHttp::get(url(QStringLiteral("/api/v1/devices")), tablet.accessToken).errorCode(),
             QStringLiteral("token_revoked"));
    const HttpReply keys = TestHttp::get(
        url(QStringLiteral("/api/v1/users/%1/devices").arg(laptop.userId)), laptop.accessToken);
    QCOMPARE(keys.json().value(QStringLiteral("devices")).toArray().size(), 1);

    const HttpReply unknown
        = TestHttp::sendDelete(url(QStringLiteral("/api/v1/devices/nope")), laptop.accessToken);
    QCOMPARE(unknown.status, 404);
    QCOMPARE(unknown.errorCode(), QStringLiteral("unknown_device"));
    const Grant stranger = signIn(number(14));
    const HttpReply foreign = TestHttp::sendDelete(
        url(QStringLiteral("/api/v1/devices/") + laptop.deviceId), stranger.accessToken);
    QCOMPARE(foreign.status, 404);
    QCOMPARE(TestHttp::get(url(QStringLiteral("/api/v1/devices")), laptop.accessToken).status, 200);
}

void AuthFlowTest::restRequestsArePerIpRateLimited()
{
    QVERIFY(start({QStringLiteral("--rate-limit"), QStringLiteral("5/60")}));
    for (int i = 0; i < 5; ++i)
        QCOMPARE(TestHttp::get(url(QStringLiteral("/api/v1/nothing"))).status, 404);
    const HttpReply limited = TestHttp::get(url(QStringLiteral("/api/v1/nothing")));
    QCOMPARE(limited.status, 429);
    QCOMPARE(limited.errorCode(), QStringLiteral("rate_limited"));
    const int retryAfter = header(limited, "Retry-After").toInt();
    QVERIFY(retryAfter > 0 && retryAfter <= 60);
}

void AuthFlowTest::codeRequestsAndVerificationsArePerIpRateLimited()
{
    QVERIFY(start({QStringLiteral("--otp-ip-limit"), QStringLiteral("2/3600"),
                   QStringLiteral("--verify-ip-limit"), QStringLiteral("3/900")}));
    QCOMPARE(requestCode(number(15)).status, 200);
    QCOMPARE(requestCode(number(16)).status, 200);
    QCOMPARE(requestCode(number(17)).status, 429);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(verify(number(15), QStringLiteral("000000")).status, 401);
    const HttpReply limited = verify(number(15), m_server->takeCode(number(15)));
    QCOMPARE(limited.status, 429);
    QCOMPARE(limited.errorCode(), QStringLiteral("rate_limited"));
}

void AuthFlowTest::browserOriginsMustBeAllowed()
{
    QVERIFY(start({QStringLiteral("--cors-origin"), QStringLiteral("https://chat.example.org")}));
    const QByteArray preflight = TestHttp::raw(
        m_server->url(),
        "OPTIONS /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nOrigin: https://chat.example.org\r\n"
        "Access-Control-Request-Method: POST\r\n\r\n");
    QVERIFY2(preflight.startsWith("HTTP/1.1 204"), preflight.constData());
    QVERIFY(preflight.contains("Access-Control-Allow-Origin: https://chat.example.org"));
    QVERIFY(preflight.contains("Access-Control-Allow-Headers: Authorization, Content-Type"));

    const QByteArray body = R"({"phoneNumber":"+12025550199"})";
    const QByteArray foreign = TestHttp::raw(
        m_server->url(),
        "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nOrigin: https://evil.example\r\n"
        "Content-Type: text/plain\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QVERIFY2(foreign.startsWith("HTTP/1.1 403") && foreign.contains("origin_not_allowed"),
             foreign.constData());
    QVERIFY(m_server->takeCode(QStringLiteral("+12025550199"), 300).isEmpty()); // nothing was sent

    const QByteArray socketFromForeign
        = TestHttp::raw(m_server->url(),
                        "GET /api/v1/ws HTTP/1.1\r\nHost: x\r\nOrigin: "
                        "https://evil.example\r\nUpgrade: websocket\r\n"
                        "Connection: Upgrade\r\nSec-WebSocket-Key: "
                        "dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    QVERIFY2(socketFromForeign.startsWith("HTTP/1.1 403"), socketFromForeign.constData());

    const Grant grant = signIn(number(18));
    QWebSocket socket(QStringLiteral("https://chat.example.org"));
    QSignalSpy connected(&socket, &QWebSocket::connected);
    QUrl socketUrl = url(QStringLiteral("/api/v1/ws"));
    socketUrl.setScheme(QStringLiteral("ws"));
    socketUrl.setQuery(QStringLiteral("access_token=") + grant.accessToken);
    socket.open(socketUrl);
    QVERIFY(connected.wait(WaitMs));
}

void AuthFlowTest::searchAndContactSyncShareALimitPerAccount()
{
    QVERIFY(start({QStringLiteral("--search-limit"), QStringLiteral("2/60")}));
    const Grant alice = signIn(number(19));
    const Grant bob = signIn(number(20));
    const QUrl search = url(QStringLiteral("/api/v1/users/search"));
    QUrl byNumber = search;
    byNumber.setQuery(QStringLiteral("q=%2B12025550120"));
    QCOMPARE(TestHttp::get(byNumber, alice.accessToken).status, 200);
    const QJsonObject hashes{{QStringLiteral("hashes"), QJsonArray{QString(64, u'a')}}};
    QCOMPARE(TestHttp::postJson(url(QStringLiteral("/api/v1/users/contacts/sync")), hashes,
                                alice.accessToken)
                 .status,
             200);
    const HttpReply limited = TestHttp::get(byNumber, alice.accessToken);
    QCOMPARE(limited.status, 429);
    QVERIFY(header(limited, "Retry-After").toInt() > 0);
    const HttpReply syncLimited = TestHttp::postJson(
        url(QStringLiteral("/api/v1/users/contacts/sync")), hashes, alice.accessToken);
    QCOMPARE(syncLimited.status, 429);
    // The budget is per account: Bob still has his.
    QCOMPARE(TestHttp::get(byNumber, bob.accessToken).status, 200);
}

void AuthFlowTest::malformedBodiesOnEveryAuthEndpointGetAnErrorCode_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    for (const char *path : {"/api/v1/auth/register", "/api/v1/auth/login",
                             "/api/v1/auth/verify-otp", "/api/v1/auth/refresh-token"}) {
        const QString p = QString::fromLatin1(path);
        QTest::addRow("%s: not json", path)
            << p << QByteArray("phone=1") << QStringLiteral("malformed_json");
        QTest::addRow("%s: array", path)
            << p << QByteArray("[]") << QStringLiteral("malformed_json");
        QTest::addRow("%s: empty object", path)
            << p << QByteArray("{}") << QStringLiteral("missing_field");
        QTest::addRow("%s: numbers", path)
            << p << QByteArray(R"({"phoneNumber":1,"refreshToken":2})")
            << QStringLiteral("invalid_field");
    }
    QTest::newRow("register: name too long")
        << QStringLiteral("/api/v1/auth/register")
        << (R"({"phoneNumber":"+12025550150","displayName":")" + QByteArray(65, 'a') + R"("})")
        << QStringLiteral("invalid_field");
}

void AuthFlowTest::malformedBodiesOnEveryAuthEndpointGetAnErrorCode()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    if (!m_server)
        QVERIFY(start());
    const QVariant usersBefore
        = m_server->queryScalar(QStringLiteral("SELECT COUNT(*) FROM users"));
    const QVariant codesBefore
        = m_server->queryScalar(QStringLiteral("SELECT COUNT(*) FROM otp_challenges"));
    const HttpReply reply = TestHttp::post(url(path), body);
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.errorCode(), code);
    QCOMPARE(m_server->queryScalar(QStringLiteral("SELECT COUNT(*) FROM users")), usersBefore);
    QCOMPARE(m_server->queryScalar(QStringLiteral("SELECT COUNT(*) FROM otp_challenges")),
             codesBefore);
}

QTEST_GUILESS_MAIN(AuthFlowTest)
#include "tst_authflow.moc"
