#pragma once

#include "core/protocol/Result.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

namespace parley::net {

// JSON over HTTP to the server's REST API (docs/protocol.md, "REST API"). Every call ends in
// exactly one callback: the parsed body, or the server's error, or ErrorCode::NetworkError.
class ApiClient : public QObject
{
    Q_OBJECT
public:
    using JsonCallback = std::function<void(protocol::Result<QJsonObject>)>;

    explicit ApiClient(QUrl serverUrl, QObject *parent = nullptr);

    QUrl serverUrl() const { return m_serverUrl; }
    void setAccessToken(const QString &token) { m_accessToken = token; }

    void get(const QString &path, const QUrlQuery &query, JsonCallback callback);
    void post(const QString &path, const QJsonObject &body, JsonCallback callback);

    // Typed wrappers: T is a protocol response type with T::fromJson.
    template<typename T>
    void getAs(const QString &path, const QUrlQuery &query,
               std::function<void(protocol::Result<T>)> callback)
    {
        get(path, query, convert<T>(std::move(callback)));
    }
    template<typename T>
    void postAs(const QString &path, const QJsonObject &body,
                std::function<void(protocol::Result<T>)> callback)
    {
        post(path, body, convert<T>(std::move(callback)));
    }

private:
    template<typename T>
    static JsonCallback convert(std::function<void(protocol::Result<T>)> callback)
    {
        return [callback = std::move(callback)](protocol::Result<QJsonObject> json) {
            if (!json)
                callback(json.error());
            else
                callback(T::fromJson(json.value()));
        };
    }

    QNetworkRequest makeRequest(const QString &path, const QUrlQuery &query) const;
    void watch(QNetworkReply *reply, JsonCallback callback);

    QNetworkAccessManager m_network;
    QUrl m_serverUrl;
    QString m_accessToken;
};

} // namespace parley::net
