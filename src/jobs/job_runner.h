// JobRunner: runs one claimed job through the sync pipeline and records its
// progress, events, result and final state in the job store.
#pragma once

#include <string>

#include "alignment/alignment.h"
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
  // Tests and demos: the words of every second line (1, 3, ...) come out this much later, so
  // that two backends disagree on some lines (see ShiftEveryOtherLine).
  int fault_shift_ms = 0;
  // A job failing with a transient error (Status::Unavailable: a download,
  // a database hiccup) goes back to the queue until it was tried this often.
  int max_attempts = 1;
  double retry_backoff_s = 2;  // delay before the first retry; doubles with each attempt
  // Tests and demos: attempts up to this number fail at once with a
  // transient error.
  int fault_transient_attempts = 0;

  Status Validate() const;
};

// Moves the words of lines 1, 3, 5, ... and those lines by `seconds`, kept within
// [0, duration]: a result that disagrees with the true one on every second line.
void ShiftEveryOtherLine(Alignment& alignment, double seconds);

// What became of a run.
// kRetried: a transient failure put the job back in the queue for later.
enum class RunOutcome { kFinished, kRequeued, kLeaseLost, kRetried };

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
  // The pipeline's request for `job`: its upload, or its URL's song kept in the store.
  Result<SyncRequest> RequestFor(const Job& job, const std::string& scratch,
                                 const StageContext& ctx, double* download_s) const;
  // A URL job's song as a file in the store: downloaded with yt-dlp into `scratch`, checked
  // against the duration limit and kept as an upload (see jobs/job_audio.h) on the first run;
  // read back on a re-run. Sets `download_s` when it downloaded.
  Result<std::string> KeptDownload(const Job& job, const std::string& scratch,
                                   const StageContext& ctx, double* download_s) const;
  // Backoff before retrying a job that failed on its `attempts`-th claim.
  std::int64_t RetryDelayMs(int attempts) const;

  JobStore& store_;
  SyncEngines engines_;
  JobRunnerConfig config_;
};

}  // namespace ytl
