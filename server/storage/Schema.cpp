#include "server/storage/Schema.h"

namespace parley::server {

// Never edit a released step: append one. Binary values (keys, hashes) are stored as base64
// TEXT so the same SQL runs on SQLite and PostgreSQL; times are milliseconds since the epoch.
const QList<QStringList> &schemaMigrations()
{
    static const QList<QStringList> migrations = {
        // Version 1: the walking skeleton.
        {
            QStringLiteral("CREATE TABLE users ("
                           " id TEXT PRIMARY KEY,"
                           " phone_number TEXT NOT NULL UNIQUE,"
                           " display_name TEXT NOT NULL DEFAULT '',"
                           " created_at BIGINT NOT NULL)"),
            QStringLiteral("CREATE TABLE devices ("
                           " id TEXT PRIMARY KEY,"
                           " user_id TEXT NOT NULL REFERENCES users(id),"
                           " name TEXT NOT NULL,"
                           " public_key TEXT NOT NULL,"
                           " next_seq BIGINT NOT NULL DEFAULT 1,"
                           " created_at BIGINT NOT NULL,"
                           " revoked_at BIGINT)"),
            QStringLiteral("CREATE INDEX devices_by_user ON devices(user_id)"),
            QStringLiteral("CREATE TABLE otp_challenges ("
                           " phone_number TEXT PRIMARY KEY,"
                           " code_hash TEXT NOT NULL,"
                           " expires_at BIGINT NOT NULL,"
                           " attempts INTEGER NOT NULL DEFAULT 0,"
                           " created_at BIGINT NOT NULL)"),
            QStringLiteral("CREATE TABLE messages ("
                           " sender_user_id TEXT NOT NULL,"
                           " message_id TEXT NOT NULL,"
                           " sender_device_id TEXT NOT NULL,"
                           " recipient_user_id TEXT NOT NULL,"
                           " server_time BIGINT NOT NULL,"
                           " PRIMARY KEY (sender_user_id, message_id))"),
            // One row per event for one device; seq is gap-free per device (devices.next_seq).
            QStringLiteral("CREATE TABLE mailbox ("
                           " device_id TEXT NOT NULL,"
                           " seq BIGINT NOT NULL,"
                           " type TEXT NOT NULL,"
                           " payload TEXT NOT NULL,"
                           " message_sender TEXT,"
                           " message_id TEXT,"
                           " created_at BIGINT NOT NULL,"
                           " PRIMARY KEY (device_id, seq))"),
            // Receipts are accepted only from devices that were sent a copy.
            QStringLiteral("CREATE INDEX mailbox_by_message ON mailbox(device_id, message_sender, "
                           "message_id)"),
            QStringLiteral("CREATE TABLE receipts ("
                           " sender_user_id TEXT NOT NULL,"
                           " message_id TEXT NOT NULL,"
                           " device_id TEXT NOT NULL,"
                           " kind TEXT NOT NULL,"
                           " at BIGINT NOT NULL,"
                           " PRIMARY KEY (sender_user_id, message_id, device_id, kind))"),
        },
        // Version 2: identity done right (issue 3): profiles and privacy, refresh-token families,
        // per-device token revocation, OTP send throttling and pending registrations.
        {
            QStringLiteral("ALTER TABLE users ADD COLUMN email TEXT"),
            QStringLiteral("ALTER TABLE users ADD COLUMN about TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE users ADD COLUMN avatar_media_id TEXT"),
            QStringLiteral(
                "ALTER TABLE users ADD COLUMN share_last_seen INTEGER NOT NULL DEFAULT 1"),
            QStringLiteral(
                "ALTER TABLE users ADD COLUMN send_read_receipts INTEGER NOT NULL DEFAULT 1"),
            QStringLiteral("ALTER TABLE users ADD COLUMN last_seen_at BIGINT"),
            QStringLiteral("CREATE INDEX users_by_name ON users(display_name)"),
            // Set when a device signs out or a stolen refresh token is detected: access tokens
            // issued before it are refused.
            QStringLiteral("ALTER TABLE devices ADD COLUMN tokens_revoked_at BIGINT"),
            QStringLiteral("CREATE TABLE refresh_tokens ("
                           " token_hash TEXT PRIMARY KEY,"
                           " family_id TEXT NOT NULL,"
                           " user_id TEXT NOT NULL,"
                           " device_id TEXT NOT NULL,"
                           " created_at BIGINT NOT NULL,"
                           " expires_at BIGINT NOT NULL,"
                           " used_at BIGINT,"
                           " revoked_at BIGINT)"),
            QStringLiteral("CREATE INDEX refresh_tokens_by_family ON refresh_tokens(family_id)"),
            QStringLiteral("CREATE INDEX refresh_tokens_by_device ON refresh_tokens(device_id)"),
            // Codes sent to a number in the current hour, for the hourly cap.
            QStringLiteral("ALTER TABLE otp_challenges ADD COLUMN hour_started_at BIGINT NOT NULL "
                           "DEFAULT 0"),
            QStringLiteral("ALTER TABLE otp_challenges ADD COLUMN sent_this_hour INTEGER NOT NULL "
                           "DEFAULT 0"),
            // Profile data given at registration, applied when the code is verified.
            QStringLiteral("ALTER TABLE otp_challenges ADD COLUMN pending_name TEXT"),
            QStringLiteral("ALTER TABLE otp_challenges ADD COLUMN pending_email TEXT"),
        },

        // Version 3: contact discovery by hashed number (docs/security.md). phone_hash is the
        // lower-case hex SHA-256 of the E.164 number; rows from before are filled at start.
        {
            QStringLiteral("ALTER TABLE users ADD COLUMN phone_hash TEXT"),
            QStringLiteral("CREATE UNIQUE INDEX users_by_phone_hash ON users(phone_hash)"),
        },

        // Version 4: chats (issue 11). A direct chat is one row per pair of users, made unique
        // by direct_key ("<smaller user id> <larger user id>") so that two instances creating it
        // at once end with one. Each member keeps their own settings and read marker; hidden is
        // "deleted for me" until the next message. Messages and mailbox events name their chat,
        // so a chat's history is one index range.
        {
            QStringLiteral("CREATE TABLE chats ("
                           " id TEXT PRIMARY KEY,"
                           " type TEXT NOT NULL,"
                           " direct_key TEXT UNIQUE,"
                           " created_at BIGINT NOT NULL,"
                           " last_message_at BIGINT NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE TABLE chat_members ("
                           " chat_id TEXT NOT NULL REFERENCES chats(id),"
                           " user_id TEXT NOT NULL REFERENCES users(id),"
                           " joined_at BIGINT NOT NULL,"
                           " muted_until BIGINT NOT NULL DEFAULT 0,"
                           " archived INTEGER NOT NULL DEFAULT 0,"
                           " pinned INTEGER NOT NULL DEFAULT 0,"
                           " read_up_to BIGINT NOT NULL DEFAULT 0,"
                           " cleared_at BIGINT NOT NULL DEFAULT 0,"
                           " hidden INTEGER NOT NULL DEFAULT 0,"
                           " PRIMARY KEY (chat_id, user_id))"),
            QStringLiteral("CREATE INDEX chat_members_by_user ON chat_members(user_id)"),
            QStringLiteral("ALTER TABLE messages ADD COLUMN chat_id TEXT"),
            QStringLiteral("ALTER TABLE messages ADD COLUMN silent INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE messages ADD COLUMN deleted_at BIGINT"),
            QStringLiteral("CREATE INDEX messages_by_chat ON messages(chat_id, server_time)"),
            QStringLiteral("ALTER TABLE mailbox ADD COLUMN chat_id TEXT"),
            QStringLiteral("CREATE INDEX mailbox_by_chat ON mailbox(device_id, chat_id, seq)"),
        },

        // Version 5: housekeeping and the refresh grace (issue 11). successor is the pair a
        // refresh answered, sealed with a key only the presented refresh token gives, for one
        // retry of a lost answer. synced_through is the `after` of a device's first sync on a
        // connection (what it has handled); pruned_through the last seq removed from its
        // mailbox by --message-retention.
        {
            QStringLiteral("ALTER TABLE refresh_tokens ADD COLUMN successor TEXT"),
            QStringLiteral(
                "ALTER TABLE refresh_tokens ADD COLUMN grace_used INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("CREATE INDEX refresh_tokens_by_expiry ON refresh_tokens(expires_at)"),
            QStringLiteral(
                "ALTER TABLE devices ADD COLUMN synced_through BIGINT NOT NULL DEFAULT 0"),
            QStringLiteral(
                "ALTER TABLE devices ADD COLUMN pruned_through BIGINT NOT NULL DEFAULT 0"),
            QStringLiteral("CREATE INDEX messages_by_time ON messages(server_time)"),
            QStringLiteral("CREATE INDEX receipts_by_time ON receipts(at)"),
        },
    };
    return migrations;
}

} // namespace parley::server
