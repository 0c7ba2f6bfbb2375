#include "server/users/UserHandler.h"

#include "core/protocol/RestPayloads.h"
#include "server/auth/PhoneNumbers.h"
#include "server/http/RequestBody.h"
#include "server/http/Router.h"
#include "server/storage/IdentityStore.h"
#include "server/storage/ProfileStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace parley::server {

using namespace protocol;

namespace {

UserProfile toWire(const ProfileRecord &record)
{
    return {record.id,
            record.phoneNumber,
            record.displayName,
            record.about,
            record.avatarMediaId,
            record.email,
            PrivacySettings{record.shareLastSeen, record.sendReadReceipts}};
}

// A cursor is the last (name key, id) of a page as base64url JSON: opaque to clients, and it
// names nothing the page did not already show.
QString encodeCursor(const NamePosition &position)
{
    const QByteArray json = QJsonDocument(QJsonArray{position.nameKey, position.userId})
                                .toJson(QJsonDocument::Compact);
    return QString::fromLatin1(
        json.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<NamePosition> decodeCursor(const QString &cursor)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        cursor.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QJsonArray items = QJsonDocument::fromJson(decoded.decoded).array();
    if (items.size() != 2 || !items.at(0).isString() || !items.at(1).isString()
        || items.at(1).toString().isEmpty())
        return std::nullopt;
    return NamePosition{items.at(0).toString(), items.at(1).toString()};
}

} // namespace

std::optional<Result<QString>> searchedPhoneNumber(const QString &query)
{
    static const QString separators = QStringLiteral(" -.()/");
    bool hasDigit = false;
    bool onlyNumberCharacters = true;
    QString number;
    for (const QChar c : query) {
        const bool digit = c >= u'0' && c <= u'9';
        hasDigit = hasDigit || digit;
        onlyNumberCharacters = onlyNumberCharacters && (digit || separators.contains(c));
        if (!separators.contains(c))
            number += c;
    }
    if (!query.startsWith(u'+') && !(hasDigit && onlyNumberCharacters))
        return std::nullopt;
    if (!number.startsWith(u'+')) {
        return Result<QString>(ErrorCode::InvalidPhoneNumber,
                               QStringLiteral("q must be a phone number with + and the country "
                                              "code, like +12025550123, or a name"));
    }
    // The same normalisation as sign-in, so "+1 (202) 555-0123" finds +12025550123.
    return normalizePhoneNumber(query);
}

UserHandler::UserHandler(IdentityStore &identities, ProfileStore &profiles, OnlineCheck isOnline,
                         RateLimiter *lookupLimiter, LastSeenChanged lastSeenChanged,
                         SharedChatCheck shareChat)
    : m_identities(identities)
    , m_profiles(profiles)
    , m_isOnline(std::move(isOnline))
    , m_lookupLimiter(lookupLimiter)
    , m_lastSeenChanged(std::move(lastSeenChanged))
    , m_shareChat(std::move(shareChat))
{ }

void UserHandler::addRoutes(Router &router)
{
    using Method = Router::Method;
    const auto access = Router::Access::Authenticated;
    auto route = [this](HttpResponse (UserHandler::*handler)(const HttpRequest &)) {
        return [this, handler](const HttpRequest &request) { return (this->*handler)(request); };
    };
    const QString byId = QLatin1String(paths::UsersPrefix) + QLatin1String(":id");
    router.add(Method::Get, QLatin1String(paths::UserProfile), access,
               route(&UserHandler::profile));
    router.add(Method::Put, QLatin1String(paths::UserProfile), access,
               route(&UserHandler::updateProfile));
    // Both reveal who is registered: limited per account (docs/security.md).
    router.add(Method::Get, QLatin1String(paths::UserSearch), access, route(&UserHandler::search),
               m_lookupLimiter);
    router.add(Method::Post, QLatin1String(paths::ContactsSync), access,
               route(&UserHandler::syncContacts), m_lookupLimiter);
    router.add(Method::Get, byId + QLatin1String(paths::StatusSuffix), access,
               route(&UserHandler::status));
    router.add(Method::Get, byId + QLatin1String(paths::DevicesSuffix), access,
               route(&UserHandler::devices));
    // After /users/profile and /users/search, which it would otherwise take.
    router.add(Method::Get, byId, access, route(&UserHandler::card));
}

HttpResponse UserHandler::profile(const HttpRequest &request)
{
    auto found = m_profiles.profile(request.identity.userId);
    if (!found)
        return HttpResponse::error(found.error());
    if (!found.value())
        return HttpResponse::error(ErrorCode::UnknownUser, QStringLiteral("no such user"));
    return HttpResponse::json(toWire(*found.value()).toJson());
}

// A partial update: every field is checked before anything is written, so a bad request
// changes nothing.
HttpResponse UserHandler::updateProfile(const HttpRequest &request)
{
    auto body = parseBody<ProfileUpdate>(request);
    if (!body)
        return HttpResponse::error(body.error());
    const ProfileUpdate &update = body.value();
    const ProfileChanges changes{update.displayName, update.about, update.avatarMediaId,
                                 update.lastSeen, update.readReceipts};
    auto before = m_profiles.profile(request.identity.userId);
    if (!before)
        return HttpResponse::error(before.error());
    if (auto updated = m_profiles.update(request.identity.userId, changes); !updated)
        return HttpResponse::error(updated.error());
    if (update.lastSeen && before.value() && *update.lastSeen != before.value()->shareLastSeen
        && m_lastSeenChanged)
        m_lastSeenChanged(request.identity.userId);
    return profile(request);
}

HttpResponse UserHandler::search(const HttpRequest &request)
{
    auto parsed = UserSearchRequest::fromUrlQuery(request.query);
    if (!parsed)
        return HttpResponse::error(parsed.error());
    const std::optional<Result<QString>> number = searchedPhoneNumber(parsed.value().query);
    if (!number)
        return searchByName(request, parsed.value());
    if (!*number)
        return HttpResponse::error(number->error());
    // An exact number may find the caller too: they know their own number.
    auto found = m_profiles.profileByPhone(number->value());
    if (!found)
        return HttpResponse::error(found.error());
    UserSearchPage page;
    if (const auto &user = found.value())
        page.users.append({user->id, user->displayName, user->phoneNumber, user->avatarMediaId});
    return HttpResponse::json(page.toJson());
}

// Name matches never carry a phone number, and leave out the caller.
HttpResponse UserHandler::searchByName(const HttpRequest &request, const UserSearchRequest &search)
{
    if (search.query.size() < limits::MinNamePrefixLength) {
        return HttpResponse::error(ErrorCode::InvalidField,
                                   QStringLiteral("parameter 'q' must be a phone number or at "
                                                  "least %1 characters of a name")
                                       .arg(limits::MinNamePrefixLength));
    }
    NamePosition after;
    if (!search.cursor.isEmpty()) {
        const std::optional<NamePosition> position = decodeCursor(search.cursor);
        if (!position) {
            return HttpResponse::error(ErrorCode::InvalidField,
                                       QStringLiteral("parameter 'cursor' is not a cursor from "
                                                      "this server"));
        }
        after = *position;
    }
    // One row more than the page tells whether there is a next page.
    auto matches = m_profiles.searchByNamePrefix(search.query, request.identity.userId, after,
                                                 search.limit + 1);
    if (!matches)
        return HttpResponse::error(matches.error());
    const QList<NameMatch> &rows = matches.value();
    UserSearchPage page;
    for (qsizetype i = 0; i < rows.size() && i < search.limit; ++i)
        page.users.append({rows.at(i).id, rows.at(i).displayName, {}, rows.at(i).avatarMediaId});
    if (rows.size() > search.limit)
        page.nextCursor = encodeCursor(rows.at(search.limit - 1).position);
    return HttpResponse::json(page.toJson());
}

HttpResponse UserHandler::syncContacts(const HttpRequest &request)
{
    auto body = parseBody<ContactSyncRequest>(request);
    if (!body)
        return HttpResponse::error(body.error());
    // Users who signed up since the last call have no hash yet.
    if (auto filled = m_profiles.fillPhoneHashes(); !filled)
        return HttpResponse::error(filled.error());
    QStringList hashes;
    QSet<QString> seen;
    for (const QString &hash : body.value().hashes) {
        if (!seen.contains(hash)) {
            seen.insert(hash);
            hashes.append(hash);
        }
    }
    auto matches = m_profiles.usersByPhoneHash(hashes);
    if (!matches)
        return HttpResponse::error(matches.error());
    ContactSyncResult result;
    for (const PhoneHashMatch &match : matches.value())
        result.matches.append({match.phoneHash, match.userId, match.displayName});
    return HttpResponse::json(result.toJson());
}

// Privacy (docs/protocol.md 4.15): a user who hides their last seen also hides being
// online, since polling "online" would reveal the last seen anyway; and a user who hides theirs
// sees nobody else's. Hidden reads as offline and never seen. Users always see their own.
HttpResponse UserHandler::status(const HttpRequest &request)
{
    const QString userId = request.pathParams.value(QStringLiteral("id"));
    auto target = m_profiles.profile(userId);
    if (!target)
        return HttpResponse::error(target.error());
    if (!target.value())
        return HttpResponse::error(ErrorCode::UnknownUser, QStringLiteral("no such user"));
    bool visible = true;
    if (userId != request.identity.userId) {
        auto viewer = m_profiles.profile(request.identity.userId);
        if (!viewer)
            return HttpResponse::error(viewer.error());
        visible = target.value()->shareLastSeen && viewer.value() && viewer.value()->shareLastSeen;
    }
    UserStatus status{userId, false, std::nullopt};
    if (visible) {
        status.online = m_isOnline(userId);
        if (!status.online)
            status.lastSeen = target.value()->lastSeenAt;
    }
    return HttpResponse::json(status.toJson());
}

// Anyone signed in may see a user's public profile by id (ids are not guessable, and are given
// only to those who found the user or share a chat with them); the number only those who share
// a chat with them, as WhatsApp shows a stranger's number once they write (docs/protocol.md
// 4.28).
HttpResponse UserHandler::card(const HttpRequest &request)
{
    const QString userId = request.pathParams.value(QStringLiteral("id"));
    auto target = m_profiles.profile(userId);
    if (!target)
        return HttpResponse::error(target.error());
    if (!target.value())
        return HttpResponse::error(ErrorCode::UnknownUser, QStringLiteral("no such user"));
    const ProfileRecord &profile = *target.value();
    UserCard card{profile.id, profile.displayName, profile.about, profile.avatarMediaId, {}};
    bool shared = userId == request.identity.userId;
    if (!shared && m_shareChat) {
        auto found = m_shareChat(request.identity.userId, userId);
        if (!found)
            return HttpResponse::error(found.error());
        shared = found.value();
    }
    if (shared)
        card.phoneNumber = profile.phoneNumber;
    return HttpResponse::json(card.toJson());
}

HttpResponse UserHandler::devices(const HttpRequest &request)
{
    const QString userId = request.pathParams.value(QStringLiteral("id"));
    auto user = m_identities.userById(userId);
    if (!user)
        return HttpResponse::error(user.error());
    if (!user.value())
        return HttpResponse::error(ErrorCode::UnknownUser, QStringLiteral("no such user"));
    auto devices = m_identities.activeDevices(userId);
    if (!devices)
        return HttpResponse::error(devices.error());
    DeviceKeyList list{userId, {}};
    for (const DeviceRecord &device : devices.value())
        list.devices.append({device.id, device.publicKey});
    return HttpResponse::json(list.toJson());
}

} // namespace parley::server
