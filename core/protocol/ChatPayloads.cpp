#include "core/protocol/ChatPayloads.h"

#include "core/protocol/JsonReader.h"
#include "core/protocol/Limits.h"
#include "core/protocol/MessagePayloads.h"

#include <QJsonArray>
#include <QUrl>

namespace parley::protocol {

namespace {

template<typename T> Result<T> finish(const JsonReader &reader, T value)
{
    if (auto error = reader.error())
        return *error;
    return value;
}

QString segment(const QString &id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

QJsonValue cursorValue(const QString &cursor)
{
    return cursor.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(cursor);
}

// Cursors are opaque to clients; the server never makes one longer than this.
constexpr qsizetype MaxCursorLength = 512;

} // namespace

Result<PageRequest> PageRequest::fromUrlQuery(const QUrlQuery &query, int defaultLimit,
                                              int maxLimit)
{
    PageRequest page{defaultLimit, {}};
    if (query.hasQueryItem(QStringLiteral("limit"))) {
        const QString text = query.queryItemValue(QStringLiteral("limit"), QUrl::FullyDecoded);
        bool digits = !text.isEmpty() && text.size() <= 3;
        for (const QChar c : text)
            digits = digits && c >= u'0' && c <= u'9';
        page.limit = digits ? text.toInt() : 0;
        if (page.limit < 1 || page.limit > maxLimit) {
            return Error{ErrorCode::InvalidField,
                         QStringLiteral("parameter 'limit' must be a whole number from 1 to %1")
                             .arg(maxLimit)};
        }
    }
    page.cursor = query.queryItemValue(QStringLiteral("cursor"), QUrl::FullyDecoded);
    if (page.cursor.size() > MaxCursorLength) {
        return Error{ErrorCode::InvalidField,
                     QStringLiteral("parameter 'cursor' is not a cursor from this server")};
    }
    return page;
}

QString chatPath(const QString &chatId)
{
    return QLatin1String(paths::Chats) + u'/' + segment(chatId);
}

QString chatMessagesPath(const QString &chatId)
{
    return chatPath(chatId) + QLatin1String("/messages");
}

QString chatMessagePath(const QString &chatId, const QString &messageId)
{
    return chatMessagesPath(chatId) + u'/' + segment(messageId);
}

QJsonObject ChatInfo::toJson() const
{
    return {{QLatin1String("chatId"), chatId},
            {QLatin1String("type"), type},
            {QLatin1String("peerUserId"), peerUserId},
            {QLatin1String("createdAt"), double(createdAt)},
            {QLatin1String("lastActivity"), double(lastActivity)},
            {QLatin1String("unreadCount"), unreadCount},
            {QLatin1String("readUpTo"), double(readUpTo)},
            {QLatin1String("mutedUntil"), double(mutedUntil)},
            {QLatin1String("archived"), archived},
            {QLatin1String("pinned"), pinned}};
}

Result<ChatInfo> ChatInfo::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    ChatInfo chat;
    chat.chatId = reader.string("chatId", limits::MaxIdLength);
    chat.type = reader.string("type", limits::MaxIdLength);
    chat.peerUserId = reader.string("peerUserId", limits::MaxIdLength);
    chat.createdAt = reader.integer("createdAt", limits::MaxJsonInteger);
    chat.lastActivity = reader.integer("lastActivity", limits::MaxJsonInteger);
    chat.unreadCount = int(reader.integer("unreadCount", MaxUnreadCount));
    chat.readUpTo = reader.integer("readUpTo", limits::MaxJsonInteger);
    chat.mutedUntil = reader.integer("mutedUntil", limits::MaxJsonInteger);
    chat.archived = reader.boolean("archived");
    chat.pinned = reader.boolean("pinned");
    return finish(reader, std::move(chat));
}

QJsonObject ChatList::toJson() const
{
    QJsonArray items;
    for (const ChatInfo &chat : chats)
        items.append(chat.toJson());
    return {{QLatin1String("chats"), items},
            {QLatin1String("nextCursor"), cursorValue(nextCursor)}};
}

Result<ChatList> ChatList::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    ChatList list;
    const QJsonArray items = reader.array("chats", MaxLimit, 0);
    list.nextCursor = reader.optionalString("nextCursor", MaxCursorLength);
    if (auto error = reader.error())
        return *error;
    for (const QJsonValue &item : items) {
        auto chat = ChatInfo::fromJson(item.toObject());
        if (!chat)
            return chat.error();
        list.chats.append(std::move(chat).value());
    }
    return list;
}

QJsonObject CreateChatRequest::toJson() const
{
    return {{QLatin1String("userId"), userId}};
}

Result<CreateChatRequest> CreateChatRequest::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    CreateChatRequest request;
    request.userId = reader.string("userId", limits::MaxIdLength);
    return finish(reader, std::move(request));
}

QJsonObject ChatSettingsUpdate::toJson() const
{
    QJsonObject json;
    if (mutedUntil)
        json.insert(QLatin1String("mutedUntil"), double(*mutedUntil));
    if (archived)
        json.insert(QLatin1String("archived"), *archived);
    if (pinned)
        json.insert(QLatin1String("pinned"), *pinned);
    return json;
}

Result<ChatSettingsUpdate> ChatSettingsUpdate::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    ChatSettingsUpdate update;
    update.mutedUntil = reader.optionalInteger("mutedUntil", ChatInfo::MutedForever);
    update.archived = reader.optionalBoolean("archived");
    update.pinned = reader.optionalBoolean("pinned");
    return finish(reader, update);
}

QJsonObject ChatUpdated::toJson() const
{
    return {{QLatin1String("seq"), double(seq)},
            {QLatin1String("chat"), chat.toJson()},
            {QLatin1String("removed"), removed}};
}

Result<ChatUpdated> ChatUpdated::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    ChatUpdated event;
    event.seq = reader.integer("seq", limits::MaxJsonInteger);
    const QJsonObject chat = reader.object("chat");
    event.removed = reader.boolean("removed");
    if (auto error = reader.error())
        return *error;
    auto parsed = ChatInfo::fromJson(chat);
    if (!parsed)
        return parsed.error();
    event.chat = std::move(parsed).value();
    return event;
}

QJsonObject MessageDeleted::toJson() const
{
    return {{QLatin1String("seq"), double(seq)},
            {QLatin1String("chatId"), chatId},
            {QLatin1String("messageId"), messageId},
            {QLatin1String("senderUserId"), senderUserId},
            {QLatin1String("deletedAt"), double(deletedAt)}};
}

Result<MessageDeleted> MessageDeleted::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    MessageDeleted event;
    event.seq = reader.integer("seq", limits::MaxJsonInteger);
    event.chatId = reader.string("chatId", limits::MaxIdLength);
    event.messageId = reader.string("messageId", limits::MaxIdLength);
    event.senderUserId = reader.string("senderUserId", limits::MaxIdLength);
    event.deletedAt = reader.integer("deletedAt", limits::MaxJsonInteger);
    return finish(reader, std::move(event));
}

QJsonObject ChatHistoryPage::toJson() const
{
    QJsonArray items;
    for (const Frame &event : events)
        items.append(QJsonObject{{QLatin1String("type"), frameTypeName(event.type)},
                                 {QLatin1String("data"), event.data}});
    return {{QLatin1String("events"), items},
            {QLatin1String("nextCursor"), cursorValue(nextCursor)}};
}

Result<ChatHistoryPage> ChatHistoryPage::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    ChatHistoryPage page;
    const QJsonArray items = reader.array("events", MaxLimit, 0);
    page.nextCursor = reader.optionalString("nextCursor", MaxCursorLength);
    if (auto error = reader.error())
        return *error;
    for (const QJsonValue &item : items) {
        JsonReader itemReader(item.toObject(), QStringLiteral("events[]"));
        const QString typeName = itemReader.string("type", limits::MaxIdLength);
        const QJsonObject data = itemReader.object("data");
        if (auto error = itemReader.error())
            return *error;
        // Types this client does not know are left out, like unknown mailbox events.
        if (const auto type = frameTypeFromName(typeName))
            page.events.append(Frame::event(*type, data));
    }
    return page;
}

QJsonObject TypingRequest::toJson() const
{
    return {{QLatin1String("chatId"), chatId}, {QLatin1String("typing"), typing}};
}

Result<TypingRequest> TypingRequest::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    TypingRequest request;
    request.chatId = reader.string("chatId", limits::MaxIdLength);
    request.typing = reader.boolean("typing");
    return finish(reader, std::move(request));
}

QJsonObject TypingEvent::toJson() const
{
    return {{QLatin1String("chatId"), chatId},
            {QLatin1String("userId"), userId},
            {QLatin1String("typing"), typing},
            {QLatin1String("expiresIn"), double(expiresIn)}};
}

Result<TypingEvent> TypingEvent::fromJson(const QJsonObject &json)
{
    JsonReader reader(json);
    TypingEvent event;
    event.chatId = reader.string("chatId", limits::MaxIdLength);
    event.userId = reader.string("userId", limits::MaxIdLength);
    event.typing = reader.boolean("typing");
    event.expiresIn = reader.optionalInteger("expiresIn", 60000).value_or(ExpiresMs);
    return finish(reader, std::move(event));
}

} // namespace parley::protocol
