// JobRunner: runs one claimed job through the sync pipeline and records its
// progress, events, result and final state in the job store.
#pragma once

#include <string>

#include "core/progress.h"
#include "jobs/job.h"
#include "pipeline/sync_pipeline.h"
#include "store/job_store.h"

namespace ytl {

struct JobRunnerConfig {
  PipelineConfig pipeline;            // work_dir is replaced by a per-job scratch folder
  std::string scratch_root = "/tmp";  // where per-job scratch folders are made
  double progress_interval_s = 0.25;  // at most one progress write per interval
  double cancel_poll_interval_s = 1;  // how often a running job checks for a cancel
  int fault_delay_ms = 0;             // tests and demos: added at the start of every stage
  std::string fault_fail_at_stage;    // tests and demos: every job fails at this stage

  Status Validate() const;
};

// What became of a run.
enum class RunOutcome { kFinished, kRequeued, kLeaseLost };

class JobRunner {
 public:
  // `store` and the engines must outlive the runner. Thread-safe: workers
  // share one runner.
  JobRunner(JobStore& store, SyncEngines engines, JobRunnerConfig config);

  // Runs `job` (claimed by this worker, with its lease_version). When
  // `shutdown` is set mid-run, the job stops at its next checkpoint and goes
  // back to the queue with its finished stages cached.
  RunOutcome Run(const Job& job, const CancelToken& shutdown) const;

 private:
  Result<SyncRequest> RequestFor(const Job& job) const;

  JobStore& store_;
  SyncEngines engines_;
  JobRunnerConfig config_;
};

}  // namespace ytl
