#pragma once

#include "core/protocol/Result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

#include <optional>

// The users API of protocol v1: profile, search, contact discovery and presence
// (docs/protocol.md 4.12-4.15). Device keys and the login calls are in RestPayloads.h.
namespace parley::protocol {

namespace paths {
inline constexpr char UserProfile[] = "/api/v1/users/profile";
inline constexpr char ContactsSync[] = "/api/v1/users/contacts/sync";
// "/api/v1/users/<userId>/status"
inline constexpr char StatusSuffix[] = "/status";
} // namespace paths

namespace limits {
inline constexpr qsizetype MaxDisplayNameLength = 64;
inline constexpr qsizetype MaxAboutLength = 140;
inline constexpr qsizetype MaxMediaIdLength = 64;
inline constexpr qsizetype MaxEmailLength = 254;
// Search: a name prefix of 2 or more characters; the raw q, separators included, of at most 64.
inline constexpr qsizetype MinNamePrefixLength = 2;
inline constexpr qsizetype MaxSearchQueryLength = 64;
inline constexpr int DefaultSearchResults = 20;
inline constexpr int MaxSearchResults = 50;
inline constexpr qsizetype MaxSearchCursorLength = 512;
// Contact discovery: hashes per request (docs/security.md explains the cap).
inline constexpr qsizetype MaxContactHashes = 500;
inline constexpr qsizetype ContactHashLength = 64; // lower-case hex SHA-256
} // namespace limits

QString userStatusPath(const QString &userId);

// What contact discovery sends for a phone number: the lower-case hex SHA-256 of the UTF-8 E.164
// string, '+' included ("+15550100001").
QString contactHash(const QString &e164);
bool isContactHash(const QString &text);
// An opaque media id: 1 to 64 printable ASCII characters (0x21-0x7E), no spaces.
bool isMediaId(const QString &text);
// The rules for a display name (docs/protocol.md 4.12), for every place that sets one:
// 1 to 64 UTF-16 units, not blank, no control characters. Nothing when it is valid.
std::optional<Error> displayNameProblem(const QString &name);

struct PrivacySettings
{
    bool lastSeen = true; // others may see when this user was last online
    bool readReceipts = true; // this user sends read receipts

    friend bool operator==(const PrivacySettings &, const PrivacySettings &) = default;
};

// GET /api/v1/users/profile, and the answer of PUT: the caller's own profile.
struct UserProfile
{
    QString id;
    QString phoneNumber;
    QString displayName; // "" until one is set
    QString about;
    std::optional<QString> avatarMediaId;
    std::optional<QString> email;
    PrivacySettings privacy;

    QJsonObject toJson() const;
    static Result<UserProfile> fromJson(const QJsonObject &json);

    friend bool operator==(const UserProfile &, const UserProfile &) = default;
};

// PUT /api/v1/users/profile: a partial update. Absent (or null) fields stay as they are.
struct ProfileUpdate
{
    std::optional<QString> displayName;
    std::optional<QString> about; // "" clears it
    std::optional<QString> avatarMediaId; // "" removes the avatar
    std::optional<bool> lastSeen;
    std::optional<bool> readReceipts;

    QJsonObject toJson() const;
    static Result<ProfileUpdate> fromJson(const QJsonObject &json);
};

// GET /api/v1/users/search?q=&limit=&cursor=
struct UserSearchRequest
{
    QString query; // trimmed
    int limit = limits::DefaultSearchResults;
    QString cursor; // empty: the first page

    QUrlQuery toUrlQuery() const;
    static Result<UserSearchRequest> fromUrlQuery(const QUrlQuery &query);
};

struct UserSearchHit
{
    QString id;
    QString displayName; // "" for a number match without a name
    std::optional<QString> phoneNumber; // only for an exact-number match
    std::optional<QString> avatarMediaId;

    friend bool operator==(const UserSearchHit &, const UserSearchHit &) = default;
};

// The one answer of a search, by number or by name: the server encodes it, clients decode it.
struct UserSearchPage
{
    QList<UserSearchHit> users;
    std::optional<QString> nextCursor; // nothing on the last page

    QJsonObject toJson() const;
    static Result<UserSearchPage> fromJson(const QJsonObject &json);

    friend bool operator==(const UserSearchPage &, const UserSearchPage &) = default;
};

// POST /api/v1/users/contacts/sync
struct ContactSyncRequest
{
    QStringList hashes; // contactHash() of each number

    QJsonObject toJson() const;
    static Result<ContactSyncRequest> fromJson(const QJsonObject &json);
};

struct ContactMatch
{
    QString hash;
    QString userId;
    QString displayName;
};

struct ContactSyncResult
{
    QList<ContactMatch> matches; // only hashes of registered numbers

    QJsonObject toJson() const;
    static Result<ContactSyncResult> fromJson(const QJsonObject &json);
};

// GET /api/v1/users/<userId>/status
// Another user as the caller may see them (docs/protocol.md 4.28): their public profile, and
// their number only once the caller shares a chat with them (or it is the caller).
struct UserCard
{
    QString id;
    QString displayName; // "" until one is set
    QString about;
    std::optional<QString> avatarMediaId;
    std::optional<QString> phoneNumber;

    QJsonObject toJson() const;
    static Result<UserCard> fromJson(const QJsonObject &json);

    friend bool operator==(const UserCard &, const UserCard &) = default;
};

struct UserStatus
{
    QString userId;
    bool online = false;
    std::optional<qint64> lastSeen; // ms since the epoch; nothing while online, hidden or unknown

    QJsonObject toJson() const;
    static Result<UserStatus> fromJson(const QJsonObject &json);
};

} // namespace parley::protocol
