#include "tests/support/TestHttp.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpSocket>
#include <QTimer>

namespace {

constexpr int TimeoutMs = 10000;

HttpReply send(const QUrl &url, const QByteArray &verb, const QByteArray &body,
               const QString &bearerToken)
{
    QNetworkAccessManager network;
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(TimeoutMs);
    if (!bearerToken.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + bearerToken.toLatin1());
    QNetworkReply *reply = network.sendCustomRequest(request, verb, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    HttpReply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    for (const auto &pair : reply->rawHeaderPairs())
        result.headers.append(pair);
    reply->deleteLater();
    return result;
}

} // namespace

QJsonObject HttpReply::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QString HttpReply::errorCode() const
{
    return json()
        .value(QStringLiteral("error"))
        .toObject()
        .value(QStringLiteral("code"))
        .toString();
}

QString HttpReply::errorMessage() const
{
    return json()
        .value(QStringLiteral("error"))
        .toObject()
        .value(QStringLiteral("message"))
        .toString();
}

namespace TestHttp {

HttpReply get(const QUrl &url, const QString &bearerToken)
{
    return send(url, "GET", {}, bearerToken);
}

HttpReply post(const QUrl &url, const QByteArray &body, const QString &bearerToken)
{
    return send(url, "POST", body, bearerToken);
}

HttpReply sendDelete(const QUrl &url, const QString &bearerToken)
{
    return send(url, "DELETE", {}, bearerToken);
}

HttpReply putJson(const QUrl &url, const QJsonObject &body, const QString &bearerToken)
{
    return send(url, "PUT", QJsonDocument(body).toJson(QJsonDocument::Compact), bearerToken);
}

HttpReply postJson(const QUrl &url, const QJsonObject &body, const QString &bearerToken)
{
    return post(url, QJsonDocument(body).toJson(QJsonDocument::Compact), bearerToken);
}

QByteArray raw(const QUrl &server, const QByteArray &request)
{
    QTcpSocket socket;
    socket.connectToHost(server.host(), quint16(server.port()));
    if (!socket.waitForConnected(TimeoutMs))
        return {};
    socket.write(request);
    QByteArray answer;
    const QDeadlineTimer deadline(TimeoutMs);
    while (!deadline.hasExpired() && socket.state() == QAbstractSocket::ConnectedState) {
        if (socket.waitForReadyRead(200))
            answer += socket.readAll();
        else if (!answer.isEmpty())
            break; // the answer is complete and the server keeps the connection open
    }
    return answer + socket.readAll();
}

} // namespace TestHttp
