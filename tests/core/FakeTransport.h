#pragma once

#include "core/net/MessageTransport.h"
#include "core/net/RestTransport.h"

#include <QHash>
#include <QList>
#include <QPointer>

// Plays the server for the client core's unit tests (docs/style.md, "Fast tests with a fake
// transport"): it records every request, and the test answers them, pushes events and drops
// or restores the connection.
class FakeTransport : public parley::net::MessageTransport
{
    Q_OBJECT
public:
    struct Request
    {
        parley::protocol::FrameType type;
        QJsonObject data;
        QPointer<const QObject> context;
        ReplyCallback callback;
    };

    bool isConnected() const override { return m_connected; }
    void request(parley::protocol::FrameType type, const QJsonObject &data, const QObject *context,
                 ReplyCallback callback) override
    {
        if (!m_connected) {
            callback(parley::protocol::Error{parley::protocol::ErrorCode::NetworkError,
                                             QStringLiteral("not connected")});
            return;
        }
        requests.append({type, data, context, std::move(callback)});
    }

    void connectNow()
    {
        m_connected = true;
        Q_EMIT connected();
    }
    void dropConnection()
    {
        m_connected = false;
        const QList<Request> pending = std::exchange(requests, {});
        for (const Request &r : pending) {
            if (r.context)
                r.callback(parley::protocol::Error{parley::protocol::ErrorCode::NetworkError,
                                                   QStringLiteral("connection lost")});
        }
        Q_EMIT disconnected();
    }
    void push(parley::protocol::FrameType type, const QJsonObject &data)
    {
        Q_EMIT eventReceived(parley::protocol::Frame::event(type, data));
    }
    // Takes the oldest request of this type, if any.
    std::optional<Request> take(parley::protocol::FrameType type)
    {
        for (qsizetype i = 0; i < requests.size(); ++i) {
            if (requests.at(i).type == type)
                return requests.takeAt(i);
        }
        return std::nullopt;
    }
    static void answer(const Request &r, const parley::protocol::Result<QJsonObject> &result)
    {
        if (r.context)
            r.callback(result);
    }

    QList<Request> requests;

private:
    bool m_connected = false;
};

// REST with canned answers by path; a path without one is not_found.
class FakeRest : public parley::net::RestTransport
{
    Q_OBJECT
public:
    void get(const QString &path, const QUrlQuery &, const QObject *context,
             JsonCallback callback) override
    {
        ++gets[path];
        answer(path, context, std::move(callback));
    }
    void post(const QString &path, const QJsonObject &, const QObject *context,
              JsonCallback callback) override
    {
        answer(path, context, std::move(callback));
    }
    void put(const QString &path, const QJsonObject &, const QObject *context,
             JsonCallback callback) override
    {
        answer(path, context, std::move(callback));
    }
    void remove(const QString &path, const QObject *context, JsonCallback callback) override
    {
        answer(path, context, std::move(callback));
    }

    QHash<QString, QJsonObject> answers;
    QHash<QString, int> gets;

private:
    void answer(const QString &path, const QObject *context, JsonCallback callback)
    {
        const auto found = answers.constFind(path);
        const parley::protocol::Result<QJsonObject> result = found != answers.cend()
            ? parley::protocol::Result<QJsonObject>(*found)
            : parley::protocol::Result<QJsonObject>(parley::protocol::ErrorCode::NotFound,
                                                    QStringLiteral("no such thing"));
        // Answers come later, as from a real network.
        QMetaObject::invokeMethod(
            this,
            [guard = QPointer<const QObject>(context), callback = std::move(callback), result] {
                if (guard)
                    callback(result);
            },
            Qt::QueuedConnection);
    }
};
