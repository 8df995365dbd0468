// `yt-lyrics worker`: a process that only runs jobs, from a store shared with
// API nodes and other workers (--store postgres://...). It claims jobs,
// renews their leases by heartbeat, re-queues jobs whose workers died, and
// drains on SIGTERM/SIGINT like `serve`.
#pragma once

#include <string>

#include "core/progress.h"

namespace ytl::cli {

// Every field also comes from an environment variable (see main.cc).
struct WorkerOptions {
  std::string store;       // sqlite:DIR or postgres://... (required)
  int workers = 1;         // job threads in this process
  std::string worker_id;   // prefix of the worker ids in the store; "": HOST-PID
  double lease_s = 30;     // a job not renewed for this long goes back to the queue
  double heartbeat_s = 0;  // how often leases are renewed and expired ones swept; 0: lease_s / 3
  int max_attempts = 3;    // claims a job gets (lease expiries and transient failures count)
  double retry_backoff_s = 2;  // first delay after a transient failure; doubles per attempt
  double grace_period_s = 25;  // on SIGTERM, how long running jobs may finish
  std::string scratch_dir;     // per-job scratch folders; "": <temp>/yt-lyrics-worker
  std::string yt_dlp_path = "yt-dlp";
  double yt_dlp_timeout_s = 600;
  double max_duration_s = 3600;
  double stage_time_limit_s = 1800;  // a job's stage running longer fails it; 0: none
  std::string separator = "dsp";
  std::string model_dir;
  std::string lrclib_url;             // jobs without lyrics: look them up here first
  std::string recognizer = "sphinx";  // sphinx | whisper
  std::string whisper_model;          // ggml model file for whisper
  int fault_delay_ms = 0;             // tests and demos: delay at the start of every stage
  std::string fault_fail_at;          // tests and demos: every job fails at this stage
  int fault_shift_ms = 0;             // tests and demos: every second line's words later
  int fault_transient_attempts = 0;   // tests and demos: attempts up to this fail transiently
};

// Runs until `stop` is cancelled, drains and returns the exit code. Logs
// JSON lines to stdout, among them {"event":"worker_started",...}.
int RunWorker(const WorkerOptions& options, const CancelToken& stop);

}  // namespace ytl::cli
