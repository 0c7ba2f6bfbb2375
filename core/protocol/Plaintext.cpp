#include "core/protocol/Plaintext.h"

#include "core/protocol/JsonReader.h"
#include "core/protocol/Limits.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTextBoundaryFinder>
#include <QUtf8StringView>

namespace parley::protocol {

namespace field {
constexpr char Version[] = "v";
constexpr char MessageId[] = "messageId";
constexpr char RecipientUserId[] = "recipientUserId";
constexpr char SenderUserId[] = "senderUserId";
constexpr char Type[] = "type";
constexpr char Text[] = "text";
constexpr char SentAt[] = "sentAt";
constexpr char ReplyTo[] = "replyTo";
constexpr char Target[] = "target";
constexpr char Emoji[] = "emoji";
} // namespace field

namespace {

QLatin1String typeName(MessageContent::Type type)
{
    switch (type) {
    case MessageContent::Type::Text:
        return QLatin1String("text");
    case MessageContent::Type::Edit:
        return QLatin1String("edit");
    case MessageContent::Type::Reaction:
        return QLatin1String("reaction");
    }
    return QLatin1String("text");
}

std::optional<MessageContent::Type> typeFromName(const QString &name)
{
    for (const auto type :
         {MessageContent::Type::Text, MessageContent::Type::Edit, MessageContent::Type::Reaction}) {
        if (name == typeName(type))
            return type;
    }
    return std::nullopt;
}

QJsonObject refToJson(const MessageRef &ref)
{
    return {{QLatin1String(field::MessageId), ref.messageId},
            {QLatin1String(field::SenderUserId), ref.senderUserId}};
}

std::optional<MessageRef> refFromJson(const QJsonValue &value)
{
    if (!value.isObject())
        return std::nullopt;
    JsonReader reader(value.toObject());
    MessageRef ref{reader.string(field::MessageId, limits::MaxIdLength),
                   reader.string(field::SenderUserId, limits::MaxIdLength)};
    if (reader.failed())
        return std::nullopt;
    return ref;
}

} // namespace

bool isSingleEmoji(const QString &text)
{
    if (text.isEmpty() || text.size() > MessageContent::MaxEmojiLength)
        return false;
    QTextBoundaryFinder graphemes(QTextBoundaryFinder::Grapheme, text);
    if (graphemes.toNextBoundary() != text.size())
        return false; // more than one character
    const char32_t first = text.at(0).isHighSurrogate() && text.size() > 1
        ? QChar::surrogateToUcs4(text.at(0), text.at(1))
        : char32_t(text.at(0).unicode());
    const bool regionalIndicator = first >= 0x1F1E6 && first <= 0x1F1FF;
    const bool keycap = (first == u'#' || first == u'*' || (first >= u'0' && first <= u'9'))
        && text.endsWith(QStringView(u"\uFE0F\u20E3"));
    // A symbol with the emoji presentation selector (‼️, ↔️, ℹ️), and code points of
    // the emoji blocks that this Qt's Unicode tables do not know yet (newer emoji).
    const qsizetype afterFirst = first > 0xFFFF ? 2 : 1;
    const bool presented = text.size() > afterFirst && text.at(afterFirst) == QChar(0xFE0F);
    const bool emojiBlock = first >= 0x1F000 && first <= 0x1FAFF;
    return QChar::category(first) == QChar::Symbol_Other || regionalIndicator || keycap || presented
        || emojiBlock;
}

QByteArray MessageContent::encode() const
{
    QJsonObject json{{QLatin1String(field::Version), Version},
                     {QLatin1String(field::MessageId), messageId},
                     {QLatin1String(field::RecipientUserId), recipientUserId},
                     {QLatin1String(field::Type), typeName(type)},
                     {QLatin1String(field::SentAt), double(sentAt)}};
    switch (type) {
    case Type::Text:
        json.insert(QLatin1String(field::Text), text);
        if (replyTo)
            json.insert(QLatin1String(field::ReplyTo), refToJson(*replyTo));
        break;
    case Type::Edit:
        json.insert(QLatin1String(field::Target), target.messageId);
        json.insert(QLatin1String(field::Text), text);
        break;
    case Type::Reaction:
        json.insert(QLatin1String(field::Target), refToJson(target));
        json.insert(QLatin1String(field::Emoji), emoji);
        break;
    }
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

std::optional<MessageContent> MessageContent::decode(const QByteArray &plaintext)
{
    // QJsonDocument would replace invalid UTF-8 with U+FFFD and carry on.
    if (!QUtf8StringView(plaintext).isValidUtf8())
        return std::nullopt;
    const auto parsed = parseJsonObject(plaintext, limits::MaxCiphertextBytes);
    const QJsonObject &json = parsed.object;
    if (parsed.error || json.value(QLatin1String(field::Version)).toDouble() != Version)
        return std::nullopt;
    const auto type = typeFromName(json.value(QLatin1String(field::Type)).toString());
    if (!type)
        return std::nullopt;
    JsonReader reader(json);
    MessageContent content;
    content.type = *type;
    content.messageId = reader.string(field::MessageId, limits::MaxIdLength);
    content.recipientUserId = reader.string(field::RecipientUserId, limits::MaxIdLength);
    content.sentAt = reader.optionalInteger(field::SentAt, limits::MaxJsonInteger).value_or(0);
    switch (content.type) {
    case Type::Text:
        content.text = reader.string(field::Text, MaxTextLength);
        if (json.contains(QLatin1String(field::ReplyTo))
            && !json.value(QLatin1String(field::ReplyTo)).isNull()) {
            content.replyTo = refFromJson(json.value(QLatin1String(field::ReplyTo)));
            if (!content.replyTo)
                return std::nullopt;
        }
        break;
    case Type::Edit:
        content.target.messageId = reader.string(field::Target, limits::MaxIdLength);
        content.text = reader.string(field::Text, MaxTextLength);
        break;
    case Type::Reaction: {
        const auto ref = refFromJson(json.value(QLatin1String(field::Target)));
        const QJsonValue emoji = json.value(QLatin1String(field::Emoji));
        if (!ref || !emoji.isString())
            return std::nullopt;
        content.target = *ref;
        content.emoji = emoji.toString();
        if (!content.emoji.isEmpty() && !isSingleEmoji(content.emoji))
            return std::nullopt;
        break;
    }
    }
    if (reader.failed())
        return std::nullopt;
    return content;
}

} // namespace parley::protocol
