#include "cli/worker_command.h"

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <thread>

#include "cli/exit_codes.h"
#include "cli/job_workers.h"
#include "cli/store_selection.h"

namespace ytl::cli {
namespace {

void LogLine(const std::string& event, const std::string& message,
             nlohmann::json extra = nlohmann::json::object()) {
  extra["event"] = event;
  extra["msg"] = message;
  extra["time_ms"] = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
  std::cout << extra.dump() << std::endl;
}

std::string DefaultWorkerId() {
  char host[256] = {};
  if (gethostname(host, sizeof(host) - 1) != 0) host[0] = '\0';
  return std::string(host[0] != '\0' ? host : "worker") + "-" + std::to_string(getpid());
}

Status Check(const WorkerOptions& o) {
  if (o.workers < 1) return Status::InvalidInput("--workers must be at least 1 for a worker");
  if (o.lease_s <= 0) return Status::InvalidInput("--lease must be positive, in seconds");
  if (o.heartbeat_s < 0 || (o.heartbeat_s > 0 && o.heartbeat_s >= o.lease_s)) {
    return Status::InvalidInput(
        "--heartbeat must be under --lease (a third of it is a good value)");
  }
  return Status::Ok();
}

JobWorkerOptions Settings(const WorkerOptions& o) {
  JobWorkerOptions settings = EngineSettingsOf(o);
  settings.scratch_dir =
      !o.scratch_dir.empty()
          ? o.scratch_dir
          : (std::filesystem::temp_directory_path() / "yt-lyrics-worker").string();
  settings.runner.fault_transient_attempts = o.fault_transient_attempts;
  settings.runner.max_attempts = o.max_attempts;
  settings.runner.retry_backoff_s = o.retry_backoff_s;
  settings.pool.workers = o.workers;
  settings.pool.worker_id = !o.worker_id.empty() ? o.worker_id : DefaultWorkerId();
  settings.pool.heartbeat_interval_s = o.heartbeat_s > 0 ? o.heartbeat_s : o.lease_s / 3;
  settings.pool.max_attempts = o.max_attempts;
  return settings;
}

int Fail(const std::string& what, const Status& status) {
  LogLine("startup_failed", what + ": " + status.ToString());
  return ExitCodeFor(status);
}

}  // namespace

int RunWorker(const WorkerOptions& o, const CancelToken& stop) {
  if (Status valid = Check(o); !valid.ok()) return Fail("bad settings", valid);
  auto selection = ParseStoreSelection(o.store, "");
  if (!selection.ok()) return Fail("bad settings", selection.status());
  if (selection->location.empty()) {
    return Fail("bad settings",
                Status::InvalidInput("--store is required: postgres://USER@HOST:PORT/DB (or "
                                     "sqlite:DIR on one machine; YT_LYRICS_STORE)"));
  }
  auto store = OpenStore(*selection, static_cast<std::int64_t>(o.lease_s * 1000));
  if (!store.ok()) return Fail("cannot open the job store", store.status());
  const JobWorkerOptions settings = Settings(o);
  auto workers = JobWorkers::Build(**store, settings);
  if (!workers.ok()) return Fail("cannot start the workers", workers.status());
  WorkerPool& pool = (*workers)->pool();
  // A new job's first event (seq 1, "queued") wakes an idle thread at once,
  // wherever it was submitted.
  EventSubscription new_jobs = (*store)->Subscribe([&pool](const std::string&, std::int64_t seq) {
    if (seq == 1) pool.Notify();
  });
  pool.Start();
  LogLine("worker_started", "worker started on " + DescribeStore(*selection),
          {{"worker_id", settings.pool.worker_id},
           {"workers", o.workers},
           {"lease_s", o.lease_s},
           {"heartbeat_s", settings.pool.heartbeat_interval_s}});
  while (!stop.cancelled()) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  LogLine("draining", "stopping: running jobs get " + std::to_string(o.grace_period_s) +
                          " s to finish, the rest go back to the queue");
  new_jobs.Reset();
  pool.Drain(std::chrono::milliseconds(static_cast<long>(o.grace_period_s * 1000)));
  const QueueStats stats = pool.stats();
  LogLine("stopped", "drained and stopped",
          {{"claims", stats.claims},
           {"lease_expiries", stats.lease_expiries},
           {"leases_lost", stats.leases_lost},
           {"retries", stats.retries}});
  return kExitOk;
}

}  // namespace ytl::cli
