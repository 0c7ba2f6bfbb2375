#pragma once

#include "core/protocol/Result.h"
#include "core/protocol/UserPayloads.h"
#include "server/http/HttpTypes.h"

#include <functional>
#include <optional>

namespace parley::server {

class IdentityStore;
class ProfileStore;
class RateLimiter;
class Router;

// Whether a search query is a phone number: it starts with '+', or holds only digits and the
// separators people type (space - . ( ) /). Gives the E.164 number or invalid_phone_number; gives
// nothing for a name search. The one place search reads numbers, where libphonenumber goes.
std::optional<protocol::Result<QString>> searchedPhoneNumber(const QString &query);

// The users API (docs/protocol.md 4.12-4.15): the caller's profile, search, contact discovery,
// presence, and device keys (docs/protocol.md 4.6).
class UserHandler
{
public:
    // Whether the user has an open WebSocket now (ConnectionRegistry::isOnline).
    using OnlineCheck = std::function<bool(const QString &userId)>;

    // Called after a user changed privacy.lastSeen (PresenceNotifier::privacyChanged).
    using LastSeenChanged = std::function<void(const QString &userId)>;

    // Whether two users are members of one chat (ChatStore::shareChat): a user's number is
    // shown to those who do.
    using SharedChatCheck
        = std::function<protocol::Result<bool>(const QString &userId, const QString &otherUserId)>;

    // lookupLimiter (optional) limits searches and contact syncs per account.
    UserHandler(IdentityStore &identities, ProfileStore &profiles, OnlineCheck isOnline,
                RateLimiter *lookupLimiter = nullptr, LastSeenChanged lastSeenChanged = {},
                SharedChatCheck shareChat = {});
    void addRoutes(Router &router);

private:
    HttpResponse profile(const HttpRequest &request);
    HttpResponse updateProfile(const HttpRequest &request);
    HttpResponse search(const HttpRequest &request);
    HttpResponse searchByName(const HttpRequest &request,
                              const protocol::UserSearchRequest &search);
    HttpResponse syncContacts(const HttpRequest &request);
    HttpResponse status(const HttpRequest &request);
    HttpResponse card(const HttpRequest &request);
    HttpResponse devices(const HttpRequest &request);

    IdentityStore &m_identities;
    ProfileStore &m_profiles;
    OnlineCheck m_isOnline;
    RateLimiter *m_lookupLimiter = nullptr;
    LastSeenChanged m_lastSeenChanged;
    SharedChatCheck m_shareChat;
};

} // namespace parley::server
