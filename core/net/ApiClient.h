#pragma once

#include "core/net/RestTransport.h"
#include "core/protocol/Result.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>
#include <QUrlQuery>

namespace parley::net {

// JSON over HTTP to the server's REST API (docs/protocol.md, "REST API"). A reply whose context
// object is destroyed first is aborted, and its callback never runs.
class ApiClient : public RestTransport
{
    Q_OBJECT
public:
    explicit ApiClient(QUrl serverUrl, QObject *parent = nullptr);

    // An http(s) URL with a host: REST and the WebSocket (ws, wss) both derive from it, and a
    // path prefix is kept (a server behind a reverse proxy at /parley/).
    static bool isServerUrl(const QUrl &url);
    // The answer was not a Parley server's: an HTTP error without the protocol's error body, or
    // a body that is not JSON (another web server at that address).
    static bool isForeignAnswer(const protocol::Error &error);

    QUrl serverUrl() const { return m_serverUrl; }
    // Another server for the requests from now on (the login page's server address).
    void setServerUrl(const QUrl &url) { m_serverUrl = url; }
    void setAccessToken(const QString &token) { m_accessToken = token; }

    void get(const QString &path, const QUrlQuery &query, const QObject *context,
             JsonCallback callback) override;
    void post(const QString &path, const QJsonObject &body, const QObject *context,
              JsonCallback callback) override;
    void put(const QString &path, const QJsonObject &body, const QObject *context,
             JsonCallback callback) override;
    void remove(const QString &path, const QObject *context, JsonCallback callback) override;

private:
    QNetworkRequest makeRequest(const QString &path, const QUrlQuery &query) const;
    void watch(QNetworkReply *reply, const QObject *context, JsonCallback callback);
    static void answerFrom(QNetworkReply *reply, const JsonCallback &callback);

    QNetworkAccessManager m_network;
    QUrl m_serverUrl;
    QString m_accessToken;
};

} // namespace parley::net
