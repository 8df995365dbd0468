// `yt-lyrics serve`: the job server. HTTP API v1 on Boost.Beast, jobs in SQLite under the data
// dir, a worker pool running the sync pipeline, graceful drain on SIGTERM/SIGINT.
#pragma once

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include "core/progress.h"

namespace ytl::cli {

// One job thread per core.
inline int DefaultWorkerCount() {
  return std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
}

// Every field also comes from an environment variable (see AddServeCommand in main.cc).
struct ServeOptions {
  std::string listen = "0.0.0.0:8080";      // HOST:PORT; port 0 picks a free one (logged)
  std::string data_dir = "yt-lyrics-data";  // jobs.db, uploads/, artifacts/, scratch/
  // Job store: "" for SQLite in data_dir, sqlite:DIR, or postgres://... (shared by many nodes).
  std::string store;
  int workers = DefaultWorkerCount();     // job threads; 0: none, an API-only node
  int io_threads = 2;                     // HTTP I/O threads
  double grace_period_s = 25;             // on SIGTERM, how long running jobs may finish
  std::vector<std::string> cors_origins;  // allowed origins ("*" for any)
  std::vector<std::string> api_keys;      // Bearer tokens; none: the API is open
  bool allow_private_urls = false;        // let URLs reach private / loopback hosts
  double max_upload_mb = 200;             // larger uploads: 413
  double max_lyrics_kb = 64;              // larger lyric sheets: 413
  double max_duration_s = 3600;           // longer uploads: 422; a longer URL song fails its job
  double stage_time_limit_s = 1800;       // a job's stage running longer fails it; 0: none
  int max_jobs_per_client = 20;           // queued or running per client: more get 429
  std::string yt_dlp_path = "yt-dlp";
  double yt_dlp_timeout_s = 600;
  std::string separator = "dsp";           // dsp | none | demucs
  std::string model_dir;                   // PocketSphinx en-us model folder; empty: Debian's
  int fault_delay_ms = 0;                  // tests and demos: delay at the start of every stage
  std::string fault_fail_at;               // tests and demos: every job fails at this stage
  int fault_shift_ms = 0;                  // tests and demos: every second line's words later
  std::vector<std::string> race_backends;  // the racing page's preset backend URLs (/v1/config)
  // Jobs without lyrics: LRCLIB server to look them up on ("": transcribe straight away), then
  // the transcription engine (sphinx | whisper) and its ggml model.
  std::string lrclib_url;
  std::string recognizer = "sphinx";
  std::string whisper_model;
};

// Runs the server until `stop` is cancelled (SIGTERM/SIGINT), drains and returns the exit code:
// 0 after a clean drain, the usual error codes when startup fails. Logs JSON lines to stdout,
// among them {"event":"listening","msg":"listening on HOST:PORT",...}.
int RunServe(const ServeOptions& options, const CancelToken& stop);

}  // namespace ytl::cli
