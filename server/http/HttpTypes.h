#pragma once

#include "core/protocol/ErrorCode.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

namespace parley::server {

// Who made an authenticated request: the access token names both user and device.
struct AuthIdentity
{
    QString userId;
    QString deviceId;
    qint64 tokenExpiresAt = 0; // ms since the epoch; when the presented access token expires
};

// What a handler sees of one REST request, after routing and authentication.
struct HttpRequest
{
    QHash<QString, QString> pathParams; // ":id" in a route pattern -> "id"
    QUrlQuery query;
    QByteArray body;
    QHostAddress remoteAddress;
    AuthIdentity identity; // empty on public routes
};

struct HttpResponse
{
    int status = 200;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    static HttpResponse json(const QJsonObject &object, int status = 200);
    static HttpResponse error(const protocol::Error &error);
    static HttpResponse error(protocol::ErrorCode code, const QString &message);
};

} // namespace parley::server
