#pragma once

#include "core/protocol/Result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace parley::sql {
class Database;
}

namespace parley::server {

// What a user shows to others and what they allow (docs/protocol.md 4.12-4.15).
struct ProfileRecord
{
    QString id;
    QString phoneNumber;
    QString displayName;
    QString about;
    std::optional<QString> avatarMediaId;
    std::optional<QString> email;
    bool shareLastSeen = true;
    bool sendReadReceipts = true;
    std::optional<qint64> lastSeenAt; // ms since the epoch: when the last connection closed
};

// A partial update: only the fields that hold a value change.
struct ProfileChanges
{
    std::optional<QString> displayName;
    std::optional<QString> about;
    std::optional<QString> avatarMediaId; // "" removes it
    std::optional<bool> shareLastSeen;
    std::optional<bool> sendReadReceipts;
};

// A place in the name-search order: results come after it. An empty userId is the start.
struct NamePosition
{
    QString nameKey; // the database's lower(display_name)
    QString userId;
};

struct NameMatch
{
    QString id;
    QString displayName;
    std::optional<QString> avatarMediaId;
    NamePosition position;
};

struct PhoneHashMatch
{
    QString phoneHash;
    QString userId;
    QString displayName;
};

// Profiles, privacy settings, last seen, and the phone-number hashes of contact discovery: the
// users table beyond what sign-in needs (IdentityStore).
class ProfileStore
{
public:
    explicit ProfileStore(sql::Database &db);

    // At start-up: hashes the phone numbers of users that have none yet.
    protocol::Result<void> prepare();

    protocol::Result<std::optional<ProfileRecord>> profile(const QString &userId);
    protocol::Result<std::optional<ProfileRecord>> profileByPhone(const QString &phoneNumber);
    // All changes or none.
    protocol::Result<void> update(const QString &userId, const ProfileChanges &changes);

    // Users whose display name starts with `prefix`, compared case-insensitively by the
    // database's lower(); LIKE wildcards in the prefix match only themselves. Ordered by
    // (lower(display_name), id), starting after `after`.
    protocol::Result<QList<NameMatch>> searchByNamePrefix(const QString &prefix,
                                                          const QString &excludedUserId,
                                                          const NamePosition &after, int limit);

    // Registered users among these phone hashes (protocol::contactHash()).
    protocol::Result<QList<PhoneHashMatch>> usersByPhoneHash(const QStringList &hashes);
    // Hashes the numbers of users added since the last call (sign-up does not know about
    // hashes); cheap when there are none, through the index on phone_hash.
    protocol::Result<int> fillPhoneHashes();

    protocol::Result<void> setLastSeen(const QString &userId, qint64 atMs);

private:
    sql::Database &m_db;
};

} // namespace parley::server
