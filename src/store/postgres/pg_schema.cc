#include "store/postgres/pg_schema.h"

#include <array>
#include <chrono>
#include <string_view>

namespace ytl::pg {
namespace {

// Key of the advisory lock taken while migrating ("ytl-mig" in ASCII).
constexpr std::int64_t kMigrationLockKey = 0x79746c2d6d6967;

// Migration i (1-based) takes the schema from version i-1 to i. Append new
// migrations; never edit one that has shipped.
constexpr std::array<std::string_view, 1> kMigrations = {
    R"sql(
-- position: creation order; orders listing (keyset cursor) and claiming.
CREATE TABLE jobs (
  position BIGSERIAL PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  request_json TEXT NOT NULL,
  state TEXT NOT NULL,
  stage TEXT NOT NULL DEFAULT '',
  progress DOUBLE PRECISION NOT NULL DEFAULT 0,
  stage_timings_json TEXT NOT NULL DEFAULT '{}',
  error_code TEXT NOT NULL DEFAULT '',
  error_message TEXT NOT NULL DEFAULT '',
  dedup_key TEXT NOT NULL DEFAULT '',
  attempts INTEGER NOT NULL DEFAULT 0,
  cancel_requested INTEGER NOT NULL DEFAULT 0,
  created_ms BIGINT NOT NULL,
  updated_ms BIGINT NOT NULL,
  finished_ms BIGINT NOT NULL DEFAULT 0,
  worker_id TEXT NOT NULL DEFAULT '',
  lease_version BIGINT NOT NULL DEFAULT 0,
  lease_expires_ms BIGINT NOT NULL DEFAULT 0,
  run_after_ms BIGINT NOT NULL DEFAULT 0,
  last_event_seq BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX jobs_by_state ON jobs (state, position);
CREATE INDEX jobs_queue ON jobs (position) WHERE state = 'queued';
CREATE INDEX jobs_leases ON jobs (lease_expires_ms) WHERE state = 'running';
-- At most one live (queued, running or succeeded) job per dedup key.
CREATE UNIQUE INDEX jobs_live_dedup ON jobs (dedup_key)
  WHERE dedup_key <> '' AND state IN ('queued', 'running', 'succeeded');
CREATE TABLE job_events (
  job_id TEXT NOT NULL REFERENCES jobs (id),
  seq BIGINT NOT NULL,
  type TEXT NOT NULL,
  data_json TEXT NOT NULL,
  time_ms BIGINT NOT NULL,
  PRIMARY KEY (job_id, seq)
);
CREATE TABLE job_results (
  job_id TEXT PRIMARY KEY REFERENCES jobs (id),
  alignment_json TEXT NOT NULL,
  created_ms BIGINT NOT NULL
);
-- Artifacts and uploads: named blobs made of content-addressed chunks, so
-- equal chunks (the same song uploaded twice, a repeated stage output) are
-- stored once.
CREATE TABLE blob_chunks (sha256 TEXT PRIMARY KEY, bytes BYTEA NOT NULL);
CREATE TABLE blobs (name TEXT PRIMARY KEY, size_bytes BIGINT NOT NULL, created_ms BIGINT NOT NULL);
CREATE TABLE blob_parts (
  name TEXT NOT NULL,
  part INTEGER NOT NULL,
  sha256 TEXT NOT NULL REFERENCES blob_chunks (sha256),
  PRIMARY KEY (name, part)
);
CREATE TABLE uploads (
  upload_id TEXT PRIMARY KEY,
  filename TEXT NOT NULL,
  size_bytes BIGINT NOT NULL,
  created_ms BIGINT NOT NULL
);
-- Written by CheckWritable.
CREATE TABLE store_probe (id INTEGER PRIMARY KEY CHECK (id = 1), checked_ms BIGINT NOT NULL);
)sql",
};

std::int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

int VersionIn(pqxx::transaction_base& tx) {
  const pqxx::row exists = tx.exec1("SELECT to_regclass('schema_migrations') IS NOT NULL");
  if (!exists[0].as<bool>()) return 0;
  return tx.exec1("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")[0].as<int>();
}

}  // namespace

int LatestSchemaVersion() { return static_cast<int>(kMigrations.size()); }

int ReadSchemaVersion(pqxx::connection& connection) {
  pqxx::read_transaction tx(connection);
  return VersionIn(tx);
}

Result<int> MigrateSchema(pqxx::connection& connection) {
  pqxx::work tx(connection);
  tx.exec_params("SELECT pg_advisory_xact_lock($1)", kMigrationLockKey);
  tx.exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations "
      "(version INTEGER PRIMARY KEY, applied_ms BIGINT NOT NULL)");
  const int version = VersionIn(tx);
  if (version > LatestSchemaVersion()) {
    return Status::Unavailable("the PostgreSQL job store has schema version " +
                               std::to_string(version) + ", newer than this build knows (" +
                               std::to_string(LatestSchemaVersion()) +
                               "); run a newer yt-lyrics against this database");
  }
  for (int next = version + 1; next <= LatestSchemaVersion(); ++next) {
    tx.exec(std::string(kMigrations[next - 1]));
    tx.exec_params("INSERT INTO schema_migrations (version, applied_ms) VALUES ($1, $2)", next,
                   NowMs());
  }
  tx.commit();
  return LatestSchemaVersion() - version;
}

}  // namespace ytl::pg
