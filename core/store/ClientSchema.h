#pragma once

#include <QList>
#include <QStringList>

namespace parley::store {

// The local store's schema as a list of migrations: entry N brings a file from version N to
// N+1 (docs/architecture.md, "Client store"). Every row is keyed by a local chat id from the
// first version on, direct chats included, so that group chats need no migration of old rows.
const QList<QStringList> &clientMigrations();

} // namespace parley::store
