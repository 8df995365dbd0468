#include "store/sqlite/sqlite_store_config.h"

namespace ytl {

Status SqliteStoreConfig::Validate() const {
  if (data_dir.empty()) {
    return Status::InvalidInput(
        "SqliteStoreConfig.data_dir is empty; set it to a folder for the "
        "job database, uploads and artifacts");
  }
  if (busy_timeout_ms < 0 || busy_timeout_ms > 600'000) {
    return Status::InvalidInput("SqliteStoreConfig.busy_timeout_ms is " +
                                std::to_string(busy_timeout_ms) +
                                "; set it between 0 and 600000 (5000 is a good default)");
  }
  if (lease_ms < 1) {
    return Status::InvalidInput("SqliteStoreConfig.lease_ms is " + std::to_string(lease_ms) +
                                "; set it to a positive number of milliseconds");
  }
  return Status::Ok();
}

}  // namespace ytl
