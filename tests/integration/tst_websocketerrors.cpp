#include "core/protocol/Limits.h"
#include "tests/support/ServerProcess.h"
#include "tests/support/TestClient.h"
#include "tests/support/TestHttp.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>
#include <QWebSocket>

using namespace parley::protocol;

namespace {

constexpr int WaitMs = 10000;

QUrl socketUrl(const QUrl &server, const QString &token)
{
    QUrl url = server;
    url.setScheme(QStringLiteral("ws"));
    url.setPath(QStringLiteral("/api/v1/ws"));
    if (!token.isEmpty())
        url.setQuery(QStringLiteral("access_token=") + token);
    return url;
}

QByteArray upgradeRequest(const QString &pathAndQuery)
{
    return "GET " + pathAndQuery.toLatin1()
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
}

} // namespace

// Bad input on the WebSocket: every malformed frame gets an error frame, the connection stays
// usable, and nothing crashes the server. Refused upgrades never reach the handshake.
class WebSocketErrorsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void badFramesGetErrorFramesAndTheConnectionStaysUsable_data();
    void badFramesGetErrorFramesAndTheConnectionStaysUsable();
    void binaryFrameIsRefused();
    void requestIdsOfOneTo64PrintableCharactersAreAnswered();
    void hugeNumbersInUnknownFieldsAreIgnored();
    void frameBeyondTheSocketLimitClosesWith1009();
    void upgradeWithoutTokenIsRefusedBeforeTheHandshake();
    void upgradeWithForgedTokenIsRefusedWithTokenInvalid();
    void receiptForAMessageNotAddressedToYouIsNotFound();
    void requestsAreAnsweredInOrderOfArrival();
    void serverShutdownClosesSocketsAsGoingAway(); // last: it stops the server

private:
    QJsonObject nextFrame();
    void sendAndExpectError(const QByteArray &bytes, const QString &code, const QString &re);

    ServerProcess m_server;
    std::unique_ptr<TestClient> m_client;
    std::unique_ptr<QWebSocket> m_socket;
    QList<QJsonObject> m_frames;
};

void WebSocketErrorsTest::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    m_client = std::make_unique<TestClient>(m_server.url());
    QVERIFY2(m_client->login(m_server, QStringLiteral("+12025550110")),
             qPrintable(m_client->lastError()));
    m_socket = std::make_unique<QWebSocket>();
    connect(m_socket.get(), &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        m_frames.append(QJsonDocument::fromJson(text.toUtf8()).object());
    });
    QSignalSpy connected(m_socket.get(), &QWebSocket::connected);
    m_socket->open(socketUrl(m_server.url(), m_client->session().accessToken));
    QVERIFY(connected.wait(WaitMs));
}

void WebSocketErrorsTest::cleanupTestCase()
{
    m_socket.reset();
    m_client.reset();
}

QJsonObject WebSocketErrorsTest::nextFrame()
{
    if (!QTest::qWaitFor([this] { return !m_frames.isEmpty(); }, WaitMs))
        return {};
    return m_frames.takeFirst();
}

void WebSocketErrorsTest::sendAndExpectError(const QByteArray &bytes, const QString &code,
                                             const QString &re)
{
    m_socket->sendTextMessage(QString::fromUtf8(bytes));
    const QJsonObject frame = nextFrame();
    QCOMPARE(frame.value(QStringLiteral("type")).toString(), QStringLiteral("error"));
    QCOMPARE(frame.value(QStringLiteral("code")).toString(), code);
    QCOMPARE(frame.value(QStringLiteral("re")).toString(), re);
    QVERIFY(!frame.value(QStringLiteral("message")).toString().isEmpty());
}

void WebSocketErrorsTest::badFramesGetErrorFramesAndTheConnectionStaysUsable_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("re");
    QTest::newRow("not json") << QByteArray("hello?") << QStringLiteral("malformed_frame")
                              << QString();
    QTest::newRow("truncated") << QByteArray(R"({"type":"sync","id":"t1","data":{"af)")
                               << QStringLiteral("malformed_frame") << QString();
    QTest::newRow("unknown type") << QByteArray(R"({"type":"message:nuke","id":"u1"})")
                                  << QStringLiteral("unknown_type") << QStringLiteral("u1");
    QTest::newRow("server-only type")
        << QByteArray(R"({"type":"message:receive","id":"s1","data":{}})")
        << QStringLiteral("unknown_type") << QStringLiteral("s1");
    QTest::newRow("no id") << QByteArray(R"({"type":"ping"})") << QStringLiteral("missing_field")
                           << QString();
    QTest::newRow("sync after string")
        << QByteArray(R"({"type":"sync","id":"w1","data":{"after":"0"}})")
        << QStringLiteral("invalid_field") << QStringLiteral("w1");
    QTest::newRow("send without envelopes")
        << QByteArray(R"({"type":"message:send","id":"w2","data":{"messageId":"m","chatId":"c"}})")
        << QStringLiteral("missing_field") << QStringLiteral("w2");
    QTest::newRow("send to unknown chat") << QByteArray(
        R"({"type":"message:send","id":"w3","data":{"messageId":"m","chatId":"nowhere","envelopes":[{"deviceId":"d","nonce":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA","ciphertext":"AAAAAAAAAAAAAAAAAAAAAAAA"}]}})")
                                          << QStringLiteral("not_found") << QStringLiteral("w3");
    QTest::newRow("send without a chat") << QByteArray(
        R"({"type":"message:send","id":"w4","data":{"messageId":"m","recipientUserId":"u","envelopes":[{"deviceId":"d","nonce":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA","ciphertext":"AAAAAAAAAAAAAAAAAAAAAAAA"}]}})")
                                         << QStringLiteral("missing_field") << QStringLiteral("w4");
    QTest::newRow("sync after beyond a double")
        << QByteArray(R"({"type":"sync","id":"1","data":{"after":1e400}})")
        << QStringLiteral("invalid_field") << QStringLiteral("1");
    QTest::newRow("sync after beyond 2^53-1")
        << QByteArray(R"({"type":"sync","id":"n2","data":{"after":9007199254740992}})")
        << QStringLiteral("invalid_field") << QStringLiteral("n2");
    QTest::newRow("sync after negative")
        << QByteArray(R"({"type":"sync","id":"n3","data":{"after":-1}})")
        << QStringLiteral("invalid_field") << QStringLiteral("n3");
    QTest::newRow("sync after fraction")
        << QByteArray(R"({"type":"sync","id":"n4","data":{"after":1.5}})")
        << QStringLiteral("invalid_field") << QStringLiteral("n4");
    QTest::newRow("id beyond a double") << QByteArray(R"({"type":"ping","id":1e400})")
                                        << QStringLiteral("invalid_field") << QString();
    QTest::newRow("empty id") << QByteArray(R"({"type":"ping","id":""})")
                              << QStringLiteral("invalid_field") << QString();
    QTest::newRow("id of 65 characters")
        << QByteArray(R"({"type":"ping","id":")" + QByteArray(65, 'i') + R"("})")
        << QStringLiteral("invalid_field") << QString();
    const QByteArray big = R"({"type":"ping","id":"big","data":{"pad":")"
        + QByteArray(limits::MaxFrameBytes, 'x') + R"("}})";
    QTest::newRow("over frame limit")
        << big << QStringLiteral("frame_too_large") << QStringLiteral("big");
}

void WebSocketErrorsTest::badFramesGetErrorFramesAndTheConnectionStaysUsable()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, code);
    QFETCH(QString, re);
    sendAndExpectError(bytes, code, re);

    m_socket->sendTextMessage(QStringLiteral(R"({"type":"ping","id":"after"})"));
    const QJsonObject ack = nextFrame();
    QCOMPARE(ack.value(QStringLiteral("type")).toString(), QStringLiteral("ack"));
    QCOMPARE(ack.value(QStringLiteral("re")).toString(), QStringLiteral("after"));
}

void WebSocketErrorsTest::binaryFrameIsRefused()
{
    m_socket->sendBinaryMessage(QByteArray("\x00\x01\x02", 3));
    const QJsonObject frame = nextFrame();
    QCOMPARE(frame.value(QStringLiteral("code")).toString(), QStringLiteral("malformed_frame"));
}

void WebSocketErrorsTest::requestIdsOfOneTo64PrintableCharactersAreAnswered()
{
    const QString longest = QString(63, u'~') + u'!';
    for (const QString &id : {QStringLiteral("x"), longest}) {
        m_socket->sendTextMessage(QStringLiteral(R"({"type":"ping","id":"%1"})").arg(id));
        const QJsonObject ack = nextFrame();
        QCOMPARE(ack.value(QStringLiteral("type")).toString(), QStringLiteral("ack"));
        QCOMPARE(ack.value(QStringLiteral("re")).toString(), id);
    }
}

void WebSocketErrorsTest::hugeNumbersInUnknownFieldsAreIgnored()
{
    m_socket->sendTextMessage(
        QStringLiteral(R"({"type":"sync","id":"h1","x":-1e400,"data":{"after":0,"y":1e400}})"));
    QJsonObject answer = nextFrame();
    while (!answer.isEmpty() && answer.value(QStringLiteral("type")) != QStringLiteral("ack")
           && !answer.contains(QStringLiteral("re")))
        answer = nextFrame(); // the mailbox events the sync replays
    QCOMPARE(answer.value(QStringLiteral("type")).toString(), QStringLiteral("ack"));
    QCOMPARE(answer.value(QStringLiteral("re")).toString(), QStringLiteral("h1"));
}

void WebSocketErrorsTest::frameBeyondTheSocketLimitClosesWith1009()
{
    QWebSocket socket;
    QSignalSpy connected(&socket, &QWebSocket::connected);
    QSignalSpy disconnected(&socket, &QWebSocket::disconnected);
    socket.open(socketUrl(m_server.url(), m_client->session().accessToken));
    QVERIFY(connected.wait(WaitMs));
    socket.sendTextMessage(QString(limits::MaxSocketMessageBytes + 1, u'x'));
    QVERIFY(disconnected.wait(WaitMs));
    QCOMPARE(socket.closeCode(), QWebSocketProtocol::CloseCodeTooMuchData);

    // The server is still there for everyone else.
    m_socket->sendTextMessage(QStringLiteral(R"({"type":"ping","id":"alive"})"));
    QCOMPARE(nextFrame().value(QStringLiteral("re")).toString(), QStringLiteral("alive"));
}

void WebSocketErrorsTest::upgradeWithoutTokenIsRefusedBeforeTheHandshake()
{
    const QByteArray answer
        = TestHttp::raw(m_server.url(), upgradeRequest(QStringLiteral("/api/v1/ws")));
    QVERIFY2(answer.startsWith("HTTP/1.1 401"), answer.constData());
    QVERIFY(!answer.contains("101 Switching Protocols"));
    QVERIFY(answer.contains(R"("code":"unauthorized")"));

    QWebSocket socket;
    QSignalSpy connected(&socket, &QWebSocket::connected);
    QSignalSpy disconnected(&socket, &QWebSocket::disconnected);
    socket.open(socketUrl(m_server.url(), {}));
    QVERIFY(disconnected.wait(WaitMs));
    QCOMPARE(connected.size(), 0);
}

void WebSocketErrorsTest::upgradeWithForgedTokenIsRefusedWithTokenInvalid()
{
    QString forged = m_client->session().accessToken;
    forged[forged.size() - 2] = forged.at(forged.size() - 2) == u'A' ? u'B' : u'A';
    const QByteArray answer = TestHttp::raw(
        m_server.url(), upgradeRequest(QStringLiteral("/api/v1/ws?access_token=") + forged));
    QVERIFY2(answer.startsWith("HTTP/1.1 401"), answer.constData());
    QVERIFY(answer.contains(R"("code":"token_invalid")"));

    const QByteArray wrongPath
        = TestHttp::raw(m_server.url(),
                        upgradeRequest(QStringLiteral("/api/v1/other?access_token=")
                                       + m_client->session().accessToken));
    QVERIFY2(wrongPath.startsWith("HTTP/1.1 404"), wrongPath.constData());
}

void WebSocketErrorsTest::receiptForAMessageNotAddressedToYouIsNotFound()
{
    sendAndExpectError(
        R"({"type":"message:delivered","id":"r1","data":{"messageId":"nope","senderUserId":"x"}})",
        QStringLiteral("not_found"), QStringLiteral("r1"));
}

void WebSocketErrorsTest::requestsAreAnsweredInOrderOfArrival()
{
    constexpr int Count = 50;
    for (int i = 0; i < Count; ++i)
        m_socket->sendTextMessage(QStringLiteral(R"({"type":"ping","id":"p%1"})").arg(i));
    for (int i = 0; i < Count; ++i) {
        const QJsonObject ack = nextFrame();
        QCOMPARE(ack.value(QStringLiteral("re")).toString(), QStringLiteral("p%1").arg(i));
    }
}

void WebSocketErrorsTest::serverShutdownClosesSocketsAsGoingAway()
{
    QSignalSpy disconnected(m_socket.get(), &QWebSocket::disconnected);
    QCOMPARE(m_server.stop(), 0);
    QVERIFY(disconnected.size() > 0 || disconnected.wait(WaitMs));
    QCOMPARE(m_socket->closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
    QCOMPARE(m_socket->closeReason(), QStringLiteral("server stopping"));
}

QTEST_GUILESS_MAIN(WebSocketErrorsTest)
#include "tst_websocketerrors.moc"
