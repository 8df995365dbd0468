// Which JobStore a command uses: `--store sqlite:DIR` or `--store
// postgres://...` (also from YT_LYRICS_STORE), chosen by kind.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "core/status.h"
#include "store/job_store.h"

namespace ytl::cli {

enum class StoreKind { kSqlite, kPostgres };

struct StoreSelection {
  StoreKind kind = StoreKind::kSqlite;
  std::string location;  // the data dir (SQLite) or the connection URL (PostgreSQL)
};

// Parses "sqlite:DIR", "postgres://..." or "postgresql://..."; "" selects
// SQLite in `default_data_dir`. InvalidInput naming the text otherwise.
Result<StoreSelection> ParseStoreSelection(const std::string& text,
                                           const std::string& default_data_dir);

// For logs and messages: the kind and location, any password hidden.
std::string DescribeStore(const StoreSelection& selection);

// Opens the store (applying schema migrations). `lease_ms` is the lease
// its claims grant.
Result<std::unique_ptr<JobStore>> OpenStore(const StoreSelection& selection,
                                            std::int64_t lease_ms = kDefaultLeaseMs);

}  // namespace ytl::cli
