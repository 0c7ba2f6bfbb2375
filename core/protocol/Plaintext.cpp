#include "core/protocol/Plaintext.h"

#include "core/protocol/JsonReader.h"
#include "core/protocol/Limits.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUtf8StringView>

namespace parley::protocol {

namespace field {
constexpr char Version[] = "v";
constexpr char MessageId[] = "messageId";
constexpr char RecipientUserId[] = "recipientUserId";
constexpr char Type[] = "type";
constexpr char Text[] = "text";
constexpr char SentAt[] = "sentAt";
constexpr char TextType[] = "text";
} // namespace field

QByteArray MessageContent::encode() const
{
    const QJsonObject json{{QLatin1String(field::Version), Version},
                           {QLatin1String(field::MessageId), messageId},
                           {QLatin1String(field::RecipientUserId), recipientUserId},
                           {QLatin1String(field::Type), QLatin1String(field::TextType)},
                           {QLatin1String(field::Text), text},
                           {QLatin1String(field::SentAt), double(sentAt)}};
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

std::optional<MessageContent> MessageContent::decode(const QByteArray &plaintext)
{
    // QJsonDocument would replace invalid UTF-8 with U+FFFD and carry on.
    if (!QUtf8StringView(plaintext).isValidUtf8())
        return std::nullopt;
    const auto parsed = parseJsonObject(plaintext, limits::MaxCiphertextBytes);
    const QJsonObject &json = parsed.object;
    if (parsed.error || json.value(QLatin1String(field::Version)).toDouble() != Version
        || json.value(QLatin1String(field::Type)).toString() != QLatin1String(field::TextType))
        return std::nullopt;
    JsonReader reader(json);
    MessageContent content;
    content.messageId = reader.string(field::MessageId, limits::MaxIdLength);
    content.recipientUserId = reader.string(field::RecipientUserId, limits::MaxIdLength);
    content.text = reader.string(field::Text, MaxTextLength);
    content.sentAt = reader.optionalInteger(field::SentAt, limits::MaxJsonInteger).value_or(0);
    if (reader.failed())
        return std::nullopt;
    return content;
}

} // namespace parley::protocol
