#include "core/store/ClientSchema.h"

namespace parley::store {

const QList<QStringList> &clientMigrations()
{
    static const QList<QStringList> migrations{
        // 1: chats, messages with per-recipient receipts, the full-text index, the outbox, the
        // mailbox cursor and pinned device keys.
        {
            QStringLiteral("CREATE TABLE chats ("
                           " id INTEGER PRIMARY KEY,"
                           " kind TEXT NOT NULL," // "direct" (later "group")
                           " peer_user_id TEXT UNIQUE," // direct chats: the other person
                           " peer_phone TEXT," // as found by a search, when known
                           " title TEXT NOT NULL DEFAULT '',"
                           " created_at BIGINT NOT NULL,"
                           " last_activity BIGINT NOT NULL,"
                           " unread_count INTEGER NOT NULL DEFAULT 0,"
                           " pinned INTEGER NOT NULL DEFAULT 0,"
                           " archived INTEGER NOT NULL DEFAULT 0,"
                           " muted_until BIGINT NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE INDEX chats_order ON chats (pinned DESC, last_activity DESC)"),
            QStringLiteral("CREATE TABLE messages ("
                           " id INTEGER PRIMARY KEY," // local order: creation or arrival
                           " chat_id INTEGER NOT NULL REFERENCES chats (id),"
                           " message_id TEXT NOT NULL,"
                           " sender_user_id TEXT NOT NULL,"
                           " sender_device_id TEXT NOT NULL DEFAULT '',"
                           " outgoing INTEGER NOT NULL,"
                           " kind TEXT NOT NULL," // "text" or "undecryptable"
                           " body TEXT NOT NULL DEFAULT '',"
                           " sent_at BIGINT NOT NULL DEFAULT 0,"
                           " server_time BIGINT NOT NULL DEFAULT 0,"
                           " stored_at BIGINT NOT NULL,"
                           " status INTEGER NOT NULL," // MessageStatus
                           " UNIQUE (sender_user_id, message_id))"),
            QStringLiteral("CREATE INDEX messages_by_chat ON messages (chat_id, id)"),
            QStringLiteral("CREATE TABLE receipts ("
                           " message_row INTEGER NOT NULL REFERENCES messages (id),"
                           " user_id TEXT NOT NULL,"
                           " delivered_at BIGINT NOT NULL DEFAULT 0,"
                           " read_at BIGINT NOT NULL DEFAULT 0,"
                           " PRIMARY KEY (message_row, user_id))"),
            // The text is indexed as TextIndex::normalize() makes it (accents and Arabic
            // vowel marks removed, emoji as words), so the index keeps its own copy.
            QStringLiteral("CREATE VIRTUAL TABLE messages_fts USING fts5 (body,"
                           " tokenize = \"unicode61 remove_diacritics 0 categories 'L* N* Co "
                           "So'\", prefix = '2 3')"),
            QStringLiteral("CREATE TABLE outbox ("
                           " message_row INTEGER PRIMARY KEY REFERENCES messages (id),"
                           " recipient_user_id TEXT NOT NULL,"
                           " plaintext BLOB NOT NULL," // the exact bytes every attempt seals
                           " attempts INTEGER NOT NULL DEFAULT 0,"
                           " failed INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral(
                "CREATE TABLE sync_state (name TEXT PRIMARY KEY, value BIGINT NOT NULL)"),
            QStringLiteral("CREATE TABLE peer_devices ("
                           " user_id TEXT NOT NULL,"
                           " device_id TEXT NOT NULL,"
                           " public_key BLOB NOT NULL," // pinned at first sight
                           " first_seen BIGINT NOT NULL,"
                           " PRIMARY KEY (user_id, device_id))"),
        },
        // 2: the server's id of each chat (docs/protocol.md 4.19), learned from POST /chats or
        // from the first message. Not unique: a lying server must not make a batch fail.
        {
            QStringLiteral("ALTER TABLE chats ADD COLUMN server_id TEXT"),
            QStringLiteral("CREATE INDEX chats_by_server_id ON chats (server_id)"),
        },
        // 3: replies, edits, deletion for everyone and reactions (docs/protocol.md 7.3). Own
        // edits and reactions wait in the outbox as hidden rows of kind 'edit' / 'reaction'.
        {
            QStringLiteral("ALTER TABLE messages ADD COLUMN reply_to_id TEXT"),
            QStringLiteral("ALTER TABLE messages ADD COLUMN reply_to_sender TEXT"),
            QStringLiteral("ALTER TABLE messages ADD COLUMN edited_at BIGINT NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE messages ADD COLUMN deleted_at BIGINT NOT NULL DEFAULT 0"),
            // Incoming messages: when the server took this account's message:read for them; 0
            // unread, -1 read here with the receipt still to send (sent again after a reconnect).
            QStringLiteral("ALTER TABLE messages ADD COLUMN read_at BIGINT NOT NULL DEFAULT 0"),
            QStringLiteral("CREATE TABLE reactions ("
                           " message_row INTEGER NOT NULL REFERENCES messages (id),"
                           " user_id TEXT NOT NULL," // '' for this account
                           " emoji TEXT NOT NULL,"
                           " at BIGINT NOT NULL,"
                           " PRIMARY KEY (message_row, user_id))"),
        },
        // 4: who a chat is with, as the server's card for the user says (docs/protocol.md 4.28):
        // the name goes in chats.title, the number in peer_phone once it is shown.
        {
            QStringLiteral("ALTER TABLE chats ADD COLUMN peer_about TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE chats ADD COLUMN card_fetched_at BIGINT NOT NULL "
                           "DEFAULT 0"),
        },
        // 5: the people whose safety number the user compared and marked as verified
        // (docs/protocol.md 7.7), with the number they verified. It holds while the number is
        // the same; a new device of theirs clears it.
        {
            QStringLiteral("CREATE TABLE verified_peers ("
                           " user_id TEXT PRIMARY KEY,"
                           " safety_number TEXT NOT NULL,"
                           " verified_at BIGINT NOT NULL)"),
        },
        // 6: the address book imported on this device (vCards), by E.164 number, and who of it
        // is on Parley (POST /users/contacts/sync, docs/protocol.md 4.14). It stays here: the
        // server gets only the hashes.
        {
            QStringLiteral("CREATE TABLE contacts ("
                           " phone TEXT PRIMARY KEY," // E.164
                           " name TEXT NOT NULL," // as the address book has it
                           " user_id TEXT," // the account of the number, once found
                           " display_name TEXT NOT NULL DEFAULT '',"
                           " imported_at BIGINT NOT NULL,"
                           " checked_at BIGINT NOT NULL DEFAULT 0)"),
        },
    };
    return migrations;
}

} // namespace parley::store
