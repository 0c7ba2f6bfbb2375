#pragma once

#include <QList>
#include <QStringList>

namespace parley::server {

// The server schema as a list of migrations: entry N brings the database from version N to N+1.
// The same statements run on SQLite and PostgreSQL.
const QList<QStringList> &schemaMigrations();

} // namespace parley::server
