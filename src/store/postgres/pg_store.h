// Opening the PostgreSQL JobStore without depending on libpqxx: the entry
// points the CLI uses. Builds without libpqxx get pg_store_stub.cc, whose
// functions return a clear Unavailable error.
#pragma once

#include <memory>

#include "core/status.h"
#include "store/clock.h"
#include "store/job_store.h"
#include "store/postgres/pg_store_config.h"

namespace ytl {

// True when this build has PostgreSQL support.
bool PgStoreAvailable();

// Connects, applies pending schema migrations (safe when several processes
// start at once) and starts listening for events. `clock` is not owned; null
// uses the system clock.
Result<std::unique_ptr<JobStore>> OpenPgJobStore(const PgStoreConfig& config,
                                                 const Clock* clock = nullptr);

// What `yt-lyrics store status` shows about a PostgreSQL store.
struct PgStoreStatus {
  int schema_version = 0;           // as the database holds it
  int latest_schema_version = 0;    // as this build writes it
  std::int64_t leases_held = 0;     // running jobs whose lease has not ended
  std::int64_t leases_expired = 0;  // running jobs whose lease ended (awaiting requeue)
  std::int64_t chunk_count = 0;     // distinct artifact/upload chunks stored
  std::int64_t chunk_bytes = 0;     // their total size
  JobCounts jobs;                   // jobs by state
};

// Reads the schema version and lease figures; changes nothing.
Result<PgStoreStatus> ReadPgStoreStatus(const PgStoreConfig& config);

// Applies pending migrations only; returns how many ran.
Result<int> MigratePgStore(const PgStoreConfig& config);

}  // namespace ytl
