#include "core/protocol/Frame.h"

#include "core/protocol/JsonReader.h"
#include "core/protocol/Limits.h"

#include <QJsonDocument>

namespace parley::protocol {

namespace {

const QLatin1String TypeKey("type");
const QLatin1String IdKey("id");
const QLatin1String ReKey("re");
const QLatin1String DataKey("data");
const QLatin1String CodeKey("code");
const QLatin1String MessageKey("message");

bool isPrintableAscii(const QString &text)
{
    for (QChar c : text) {
        if (c.unicode() < 0x21 || c.unicode() > 0x7e)
            return false;
    }
    return true;
}

Result<Frame> readFrame(const QJsonObject &object)
{
    JsonReader reader(object);
    const QString typeName = reader.string("type", 64);
    Frame frame;
    frame.id = reader.optionalString("id", limits::MaxIdLength);
    frame.re = reader.optionalString("re", limits::MaxIdLength);
    if (!object.value(DataKey).isUndefined() && !object.value(DataKey).isNull())
        frame.data = reader.object("data");
    if (auto error = reader.error())
        return *error;
    if (!isPrintableAscii(frame.id) || !isPrintableAscii(frame.re))
        return Error{ErrorCode::InvalidField, QStringLiteral("ids must be printable ASCII")};

    const auto type = frameTypeFromName(typeName);
    if (!type)
        return Error{ErrorCode::UnknownType,
                     QStringLiteral("unknown frame type '%1'").arg(typeName)};
    frame.type = *type;

    if (frame.type == FrameType::Error) {
        const QString code = reader.string("code", 64);
        frame.error.message = reader.optionalString("message", 4096);
        if (auto error = reader.error())
            return *error;
        frame.error.code = errorCodeFromName(code).value_or(ErrorCode::InternalError);
    }
    return frame;
}

} // namespace

Frame Frame::request(FrameType type, QString id, QJsonObject data)
{
    Frame frame;
    frame.type = type;
    frame.id = std::move(id);
    frame.data = std::move(data);
    return frame;
}

Frame Frame::ack(QString re, QJsonObject data)
{
    Frame frame;
    frame.type = FrameType::Ack;
    frame.re = std::move(re);
    frame.data = std::move(data);
    return frame;
}

Frame Frame::failure(QString re, Error error)
{
    Frame frame;
    frame.type = FrameType::Error;
    frame.re = std::move(re);
    frame.error = std::move(error);
    return frame;
}

Frame Frame::event(FrameType type, QJsonObject data)
{
    Frame frame;
    frame.type = type;
    frame.data = std::move(data);
    return frame;
}

QJsonObject frameData(const QJsonObject &frame)
{
    return frame.value(DataKey).toObject();
}

QByteArray encodeFrame(const Frame &frame)
{
    QJsonObject object{{TypeKey, frameTypeName(frame.type)}};
    if (!frame.id.isEmpty())
        object.insert(IdKey, frame.id);
    if (!frame.re.isEmpty())
        object.insert(ReKey, frame.re);
    if (frame.type == FrameType::Error) {
        object.insert(CodeKey, errorCodeName(frame.error.code));
        object.insert(MessageKey, frame.error.message);
    } else {
        object.insert(DataKey, frame.data);
    }
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

namespace {

QString readRequestId(const QJsonObject &object)
{
    const QJsonValue id = object.value(IdKey);
    if (id.isString() && id.toString().size() <= limits::MaxIdLength
        && isPrintableAscii(id.toString()))
        return id.toString();
    return {};
}

} // namespace

DecodedFrame decodeFrame(const QByteArray &bytes)
{
    // An oversized frame is still read for its id (up to the socket limit) so that the error
    // answers the request it belongs to, but nothing else of it is used.
    ParsedObject parsed = parseJsonObject(bytes, limits::MaxSocketMessageBytes);
    const QString requestId = parsed.error ? QString() : readRequestId(parsed.object);
    if (bytes.size() > limits::MaxFrameBytes) {
        return {Error{ErrorCode::FrameTooLarge,
                      QStringLiteral("frame is %1 bytes; the limit is %2")
                          .arg(bytes.size())
                          .arg(limits::MaxFrameBytes)},
                requestId};
    }
    if (parsed.error) {
        Error error = *parsed.error;
        error.code = ErrorCode::MalformedFrame;
        return {error, {}};
    }
    return {readFrame(parsed.object), requestId};
}

std::optional<Error> checkClientRequest(const Frame &frame)
{
    if (!isClientRequest(frame.type)) {
        return Error{ErrorCode::UnknownType,
                     QStringLiteral("'%1' is not a request a client can send")
                         .arg(frameTypeName(frame.type))};
    }
    if (frame.id.isEmpty())
        return Error{ErrorCode::MissingField, QStringLiteral("a request needs an 'id'")};
    return std::nullopt;
}

} // namespace parley::protocol
