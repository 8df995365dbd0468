// JobWorkers: the job-running side of a process (`serve` with workers, or
// `worker`): the engines, the stage cache kept in the store, the runner and
// the worker pool, built and owned together.
#pragma once

#include <memory>
#include <string>

#include "cli/engines.h"
#include "core/status.h"
#include "jobs/job_runner.h"
#include "jobs/store_stage_cache.h"
#include "jobs/worker_pool.h"
#include "store/job_store.h"

namespace ytl::cli {

struct JobWorkerOptions {
  std::string separator = "dsp";      // dsp | none | demucs
  std::string model_dir;              // PocketSphinx en-us folder; empty: Debian's
  std::string lrclib_url;             // no lyrics: look them up here first; "": transcribe at once
  std::string recognizer = "sphinx";  // sphinx | whisper
  std::string whisper_model;          // ggml model file for whisper
  std::string yt_dlp_path = "yt-dlp";
  double yt_dlp_timeout_s = 600;
  double max_duration_s = 3600;      // longer songs fail their job
  double stage_time_limit_s = 1800;  // a stage running longer fails its job; 0: none
  std::string scratch_dir;           // per-job scratch folders go here (created)
  JobRunnerConfig runner;            // retries and fault injection; pipeline set from the above
  WorkerPoolConfig pool;             // threads, worker id, heartbeat
};

// The engine and fault settings that serve and worker share, from either's options.
template <typename Options>
JobWorkerOptions EngineSettingsOf(const Options& o) {
  JobWorkerOptions settings;
  settings.separator = o.separator;
  settings.model_dir = o.model_dir;
  settings.lrclib_url = o.lrclib_url;
  settings.recognizer = o.recognizer;
  settings.whisper_model = o.whisper_model;
  settings.yt_dlp_path = o.yt_dlp_path;
  settings.yt_dlp_timeout_s = o.yt_dlp_timeout_s;
  settings.max_duration_s = o.max_duration_s;
  settings.stage_time_limit_s = o.stage_time_limit_s;
  settings.runner.fault_delay_ms = o.fault_delay_ms;
  settings.runner.fault_fail_at_stage = o.fault_fail_at;
  settings.runner.fault_shift_ms = o.fault_shift_ms;
  return settings;
}

class JobWorkers {
 public:
  // `store` must outlive the workers. The pool is built, not started.
  static Result<std::unique_ptr<JobWorkers>> Build(JobStore& store,
                                                   const JobWorkerOptions& options);

  WorkerPool& pool() { return *pool_; }

 private:
  JobWorkers() = default;

  std::unique_ptr<Engines> engines_;
  std::unique_ptr<StoreStageCache> cache_;
  std::unique_ptr<JobRunner> runner_;
  std::unique_ptr<WorkerPool> pool_;
};

}  // namespace ytl::cli
