// RaceRunner: runs one race over the network. It starts the backends the plan says, follows
// each job by polling GET /v1/jobs/{id} on its own thread, feeds what it sees to a RaceState,
// cancels losers or stalled jobs, and returns when every backend has an outcome.
#pragma once

#include <functional>
#include <string>

#include "core/progress.h"
#include "net/http_client.h"
#include "race/job_api_client.h"
#include "race/race_state.h"

namespace ytl::race {

struct RaceRunConfig {
  double stall_s = 300;           // a backend with no change for this long drops out
  bool cancel_losers = false;     // cancel the others once one wins (else they run on)
  double poll_interval_s = 0.25;  // how often each job's state is read
  std::string api_key;            // sent to every backend as a Bearer token; empty: none

  // Names the first bad field and the fix.
  Status Validate() const;
};

// Called on the caller's thread whenever a backend's state or stage changes.
using RaceObserver = std::function<void(const RaceEntry& entry)>;

class RaceRunner {
 public:
  // `http` must outlive the runner.
  RaceRunner(const net::HttpClient& http, RacePlan plan, JobRequest job, RaceRunConfig config);

  // Runs the race to its end (or until `cancel` fires: the jobs started are then cancelled) and
  // returns its final state.
  RaceState Run(const CancelToken& cancel, const RaceObserver& observe);

 private:
  const net::HttpClient& http_;
  RacePlan plan_;
  JobRequest job_;
  RaceRunConfig config_;
};

}  // namespace ytl::race
