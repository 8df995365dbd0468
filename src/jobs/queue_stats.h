// QueueStats: what a node's workers counted about the job queue since they
// started (WorkerPool::stats), exported on /metrics.
#pragma once

#include <cstdint>

namespace ytl {

struct QueueStats {
  std::uint64_t claims = 0;          // jobs claimed
  std::uint64_t claim_calls = 0;     // ClaimNextJob calls, empty or not
  double claim_seconds_sum = 0;      // time spent in those calls
  std::uint64_t lease_expiries = 0;  // jobs this node's sweeps took back from lost workers
  std::uint64_t leases_lost = 0;     // jobs this node lost to an expiry
  std::uint64_t retries = 0;         // jobs given back after a transient failure
};

}  // namespace ytl
