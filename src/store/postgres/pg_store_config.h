// PgStoreConfig: which PostgreSQL database PgJobStore uses, and how.
#pragma once

#include <cstdint>
#include <string>

#include "core/status.h"
#include "store/job_store.h"

namespace ytl {

struct PgStoreConfig {
  // libpq connection URI (postgres://user:password@host:port/dbname?...) or
  // key=value string. Every node of a deployment names the same database.
  std::string url;
  // How long a claim or a lease renewal holds a job (see JobStore::RenewLease).
  std::int64_t lease_ms = kDefaultLeaseMs;
  // Connections the store's calls share (each call holds one while it runs);
  // one more connection LISTENs for events.
  int pool_size = 4;
  // Where UploadPath writes an upload's bytes as a file for the pipeline;
  // "" uses <system temp dir>/yt-lyrics-uploads.
  std::string upload_cache_dir;
  // How long opening a connection may take before the call fails.
  int connect_timeout_s = 5;

  Status Validate() const;
};

// The URL with any password replaced by "***", for logs and messages.
std::string RedactedUrl(const std::string& url);

}  // namespace ytl
