#pragma once

#include "core/protocol/ErrorCode.h"
#include "core/protocol/FrameType.h"
#include "core/protocol/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace parley::protocol {

// One WebSocket text frame (docs/protocol.md, "Frame format"):
//   request {"type":"message:send","id":"<request id>","data":{...}}
//   answer  {"type":"ack","re":"<request id>","data":{...}}
//           {"type":"error","re":"<request id>","code":"...","message":"..."}
//   event   {"type":"message:receive","data":{...}}
struct Frame
{
    FrameType type = FrameType::Ack;
    QString id; // set on requests
    QString re; // set on answers: the id of the request answered
    QJsonObject data; // type-specific payload; empty object when absent
    Error error; // only for FrameType::Error

    static Frame request(FrameType type, QString id, QJsonObject data);
    static Frame ack(QString re, QJsonObject data = {});
    static Frame failure(QString re, Error error);
    static Frame event(FrameType type, QJsonObject data);
};

QByteArray encodeFrame(const Frame &frame);
// The "data" object of a frame's JSON, whatever its type (empty when it has none); for frames
// decodeFrame() refused, such as an event of a type this client does not know.
QJsonObject frameData(const QJsonObject &frame);

// Checks size, JSON shape, type and envelope fields; payloads are checked by their own parsers.
// A failed decode still reports the request id when one could be read, so that the error frame
// can answer it.
struct DecodedFrame
{
    Result<Frame> frame;
    QString requestId;
};
DecodedFrame decodeFrame(const QByteArray &bytes);

// What the server additionally requires of a frame a client sends: a request type and an id.
std::optional<Error> checkClientRequest(const Frame &frame);

} // namespace parley::protocol
