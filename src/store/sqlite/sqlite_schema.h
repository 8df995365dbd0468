// The SQLite store's schema and its migrations.
//
// schema_version holds one row: the number of migrations applied. Open
// applies the missing ones in one write transaction, so two processes
// opening a fresh data dir at once migrate it once. A database newer than
// this build is refused rather than guessed at.
#pragma once

#include "core/status.h"
#include "store/sqlite/sqlite_connection.h"

namespace ytl::sqlite {

// The schema version this build writes.
int LatestSchemaVersion();

// Brings the database up to LatestSchemaVersion().
Status MigrateSchema(Connection& connection);

}  // namespace ytl::sqlite
