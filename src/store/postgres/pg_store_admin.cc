// `yt-lyrics store migrate | status` on PostgreSQL: one-off connections.
#include <chrono>

#include "store/postgres/pg_connection_pool.h"
#include "store/postgres/pg_schema.h"
#include "store/postgres/pg_store.h"

namespace ytl {

Result<int> MigratePgStore(const PgStoreConfig& config) {
  YTL_RETURN_IF_ERROR(config.Validate());
  pg::ConnectionPool pool(config.url, 1, config.connect_timeout_s,
                          config.idle_in_transaction_timeout_ms);
  int applied = 0;
  YTL_RETURN_IF_ERROR(pool.Run([&](pqxx::connection& connection) -> Status {
    Result<int> migrated = pg::MigrateSchema(connection);
    if (!migrated.ok()) return migrated.status();
    applied = *migrated;
    return Status::Ok();
  }));
  return applied;
}

Result<PgStoreStatus> ReadPgStoreStatus(const PgStoreConfig& config) {
  YTL_RETURN_IF_ERROR(config.Validate());
  pg::ConnectionPool pool(config.url, 1, config.connect_timeout_s,
                          config.idle_in_transaction_timeout_ms);
  PgStoreStatus status;
  status.latest_schema_version = pg::LatestSchemaVersion();
  const std::int64_t now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                                  std::chrono::system_clock::now().time_since_epoch())
                                  .count();
  YTL_RETURN_IF_ERROR(pool.Run([&](pqxx::connection& connection) -> Status {
    status.schema_version = pg::ReadSchemaVersion(connection);
    if (status.schema_version == 0) return Status::Ok();
    pqxx::read_transaction tx(connection);
    const pqxx::row leases = tx.exec_params1(
        "SELECT COUNT(*) FILTER (WHERE lease_expires_ms >= $1), "
        "COUNT(*) FILTER (WHERE lease_expires_ms < $1) FROM jobs WHERE state = 'running'",
        now_ms);
    status.leases_held = leases[0].as<std::int64_t>();
    status.leases_expired = leases[1].as<std::int64_t>();
    const pqxx::row chunks =
        tx.exec1("SELECT COUNT(*), COALESCE(SUM(length(bytes)), 0) FROM blob_chunks");
    status.chunk_count = chunks[0].as<std::int64_t>();
    status.chunk_bytes = chunks[1].as<std::int64_t>();
    for (const pqxx::row& row : tx.exec("SELECT state, COUNT(*) FROM jobs GROUP BY state")) {
      if (auto state = ParseJobState(row[0].as<std::string>())) {
        status.jobs.For(*state) = row[1].as<std::int64_t>();
      }
    }
    return Status::Ok();
  }));
  return status;
}

}  // namespace ytl
