#include "core/store/ContactStore.h"

#include "core/sql/Database.h"
#include "core/store/MessageRows.h"

#include <QSqlQuery>

namespace parley::store {

using protocol::Result;

ContactStore::ContactStore(sql::Database &db)
    : m_db(db)
{ }

Result<int> ContactStore::add(const QList<Contact> &contacts, qint64 now)
{
    return rows::inTransaction(m_db, [&]() -> Result<int> {
        int added = 0;
        for (const Contact &contact : contacts) {
            auto known = m_db.execCached(QStringLiteral("SELECT 1 FROM contacts WHERE phone = ?"),
                                         {contact.phone});
            if (!known)
                return known.error();
            QSqlQuery *query = known.value();
            const bool isNew = !query->next();
            query->finish();
            auto stored = m_db.runCached(
                QStringLiteral("INSERT INTO contacts (phone, name, imported_at) VALUES (?, ?, ?) "
                               "ON CONFLICT (phone) DO UPDATE SET name = excluded.name"),
                {contact.phone, contact.name, now});
            if (!stored)
                return stored.error();
            added += isNew ? 1 : 0;
        }
        return added;
    });
}

Result<QList<Contact>> ContactStore::all()
{
    auto q = m_db.exec(QStringLiteral("SELECT phone, name, COALESCE(user_id, ''), display_name, "
                                      "checked_at FROM contacts ORDER BY name COLLATE NOCASE"));
    if (!q)
        return q.error();
    QList<Contact> contacts;
    while (q->next()) {
        contacts.append({q->value(0).toString(), q->value(1).toString(), q->value(2).toString(),
                         q->value(3).toString(), q->value(4).toLongLong()});
    }
    return contacts;
}

Result<void> ContactStore::setAccounts(const QStringList &checkedPhones,
                                       const QList<Contact> &matches, qint64 now)
{
    return rows::inTransaction(m_db, [&]() -> Result<void> {
        for (const QString &phone : checkedPhones) {
            auto cleared = m_db.runCached(QStringLiteral("UPDATE contacts SET user_id = NULL, "
                                                         "display_name = '', checked_at = ? "
                                                         "WHERE phone = ?"),
                                          {now, phone});
            if (!cleared)
                return cleared;
        }
        for (const Contact &match : matches) {
            auto set = m_db.runCached(QStringLiteral("UPDATE contacts SET user_id = ?, "
                                                     "display_name = ?, checked_at = ? "
                                                     "WHERE phone = ?"),
                                      {match.userId, match.displayName, now, match.phone});
            if (!set)
                return set;
        }
        return {};
    });
}

Result<void> ContactStore::clear()
{
    return m_db.run(QStringLiteral("DELETE FROM contacts"));
}

} // namespace parley::store
