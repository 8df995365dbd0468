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
  // How long PostgreSQL waits for the next statement of an open transaction
  // before it ends the session. The store's transactions are statements sent
  // back to back, so only a stalled process (stopped, a frozen VM, a network
  // partition) waits that long; without the limit, the rows it had written
  // but not committed (a blob chunk, its job's row) stay locked and every
  // other node writing the same rows waits for it. 0 turns the limit off.
  int idle_in_transaction_timeout_ms = 10'000;

  Status Validate() const;
};

// The URL with any password replaced by "***", for logs and messages.
std::string RedactedUrl(const std::string& url);

}  // namespace ytl
