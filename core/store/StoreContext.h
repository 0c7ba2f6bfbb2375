#pragma once

#include "core/protocol/Result.h"
#include "core/sql/Database.h"
#include "core/store/ChatStore.h"
#include "core/store/ContactStore.h"
#include "core/store/MessageStore.h"
#include "core/store/PeerKeyStore.h"

namespace parley::store {

// What a store job works with, on the store thread: the connection and the stores over it.
class StoreContext
{
public:
    StoreContext();

    protocol::Result<void> open(const QString &path);
    void close();
    bool isOpen() const { return m_open; }

    sql::Database &database() { return m_db; }
    ChatStore &chats() { return m_chats; }
    MessageStore &messages() { return m_messages; }
    PeerKeyStore &peerKeys() { return m_peerKeys; }
    ContactStore &contacts() { return m_contacts; }

private:
    sql::Database m_db;
    ChatStore m_chats;
    MessageStore m_messages;
    PeerKeyStore m_peerKeys;
    ContactStore m_contacts;
    bool m_open = false;
};

} // namespace parley::store
