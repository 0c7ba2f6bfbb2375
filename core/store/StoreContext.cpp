#include "core/store/StoreContext.h"

#include "core/store/ClientSchema.h"

namespace parley::store {

StoreContext::StoreContext()
    : m_chats(m_db)
    , m_messages(m_db, m_chats)
    , m_peerKeys(m_db)
    , m_contacts(m_db)
{ }

protocol::Result<void> StoreContext::open(const QString &path)
{
    if (auto opened = m_db.openSqlite(path); !opened)
        return opened;
    if (auto migrated = m_db.migrate(clientMigrations()); !migrated)
        return migrated;
    m_open = true;
    return {};
}

void StoreContext::close()
{
    m_db.close();
    m_open = false;
}

} // namespace parley::store
