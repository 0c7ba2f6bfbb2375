#include "core/protocol/MessagePayloads.h"

#include "core/protocol/JsonReader.h"
#include "core/protocol/Limits.h"

#include <QJsonArray>

namespace parley::protocol {

namespace {

QString toBase64(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toBase64());
}

template<typename T> Result<T> finish(const JsonReader &reader, T value)
{
    if (auto error = reader.error())
        return *error;
    return value;
}

} // namespace

QJsonObject Envelope::toJson() const
{
    return {{QLatin1String("deviceId"), deviceId},
            {QLatin1String("nonce"), toBase64(nonce)},
            {QLatin1String("ciphertext"), toBase64(ciphertext)}};
}

Result<Envelope> Envelope::fromJson(const QJsonObject &json)
{
    JsonReader reader(json, QStringLiteral("envelopes[]"));
    Envelope envelope;
    envelope.deviceId = reader.string("deviceId", limits::MaxIdLength);
    envelope.nonce = reader.base64Exact("nonce", limits::NonceBytes);
    envelope.ciphertext
        = reader.base64Bounded("ciphertext", limits::BoxMacBytes + 1, limits::MaxCiphertextBytes);
    return finish(reader, std::move(envelope));
}

QJsonObject MessageSend::toJson() const
{
    QJsonArray items;
    for (const Envelope &envelope : envelopes)
        items.append(envelope.toJson());
    QJsonObject json{{QLatin1String("messageId"), messageId},
                     {QLatin1String("chatId"), chatId},
                     {QLatin1String("envelopes"), items}};
    if (silent)
        json.insert(QLatin1String("silent"), true);
    return json;
}

Result<MessageSend> MessageSend::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    MessageSend message;
    message.messageId = reader.string("messageId", limits::MaxIdLength);
    message.chatId = reader.string("chatId", limits::MaxIdLength);
    const QJsonArray items = reader.array("envelopes", limits::MaxEnvelopes);
    message.silent = reader.optionalBoolean("silent").value_or(false);
    if (auto error = reader.error())
        return *error;
    for (const QJsonValue &item : items) {
        if (!item.isObject())
            return Error{ErrorCode::InvalidField, QStringLiteral("envelopes[] must be objects")};
        Result<Envelope> envelope = Envelope::fromJson(item.toObject());
        if (!envelope)
            return envelope.error();
        for (const Envelope &seen : message.envelopes) {
            if (seen.deviceId == envelope.value().deviceId)
                return Error{ErrorCode::InvalidField,
                             QStringLiteral("two envelopes for device '%1'").arg(seen.deviceId)};
        }
        message.envelopes.append(std::move(envelope).value());
    }
    return message;
}

QJsonObject MessageAccepted::toJson() const
{
    return {{QLatin1String("messageId"), messageId},
            {QLatin1String("serverTime"), double(serverTime)}};
}

Result<MessageAccepted> MessageAccepted::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    MessageAccepted accepted;
    accepted.messageId = reader.string("messageId", limits::MaxIdLength);
    accepted.serverTime = reader.integer("serverTime", limits::MaxJsonInteger);
    return finish(reader, std::move(accepted));
}

QJsonObject MessageReceive::toJson() const
{
    QJsonObject json{{QLatin1String("seq"), double(seq)},
                     {QLatin1String("messageId"), messageId},
                     {QLatin1String("senderUserId"), senderUserId},
                     {QLatin1String("senderDeviceId"), senderDeviceId},
                     {QLatin1String("recipientUserId"), recipientUserId},
                     {QLatin1String("chatId"), chatId},
                     {QLatin1String("serverTime"), double(serverTime)},
                     {QLatin1String("nonce"), toBase64(nonce)},
                     {QLatin1String("ciphertext"), toBase64(ciphertext)}};
    if (silent)
        json.insert(QLatin1String("silent"), true);
    return json;
}

Result<MessageReceive> MessageReceive::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    MessageReceive message;
    message.seq = reader.integer("seq", limits::MaxJsonInteger);
    message.messageId = reader.string("messageId", limits::MaxIdLength);
    message.senderUserId = reader.string("senderUserId", limits::MaxIdLength);
    message.senderDeviceId = reader.string("senderDeviceId", limits::MaxIdLength);
    message.recipientUserId = reader.string("recipientUserId", limits::MaxIdLength);
    message.chatId = reader.optionalString("chatId", limits::MaxIdLength);
    message.serverTime = reader.integer("serverTime", limits::MaxJsonInteger);
    message.silent = reader.optionalBoolean("silent").value_or(false);
    message.nonce = reader.base64Exact("nonce", limits::NonceBytes);
    message.ciphertext
        = reader.base64Bounded("ciphertext", limits::BoxMacBytes + 1, limits::MaxCiphertextBytes);
    return finish(reader, std::move(message));
}

QJsonObject ReceiptRequest::toJson() const
{
    return {{QLatin1String("messageId"), messageId}, {QLatin1String("senderUserId"), senderUserId}};
}

Result<ReceiptRequest> ReceiptRequest::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    ReceiptRequest receipt;
    receipt.messageId = reader.string("messageId", limits::MaxIdLength);
    receipt.senderUserId = reader.string("senderUserId", limits::MaxIdLength);
    return finish(reader, std::move(receipt));
}

QJsonObject ReceiptEvent::toJson() const
{
    return {{QLatin1String("seq"), double(seq)},
            {QLatin1String("messageId"), messageId},
            {QLatin1String("recipientUserId"), recipientUserId},
            {QLatin1String("recipientDeviceId"), recipientDeviceId},
            {QLatin1String("at"), double(at)}};
}

Result<ReceiptEvent> ReceiptEvent::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    ReceiptEvent receipt;
    receipt.seq = reader.integer("seq", limits::MaxJsonInteger);
    receipt.messageId = reader.string("messageId", limits::MaxIdLength);
    receipt.recipientUserId = reader.string("recipientUserId", limits::MaxIdLength);
    receipt.recipientDeviceId = reader.string("recipientDeviceId", limits::MaxIdLength);
    receipt.at = reader.integer("at", limits::MaxJsonInteger);
    return finish(reader, std::move(receipt));
}

namespace {
const QLatin1String SeqKey("seq");
} // namespace

QJsonObject withSeq(QJsonObject eventData, qint64 seq)
{
    eventData.insert(SeqKey, double(seq));
    return eventData;
}

QJsonObject withoutSeq(QJsonObject eventData)
{
    eventData.remove(SeqKey);
    return eventData;
}

QJsonObject PingAnswer::toJson() const
{
    return {{QLatin1String("serverTime"), double(serverTime)}};
}

Result<PingAnswer> PingAnswer::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    PingAnswer answer;
    answer.serverTime = reader.integer("serverTime", limits::MaxJsonInteger);
    return finish(reader, answer);
}

QJsonObject SyncRequest::toJson() const
{
    return {{QLatin1String("after"), double(after)}};
}

Result<SyncRequest> SyncRequest::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    SyncRequest request;
    request.after = reader.integer("after", limits::MaxJsonInteger);
    return finish(reader, request);
}

QJsonObject SyncDone::toJson() const
{
    return {{QLatin1String("lastSeq"), double(lastSeq)}, {QLatin1String("hasMore"), hasMore}};
}

Result<SyncDone> SyncDone::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    SyncDone done;
    done.lastSeq = reader.integer("lastSeq", limits::MaxJsonInteger);
    done.hasMore = reader.boolean("hasMore");
    return finish(reader, done);
}

} // namespace parley::protocol

namespace parley::protocol {

qint64 eventSeq(const QJsonObject &data)
{
    const double seq = data.value(SeqKey).toDouble();
    return seq >= 1 && seq <= double(limits::MaxJsonInteger) ? qint64(seq) : 0;
}

} // namespace parley::protocol
