// SqliteStoreConfig: where and how SqliteJobStore keeps its data.
#pragma once

#include <string>

#include "core/status.h"
#include "store/job_store.h"

namespace ytl {

struct SqliteStoreConfig {
  // Folder for jobs.db (+ its -wal and -shm files), uploads/ and artifacts/.
  // Created when missing. Several processes may open the same folder.
  std::string data_dir;
  // How long a write waits for another connection's (or process's) lock
  // before failing with Unavailable.
  int busy_timeout_ms = 5000;
  // true: synchronous=FULL, every commit is fsync'ed to the WAL, so an
  // accepted job survives a power loss. false: synchronous=NORMAL, commits
  // survive a process crash but the last ones may roll back on power loss;
  // faster for tests and throw-away servers.
  bool sync_every_commit = true;
  // How long a claim or a lease renewal holds a job (see JobStore::RenewLease).
  std::int64_t lease_ms = kDefaultLeaseMs;

  Status Validate() const;
};

}  // namespace ytl
