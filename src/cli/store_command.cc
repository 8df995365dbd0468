#include "cli/store_command.h"

#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/exit_codes.h"
#include "cli/store_selection.h"
#include "store/postgres/pg_store.h"

namespace ytl::cli {
namespace {

nlohmann::json CountsJson(const JobCounts& counts) {
  return {{"queued", counts.queued},
          {"running", counts.running},
          {"succeeded", counts.succeeded},
          {"failed", counts.failed},
          {"cancelled", counts.cancelled}};
}

Result<nlohmann::json> Migrate(const StoreSelection& selection) {
  switch (selection.kind) {
    case StoreKind::kSqlite: {
      auto store = OpenStore(selection);  // SQLite migrates when opened
      if (!store.ok()) return store.status();
      return nlohmann::json{{"migrated", true}};
    }
    case StoreKind::kPostgres: {
      PgStoreConfig config;
      config.url = selection.location;
      auto applied = MigratePgStore(config);
      if (!applied.ok()) return applied.status();
      return nlohmann::json{{"migrated", true}, {"migrations_applied", *applied}};
    }
  }
  return Status::Internal("unknown store kind");
}

Result<nlohmann::json> Describe(const StoreSelection& selection) {
  switch (selection.kind) {
    case StoreKind::kSqlite: {
      auto store = OpenStore(selection);
      if (!store.ok()) return store.status();
      auto counts = (*store)->CountByState();
      if (!counts.ok()) return counts.status();
      return nlohmann::json{{"jobs", CountsJson(*counts)}};
    }
    case StoreKind::kPostgres: {
      PgStoreConfig config;
      config.url = selection.location;
      auto status = ReadPgStoreStatus(config);
      if (!status.ok()) return status.status();
      return nlohmann::json{{"schema_version", status->schema_version},
                            {"latest_schema_version", status->latest_schema_version},
                            {"leases_held", status->leases_held},
                            {"leases_expired", status->leases_expired},
                            {"chunks", status->chunk_count},
                            {"chunk_bytes", status->chunk_bytes},
                            {"jobs", CountsJson(status->jobs)}};
    }
  }
  return Status::Internal("unknown store kind");
}

}  // namespace

int RunStoreCommand(const StoreCommandOptions& options) {
  auto selection = ParseStoreSelection(options.store, "");
  if (!selection.ok() || selection->location.empty()) {
    std::cerr << (selection.ok() ? "--store is required: sqlite:DIR or postgres://... (or "
                                   "YT_LYRICS_STORE)"
                                 : selection.status().message())
              << "\n";
    return kExitUsage;
  }
  auto report = options.action == "migrate" ? Migrate(*selection) : Describe(*selection);
  if (!report.ok()) {
    std::cerr << "store " << options.action << " on " << DescribeStore(*selection)
              << " failed: " << report.status().message() << "\n";
    return ExitCodeFor(report.status());
  }
  (*report)["store"] = DescribeStore(*selection);
  std::cout << report->dump() << "\n";
  return kExitOk;
}

}  // namespace ytl::cli
