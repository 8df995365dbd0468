#include "jobs/job_progress.h"

#include <thread>

namespace ytl {

JobProgress::JobProgress(JobStore& store, const Job& job, const CancelToken& shutdown,
                         CancelToken& job_cancel, JobProgressConfig config)
    : store_(store),
      job_id_(job.id),
      lease_version_(job.lease_version),
      shutdown_(shutdown),
      job_cancel_(job_cancel),
      config_(std::move(config)) {}

void JobProgress::OnProgress(std::string_view stage, double fraction) {
  std::unique_lock<std::mutex> lock(mu_);
  const auto now = std::chrono::steady_clock::now();
  if (shutdown_.cancelled()) job_cancel_.Cancel();
  const bool new_stage = stage != stage_;
  if (new_stage) stage_ = stage;
  const double interval_s = std::chrono::duration<double>(now - last_write_).count();
  if (new_stage || fraction >= 1.0 || interval_s >= config_.progress_interval_s) {
    last_write_ = now;
    // The store appends the "stage" and "progress" events in the same
    // transaction, after checking the lease: a worker that lost its lease
    // can no longer add events to a job another worker now runs.
    Write(store_.UpdateProgress(job_id_, lease_version_, stage_, fraction));
  }
  PollForCancel(now);
  if (new_stage) {
    lock.unlock();
    InjectFaults(std::string(stage));
  }
}

void JobProgress::Write(const Status& status) {
  if (IsLeaseLost(status)) {
    lease_lost_ = true;
    job_cancel_.Cancel();
  } else if (status.code() == Status::Code::kCancelled) {
    cancel_requested_ = true;  // the store refuses progress once a cancel is requested
    job_cancel_.Cancel();
  }
}

void JobProgress::PollForCancel(std::chrono::steady_clock::time_point now) {
  if (std::chrono::duration<double>(now - last_poll_).count() < config_.cancel_poll_interval_s) {
    return;
  }
  last_poll_ = now;
  auto job = store_.GetJob(job_id_);
  if (job.ok() && job->cancel_requested) {
    cancel_requested_ = true;
    job_cancel_.Cancel();
  }
}

void JobProgress::InjectFaults(const std::string& stage) {
  for (int waited_ms = 0; waited_ms < config_.fault_delay_ms && !job_cancel_.cancelled();
       waited_ms += 10) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    if (shutdown_.cancelled()) job_cancel_.Cancel();
  }
  if (!config_.fault_fail_at_stage.empty() && stage == config_.fault_fail_at_stage) {
    std::lock_guard<std::mutex> lock(mu_);
    fault_injected_ = true;
    job_cancel_.Cancel();
  }
}

bool JobProgress::fault_injected() const {
  std::lock_guard<std::mutex> lock(mu_);
  return fault_injected_;
}

bool JobProgress::lease_lost() const {
  std::lock_guard<std::mutex> lock(mu_);
  return lease_lost_;
}

bool JobProgress::cancel_requested() const {
  std::lock_guard<std::mutex> lock(mu_);
  return cancel_requested_;
}

}  // namespace ytl
