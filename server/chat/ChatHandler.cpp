#include "server/chat/ChatHandler.h"

#include "core/protocol/ChatPayloads.h"
#include "core/protocol/FrameType.h"
#include "core/protocol/Limits.h"
#include "core/protocol/MessagePayloads.h"
#include "server/chat/MessageRelay.h"
#include "server/http/RequestBody.h"
#include "server/http/Router.h"
#include "server/storage/ChatStore.h"
#include "server/storage/IdentityStore.h"
#include "server/storage/MailboxStore.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace parley::server {

using namespace protocol;

namespace {

// Cursors are base64url JSON arrays: opaque to clients, naming nothing the page did not show.
QString encodeCursor(const QJsonArray &position)
{
    const QByteArray json = QJsonDocument(position).toJson(QJsonDocument::Compact);
    return QString::fromLatin1(
        json.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<QJsonArray> decodeCursor(const QString &cursor, qsizetype items)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        cursor.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QJsonArray array = QJsonDocument::fromJson(decoded.decoded).array();
    if (array.size() != items)
        return std::nullopt;
    return array;
}

Error badCursor()
{
    return Error{ErrorCode::InvalidField,
                 QStringLiteral("parameter 'cursor' is not a cursor from this server")};
}

Error noSuchChat()
{
    return Error{ErrorCode::NotFound, QStringLiteral("no such chat")};
}

Error storageError()
{
    return Error{ErrorCode::InternalError, QStringLiteral("storage error")};
}

} // namespace

ChatHandler::ChatHandler(ChatStore &chats, MailboxStore &mailbox, IdentityStore &identities,
                         MessageRelay &relay)
    : m_chats(chats)
    , m_mailbox(mailbox)
    , m_identities(identities)
    , m_relay(relay)
{ }

void ChatHandler::addRoutes(Router &router)
{
    using Method = Router::Method;
    const auto access = Router::Access::Authenticated;
    auto route = [this](HttpResponse (ChatHandler::*handler)(const HttpRequest &)) {
        return [this, handler](const HttpRequest &request) { return (this->*handler)(request); };
    };
    const QString chats = QLatin1String(paths::Chats);
    const QString chat = chats + QLatin1String("/:chatId");
    const QString messages = chat + QLatin1String("/messages");
    router.add(Method::Get, chats, access, route(&ChatHandler::list));
    router.add(Method::Post, chats, access, route(&ChatHandler::create));
    router.add(Method::Get, chat, access, route(&ChatHandler::get));
    router.add(Method::Put, chat, access, route(&ChatHandler::update));
    router.add(Method::Delete, chat, access, route(&ChatHandler::remove));
    router.add(Method::Get, messages, access, route(&ChatHandler::history));
    // A message with every envelope at its largest: the size of a message:send frame.
    router.add(Method::Post, messages, access, route(&ChatHandler::send), nullptr,
               limits::MaxFrameBytes);
    router.add(Method::Delete, messages + QLatin1String("/:messageId"), access,
               route(&ChatHandler::deleteMessage));
}

HttpResponse ChatHandler::list(const HttpRequest &request)
{
    auto page
        = PageRequest::fromUrlQuery(request.query, ChatList::DefaultLimit, ChatList::MaxLimit);
    if (!page)
        return HttpResponse::error(page.error());
    std::optional<ChatPosition> after;
    if (!page->cursor.isEmpty()) {
        const auto position = decodeCursor(page->cursor, 2);
        if (!position || !position->at(0).isDouble() || !position->at(1).isString())
            return HttpResponse::error(badCursor());
        after = ChatPosition{qint64(position->at(0).toDouble()), position->at(1).toString()};
    }
    auto chats = m_chats.chatsOf(request.identity.userId, after, page->limit + 1);
    if (!chats)
        return HttpResponse::error(chats.error());
    ChatList list;
    list.chats = chats->mid(0, page->limit);
    if (chats->size() > page->limit) {
        const ChatInfo &last = list.chats.constLast();
        list.nextCursor = encodeCursor(QJsonArray{double(last.lastActivity), last.chatId});
    }
    return HttpResponse::json(list.toJson());
}

HttpResponse ChatHandler::create(const HttpRequest &request)
{
    auto body = parseBody<CreateChatRequest>(request);
    if (!body)
        return HttpResponse::error(body.error());
    auto peer = m_identities.userById(body->userId);
    if (!peer)
        return HttpResponse::error(storageError());
    if (!peer.value())
        return HttpResponse::error(ErrorCode::UnknownUser, QStringLiteral("no such user"));
    const QString &me = request.identity.userId;
    auto chat = m_chats.openDirect(me, body->userId, QDateTime::currentMSecsSinceEpoch());
    if (!chat)
        return HttpResponse::error(chat.error());
    // Opening a chat one deleted brings it back (empty: its old history stays hidden), and the
    // caller's other devices hear of it.
    auto hidden = m_chats.isHidden(chat->id, me);
    if (!hidden || (hidden.value() && !m_chats.show(chat->id, me)))
        return HttpResponse::error(storageError());
    auto view = m_chats.view(chat->id, me);
    if (!view || !view.value())
        return HttpResponse::error(storageError());
    if (hidden.value() && !m_relay.chatChanged(request.identity, *view.value(), false))
        return HttpResponse::error(storageError());
    return HttpResponse::json(view.value()->toJson());
}

HttpResponse ChatHandler::get(const HttpRequest &request)
{
    auto view
        = m_chats.view(request.pathParams.value(QStringLiteral("chatId")), request.identity.userId);
    if (!view)
        return HttpResponse::error(view.error());
    if (!view.value())
        return HttpResponse::error(noSuchChat());
    return HttpResponse::json(view.value()->toJson());
}

HttpResponse ChatHandler::update(const HttpRequest &request)
{
    const QString chatId = request.pathParams.value(QStringLiteral("chatId"));
    auto body = parseBody<ChatSettingsUpdate>(request);
    if (!body)
        return HttpResponse::error(body.error());
    auto before = m_chats.view(chatId, request.identity.userId);
    if (!before)
        return HttpResponse::error(before.error());
    if (!before.value())
        return HttpResponse::error(noSuchChat());
    if (!m_chats.updateSettings(chatId, request.identity.userId, body.value()))
        return HttpResponse::error(storageError());
    auto after = m_chats.view(chatId, request.identity.userId);
    if (!after || !after.value())
        return HttpResponse::error(storageError());
    if (*after.value() != *before.value()) {
        // Settings of a chat deleted for the caller change it while it stays deleted.
        auto hidden = m_chats.isHidden(chatId, request.identity.userId);
        if (!hidden || !m_relay.chatChanged(request.identity, *after.value(), hidden.value()))
            return HttpResponse::error(storageError());
    }
    return HttpResponse::json(after.value()->toJson());
}

HttpResponse ChatHandler::remove(const HttpRequest &request)
{
    const QString chatId = request.pathParams.value(QStringLiteral("chatId"));
    auto before = m_chats.view(chatId, request.identity.userId);
    if (!before)
        return HttpResponse::error(before.error());
    if (!before.value())
        return HttpResponse::error(noSuchChat());
    if (!m_chats.clearFor(chatId, request.identity.userId, QDateTime::currentMSecsSinceEpoch()))
        return HttpResponse::error(storageError());
    auto after = m_chats.view(chatId, request.identity.userId);
    if (!after || !after.value() || !m_relay.chatChanged(request.identity, *after.value(), true))
        return HttpResponse::error(storageError());
    return HttpResponse::json(QJsonObject{});
}

HttpResponse ChatHandler::history(const HttpRequest &request)
{
    const QString chatId = request.pathParams.value(QStringLiteral("chatId"));
    auto page = PageRequest::fromUrlQuery(request.query, ChatHistoryPage::DefaultLimit,
                                          ChatHistoryPage::MaxLimit);
    if (!page)
        return HttpResponse::error(page.error());
    qint64 before = 0;
    if (!page->cursor.isEmpty()) {
        const auto position = decodeCursor(page->cursor, 1);
        if (!position || !position->at(0).isDouble() || position->at(0).toDouble() < 1)
            return HttpResponse::error(badCursor());
        before = qint64(position->at(0).toDouble());
    }
    auto view = m_chats.view(chatId, request.identity.userId);
    if (!view)
        return HttpResponse::error(view.error());
    if (!view.value())
        return HttpResponse::error(noSuchChat());
    auto clearedAt = m_chats.clearedAt(chatId, request.identity.userId);
    if (!clearedAt)
        return HttpResponse::error(clearedAt.error());
    auto events = m_mailbox.chatHistory(request.identity.deviceId, chatId, before,
                                        clearedAt.value(), page->limit + 1);
    if (!events)
        return HttpResponse::error(events.error());
    ChatHistoryPage answer;
    for (const MailboxEvent &event : events->mid(0, page->limit)) {
        if (const auto type = frameTypeFromName(event.type))
            answer.events.append(Frame::event(*type, withSeq(event.data, event.seq)));
    }
    if (events->size() > page->limit)
        answer.nextCursor = encodeCursor(QJsonArray{double(events->at(page->limit - 1).seq)});
    return HttpResponse::json(answer.toJson());
}

HttpResponse ChatHandler::send(const HttpRequest &request)
{
    ParsedObject parsed = parseJsonObject(request.body, limits::MaxFrameBytes);
    if (parsed.error)
        return HttpResponse::error(*parsed.error);
    // The chat is the one in the path.
    parsed.object.insert(QLatin1String("chatId"),
                         request.pathParams.value(QStringLiteral("chatId")));
    auto accepted = m_relay.sendMessage(request.identity, parsed.object);
    if (!accepted)
        return HttpResponse::error(accepted.error());
    return HttpResponse::json(accepted.value());
}

HttpResponse ChatHandler::deleteMessage(const HttpRequest &request)
{
    auto deleted = m_relay.deleteForEveryone(request.identity,
                                             request.pathParams.value(QStringLiteral("chatId")),
                                             request.pathParams.value(QStringLiteral("messageId")));
    if (!deleted)
        return HttpResponse::error(deleted.error());
    return HttpResponse::json(deleted.value());
}

} // namespace parley::server
