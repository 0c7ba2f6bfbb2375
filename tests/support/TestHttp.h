#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

// Blocking HTTP calls for black-box tests, bounded by a timeout. Only for loopback servers.
struct HttpReply
{
    int status = 0; // 0 when no answer came
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    QJsonObject json() const;
    QString errorCode() const; // error.code of an error body, or empty
    QString errorMessage() const; // error.message of an error body, or empty
};

namespace TestHttp {
HttpReply get(const QUrl &url, const QString &bearerToken = {});
HttpReply post(const QUrl &url, const QByteArray &body, const QString &bearerToken = {});
HttpReply sendDelete(const QUrl &url, const QString &bearerToken = {});
HttpReply putJson(const QUrl &url, const QJsonObject &body, const QString &bearerToken = {});
HttpReply postJson(const QUrl &url, const QJsonObject &body, const QString &bearerToken = {});
// Writes raw bytes to the server and returns everything it answers before closing or timing out.
QByteArray raw(const QUrl &server, const QByteArray &request);
} // namespace TestHttp
