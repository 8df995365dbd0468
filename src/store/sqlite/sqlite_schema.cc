#include "store/sqlite/sqlite_schema.h"

#include <array>
#include <string_view>

#include "store/sqlite/sqlite_transaction.h"

namespace ytl::sqlite {
namespace {

// Migration i (1-based) takes the schema from version i-1 to i. Append new
// migrations; never edit one that has shipped.
constexpr std::array<std::string_view, 2> kMigrations = {
    R"sql(
-- position: creation order; orders listing (keyset cursor) and claiming.
CREATE TABLE jobs (
  position INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  request_json TEXT NOT NULL,
  state TEXT NOT NULL,
  stage TEXT NOT NULL DEFAULT '',
  progress REAL NOT NULL DEFAULT 0,
  stage_timings_json TEXT NOT NULL DEFAULT '{}',
  error_code TEXT NOT NULL DEFAULT '',
  error_message TEXT NOT NULL DEFAULT '',
  dedup_key TEXT NOT NULL DEFAULT '',
  attempts INTEGER NOT NULL DEFAULT 0,
  cancel_requested INTEGER NOT NULL DEFAULT 0,
  created_ms INTEGER NOT NULL,
  updated_ms INTEGER NOT NULL,
  finished_ms INTEGER NOT NULL DEFAULT 0,
  worker_id TEXT NOT NULL DEFAULT '',
  lease_version INTEGER NOT NULL DEFAULT 0,
  last_event_seq INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX jobs_by_state ON jobs(state, position);
-- At most one live (queued, running or succeeded) job per dedup key.
CREATE UNIQUE INDEX jobs_live_dedup ON jobs(dedup_key)
  WHERE dedup_key <> '' AND state IN ('queued', 'running', 'succeeded');
CREATE TABLE job_events (
  job_id TEXT NOT NULL REFERENCES jobs(id),
  seq INTEGER NOT NULL,
  type TEXT NOT NULL,
  data_json TEXT NOT NULL,
  time_ms INTEGER NOT NULL,
  PRIMARY KEY (job_id, seq)
) WITHOUT ROWID;
CREATE TABLE job_results (
  job_id TEXT PRIMARY KEY REFERENCES jobs(id),
  alignment_json TEXT NOT NULL,
  created_ms INTEGER NOT NULL
);
-- Upload bytes live in files (BlobDir); this is their metadata.
CREATE TABLE uploads (
  upload_id TEXT PRIMARY KEY,
  filename TEXT NOT NULL,
  size_bytes INTEGER NOT NULL,
  created_ms INTEGER NOT NULL
);
-- Written by CheckWritable.
CREATE TABLE store_probe (id INTEGER PRIMARY KEY CHECK (id = 1), checked_ms INTEGER NOT NULL);
)sql",
    R"sql(
-- Leases end unless renewed; a retried job waits until run_after_ms.
ALTER TABLE jobs ADD COLUMN lease_expires_ms INTEGER NOT NULL DEFAULT 0;
ALTER TABLE jobs ADD COLUMN run_after_ms INTEGER NOT NULL DEFAULT 0;
)sql",
};

Result<int> ReadVersion(Connection& connection) {
  YTL_RETURN_IF_ERROR(
      connection.Exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"));
  Result<Statement> select = connection.Prepare("SELECT version FROM schema_version");
  if (!select.ok()) return select.status();
  Result<bool> row = select->Step();
  if (!row.ok()) return row.status();
  return *row ? static_cast<int>(select->Int(0)) : 0;
}

Status WriteVersion(Connection& connection, int version) {
  YTL_RETURN_IF_ERROR(connection.Exec("DELETE FROM schema_version"));
  Result<Statement> insert = connection.Prepare("INSERT INTO schema_version (version) VALUES (?1)");
  if (!insert.ok()) return insert.status();
  return insert->Bind(1, version).Run();
}

}  // namespace

int LatestSchemaVersion() { return static_cast<int>(kMigrations.size()); }

Status MigrateSchema(Connection& connection) {
  Result<Transaction> transaction = Transaction::BeginWrite(connection);
  if (!transaction.ok()) return transaction.status();
  Result<int> version = ReadVersion(connection);
  if (!version.ok()) return version.status();
  if (*version > LatestSchemaVersion()) {
    return Status::Unavailable("database " + connection.path() + " has schema version " +
                               std::to_string(*version) + ", newer than this build knows (" +
                               std::to_string(LatestSchemaVersion()) +
                               "); run a newer yt-lyrics on this data dir");
  }
  for (int next = *version + 1; next <= LatestSchemaVersion(); ++next) {
    Status status = connection.Exec(std::string(kMigrations[next - 1]));
    if (!status.ok()) {
      return Status::Internal("migrating " + connection.path() + " to schema version " +
                              std::to_string(next) + " failed: " + status.message());
    }
  }
  if (*version != LatestSchemaVersion()) {
    YTL_RETURN_IF_ERROR(WriteVersion(connection, LatestSchemaVersion()));
  }
  return transaction->Commit();
}

}  // namespace ytl::sqlite
