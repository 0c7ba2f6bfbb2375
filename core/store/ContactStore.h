#pragma once

#include "core/protocol/Result.h"

#include <QList>
#include <QString>

namespace parley::sql {
class Database;
}

namespace parley::store {

// A person of the imported address book, and their Parley account once found.
struct Contact
{
    QString phone; // E.164
    QString name; // from the address book
    QString userId; // empty: not on Parley (or not checked yet)
    QString displayName; // their Parley name, when on Parley
    qint64 checkedAt = 0; // when the server was last asked about the number; 0: never
};

// The address book imported on this device (client migration 6). Plain SQL on the store
// thread.
class ContactStore
{
public:
    explicit ContactStore(sql::Database &db);

    // Adds the contacts, or renames those known; the numbers that are new.
    protocol::Result<int> add(const QList<Contact> &contacts, qint64 now);
    // Every contact, by name.
    protocol::Result<QList<Contact>> all();
    // What the server said about these numbers: the matches, and no account for the rest.
    protocol::Result<void> setAccounts(const QStringList &checkedPhones,
                                       const QList<Contact> &matches, qint64 now);
    // Removes the whole address book from this device.
    protocol::Result<void> clear();

private:
    sql::Database &m_db;
};

} // namespace parley::store
