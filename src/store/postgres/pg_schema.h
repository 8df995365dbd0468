// The PostgreSQL store's schema and its versioned migrations.
#pragma once

#include <pqxx/pqxx>

#include "core/status.h"

namespace ytl::pg {

// Version of the schema this build writes.
int LatestSchemaVersion();

// The version the database holds now (0: never migrated). Read-only.
int ReadSchemaVersion(pqxx::connection& connection);

// Brings the schema to LatestSchemaVersion in one transaction under a
// transaction-scoped advisory lock, so processes that start at once apply
// each migration exactly once; a no-op when already there. Returns the
// number of migrations applied. Unavailable when the database is newer than
// this build. May throw libpqxx exceptions (run it inside
// ConnectionPool::Run).
Result<int> MigrateSchema(pqxx::connection& connection);

}  // namespace ytl::pg
