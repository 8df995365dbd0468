#include "cli/store_selection.h"

#include "store/postgres/pg_store.h"
#include "store/sqlite/sqlite_job_store.h"

namespace ytl::cli {

Result<StoreSelection> ParseStoreSelection(const std::string& text,
                                           const std::string& default_data_dir) {
  if (text.empty()) return StoreSelection{StoreKind::kSqlite, default_data_dir};
  constexpr std::string_view kSqlite = "sqlite:";
  if (text.starts_with(kSqlite) && text.size() > kSqlite.size()) {
    return StoreSelection{StoreKind::kSqlite, text.substr(kSqlite.size())};
  }
  if (text.starts_with("postgres://") || text.starts_with("postgresql://")) {
    return StoreSelection{StoreKind::kPostgres, text};
  }
  return Status::InvalidInput("--store '" + RedactedUrl(text) +
                              "' names no known store; use sqlite:DIR or "
                              "postgres://USER@HOST:PORT/DB");
}

std::string DescribeStore(const StoreSelection& selection) {
  switch (selection.kind) {
    case StoreKind::kSqlite:
      return "sqlite:" + selection.location;
    case StoreKind::kPostgres:
      return RedactedUrl(selection.location);
  }
  return "unknown store";
}

Result<std::unique_ptr<JobStore>> OpenStore(const StoreSelection& selection,
                                            std::int64_t lease_ms) {
  switch (selection.kind) {
    case StoreKind::kSqlite: {
      SqliteStoreConfig config;
      config.data_dir = selection.location;
      config.lease_ms = lease_ms;
      auto store = SqliteJobStore::Open(config);
      if (!store.ok()) return store.status();
      return std::unique_ptr<JobStore>(std::move(store).value());
    }
    case StoreKind::kPostgres: {
      PgStoreConfig config;
      config.url = selection.location;
      config.lease_ms = lease_ms;
      return OpenPgJobStore(config);
    }
  }
  return Status::Internal("unknown store kind");
}

}  // namespace ytl::cli
