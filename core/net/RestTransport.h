#pragma once

#include "core/protocol/Result.h"

#include <QJsonObject>
#include <QObject>
#include <QUrlQuery>

#include <functional>

namespace parley::net {

// The seam between the services and the REST API (docs/protocol.md 4): JSON in, JSON or the
// server's error out. ApiClient is the real one; tests/core/FakeRest answers in unit tests.
class RestTransport : public QObject
{
    Q_OBJECT
public:
    using JsonCallback = std::function<void(protocol::Result<QJsonObject>)>;

    using QObject::QObject;

    // Every call ends in exactly one callback (the parsed body, the server's error, or
    // ErrorCode::NetworkError), unless `context` is destroyed first: then none.
    virtual void get(const QString &path, const QUrlQuery &query, const QObject *context,
                     JsonCallback callback)
        = 0;
    virtual void post(const QString &path, const QJsonObject &body, const QObject *context,
                      JsonCallback callback)
        = 0;
    virtual void put(const QString &path, const QJsonObject &body, const QObject *context,
                     JsonCallback callback)
        = 0;
    virtual void remove(const QString &path, const QObject *context, JsonCallback callback) = 0;

    // Typed wrappers: T is a protocol response type with T::fromJson.
    template<typename T>
    void getAs(const QString &path, const QUrlQuery &query, const QObject *context,
               std::function<void(protocol::Result<T>)> callback)
    {
        get(path, query, context, convert<T>(std::move(callback)));
    }
    template<typename T>
    void postAs(const QString &path, const QJsonObject &body, const QObject *context,
                std::function<void(protocol::Result<T>)> callback)
    {
        post(path, body, context, convert<T>(std::move(callback)));
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
};

} // namespace parley::net
