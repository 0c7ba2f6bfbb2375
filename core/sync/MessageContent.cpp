#include "core/sync/MessageContent.h"

#include "core/protocol/JsonReader.h"
#include "core/protocol/Limits.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace parley::sync {

QByteArray MessageContent::encode() const
{
    const QJsonObject json{{QLatin1String("v"), 1},
                           {QLatin1String("messageId"), messageId},
                           {QLatin1String("type"), QStringLiteral("text")},
                           {QLatin1String("text"), text},
                           {QLatin1String("sentAt"), double(sentAt)}};
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

std::optional<MessageContent> MessageContent::decode(const QByteArray &plaintext)
{
    const auto parsed = protocol::parseJsonObject(plaintext, protocol::limits::MaxCiphertextBytes);
    if (parsed.error
        || parsed.object.value(QLatin1String("type")).toString() != QLatin1String("text"))
        return std::nullopt;
    protocol::JsonReader reader(parsed.object);
    MessageContent content;
    content.messageId = reader.string("messageId", protocol::limits::MaxIdLength);
    content.text = reader.string("text", MaxTextLength);
    content.sentAt = reader.integer("sentAt", protocol::limits::MaxJsonInteger);
    if (reader.failed())
        return std::nullopt;
    return content;
}

} // namespace parley::sync
