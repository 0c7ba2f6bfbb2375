#pragma once

#include "core/protocol/Frame.h"
#include "core/protocol/Result.h"

#include <QJsonObject>
#include <QObject>

#include <functional>

namespace parley::net {

// The seam between the messaging services and the device's WebSocket (docs/protocol.md 6):
// requests answered by exactly one ack or error, and server events as signals. SyncSocket is
// the real one; tests/core/FakeTransport plays the server in unit tests.
class MessageTransport : public QObject
{
    Q_OBJECT
public:
    using ReplyCallback = std::function<void(protocol::Result<QJsonObject>)>;

    using QObject::QObject;

    virtual bool isConnected() const = 0;
    // Sends a request. The callback gets the ack's data or the error, or NetworkError when the
    // connection drops or no answer comes in time; it is never called once `context` is gone.
    virtual void request(protocol::FrameType type, const QJsonObject &data, const QObject *context,
                         ReplyCallback callback)
        = 0;

Q_SIGNALS:
    void connected();
    void disconnected();
    void eventReceived(const parley::protocol::Frame &event);
    // An event of a type this client does not know, with its mailbox seq.
    void unknownEventReceived(qint64 seq);
};

} // namespace parley::net
