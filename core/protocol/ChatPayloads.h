#pragma once

#include "core/protocol/Frame.h"
#include "core/protocol/Result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrlQuery>

#include <optional>

// The chats API (docs/protocol.md 4.19-4.25) and the chat events of the mailbox (6.5).
namespace parley::protocol {

namespace paths {
inline constexpr char Chats[] = "/api/v1/chats"; // and /api/v1/chats/<chatId>[/messages[/<id>]]
} // namespace paths

QString chatPath(const QString &chatId);
QString chatMessagesPath(const QString &chatId);
QString chatMessagePath(const QString &chatId, const QString &messageId);

// ?limit=&cursor= of the paged GETs: limit 1..maxLimit (default when absent), cursor opaque.
struct PageRequest
{
    int limit = 0;
    QString cursor; // empty: the first page

    static Result<PageRequest> fromUrlQuery(const QUrlQuery &query, int defaultLimit, int maxLimit);
};

// Chat types; v1 has direct chats between two users (or one user and themself: notes to self).
inline constexpr char DirectChat[] = "direct";

// One chat as the calling user sees it: shared facts and the caller's own settings.
struct ChatInfo
{
    QString chatId;
    QString type = QLatin1String(DirectChat);
    QString peerUserId; // direct chats: the other person (the caller, in a note to self)
    qint64 createdAt = 0;
    qint64 lastActivity = 0; // serverTime of the newest message that counts, else createdAt
    int unreadCount = 0; // messages from others after readUpTo, at most MaxUnreadCount
    qint64 readUpTo = 0; // serverTime of the newest message any of the caller's devices read
    qint64 mutedUntil = 0; // 0: not muted; MutedForever: until unmuted
    bool archived = false;
    bool pinned = false;

    static constexpr int MaxUnreadCount = 9999;
    static constexpr qint64 MutedForever = (qint64(1) << 53) - 1;

    QJsonObject toJson() const;
    static Result<ChatInfo> fromJson(const QJsonObject &json);
    friend bool operator==(const ChatInfo &, const ChatInfo &) = default;
};

// GET /api/v1/chats: newest activity first, paged.
struct ChatList
{
    QList<ChatInfo> chats;
    QString nextCursor; // empty on the last page

    static constexpr int DefaultLimit = 100;
    static constexpr int MaxLimit = 200;

    QJsonObject toJson() const;
    static Result<ChatList> fromJson(const QJsonObject &json);
};

// POST /api/v1/chats: the direct chat with a user, created on first use.
struct CreateChatRequest
{
    QString userId;

    QJsonObject toJson() const;
    static Result<CreateChatRequest> fromJson(const QJsonObject &json);
};

// PUT /api/v1/chats/<chatId>: the caller's own settings; absent fields stay as they are.
struct ChatSettingsUpdate
{
    std::optional<qint64> mutedUntil;
    std::optional<bool> archived;
    std::optional<bool> pinned;

    QJsonObject toJson() const;
    static Result<ChatSettingsUpdate> fromJson(const QJsonObject &json);
};

// Mailbox event "chat:updated": the caller's view of a chat changed on another of their devices
// (settings, read marker), or the chat was deleted for them ("removed").
struct ChatUpdated
{
    qint64 seq = 0;
    ChatInfo chat;
    bool removed = false;

    QJsonObject toJson() const;
    static Result<ChatUpdated> fromJson(const QJsonObject &json);
};

// Mailbox event "message:deleted": the sender deleted a message for everyone.
struct MessageDeleted
{
    qint64 seq = 0;
    QString chatId;
    QString messageId;
    QString senderUserId;
    qint64 deletedAt = 0;

    QJsonObject toJson() const;
    static Result<MessageDeleted> fromJson(const QJsonObject &json);
};

// GET /api/v1/chats/<chatId>/messages: this device's mailbox events of the chat, newest first:
// "message:receive" envelopes and "message:deleted" tombstones in their place.
struct ChatHistoryPage
{
    QList<Frame> events; // type and data (with seq) of each
    QString nextCursor; // empty on the last page

    static constexpr int DefaultLimit = 50;
    static constexpr int MaxLimit = 200;

    QJsonObject toJson() const;
    static Result<ChatHistoryPage> fromJson(const QJsonObject &json);
};

// Client -> server "message:typing": the user started (or stopped) typing in a chat. Live only:
// never stored, sent to the other members' live connections.
struct TypingRequest
{
    QString chatId;
    bool typing = true;

    QJsonObject toJson() const;
    static Result<TypingRequest> fromJson(const QJsonObject &json);
};

// Server -> client "user:typing". A receiver shows it for expiresIn ms unless it is renewed or
// a typing:false arrives; senders renew every RenewMs while the user types.
struct TypingEvent
{
    QString chatId;
    QString userId;
    bool typing = true;
    qint64 expiresIn = ExpiresMs;

    static constexpr int ExpiresMs = 6000;
    static constexpr int RenewMs = 3000;

    QJsonObject toJson() const;
    static Result<TypingEvent> fromJson(const QJsonObject &json);
};

} // namespace parley::protocol
