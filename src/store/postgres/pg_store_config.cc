#include "store/postgres/pg_store_config.h"

#include <regex>

namespace ytl {

Status PgStoreConfig::Validate() const {
  if (url.empty()) {
    return Status::InvalidInput(
        "PgStoreConfig.url is empty; pass --store postgres://USER@HOST:PORT/DB "
        "(or set YT_LYRICS_STORE)");
  }
  if (lease_ms < 1) {
    return Status::InvalidInput("PgStoreConfig.lease_ms is " + std::to_string(lease_ms) +
                                "; set it to a positive number of milliseconds");
  }
  if (pool_size < 1 || pool_size > 64) {
    return Status::InvalidInput("PgStoreConfig.pool_size is " + std::to_string(pool_size) +
                                "; set it between 1 and 64");
  }
  if (connect_timeout_s < 1) {
    return Status::InvalidInput("PgStoreConfig.connect_timeout_s must be at least 1");
  }
  if (idle_in_transaction_timeout_ms < 0) {
    return Status::InvalidInput(
        "PgStoreConfig.idle_in_transaction_timeout_ms is negative; use 0 for no limit");
  }
  return Status::Ok();
}

std::string RedactedUrl(const std::string& url) {
  static const std::regex kUriPassword(R"(^(postgres(ql)?://[^:/@]*):[^@]*@)");
  static const std::regex kKeyPassword(R"(password\s*=\s*\S+)");
  return std::regex_replace(std::regex_replace(url, kUriPassword, "$1:***@"), kKeyPassword,
                            "password=***");
}

}  // namespace ytl
