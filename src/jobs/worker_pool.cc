#include "jobs/worker_pool.h"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace ytl {

Status WorkerPoolConfig::Validate() const {
  if (workers < 0) return Status::InvalidInput("--workers must be 0 or more");
  if (idle_poll_s <= 0) return Status::InvalidInput("idle_poll_s must be positive");
  if (heartbeat_interval_s < 0) return Status::InvalidInput("--heartbeat must be 0 or more");
  if (max_attempts < 1) return Status::InvalidInput("--max-attempts must be at least 1");
  return Status::Ok();
}

WorkerPool::WorkerPool(JobStore& store, const JobRunner& runner, WorkerPoolConfig config)
    : store_(store), runner_(runner), config_(std::move(config)) {}

WorkerPool::~WorkerPool() { Drain(std::chrono::milliseconds(0)); }

void WorkerPool::Start() {
  for (int i = 0; i < config_.workers; ++i) slots_.push_back(std::make_unique<Slot>());
  for (int i = 0; i < config_.workers; ++i) threads_.emplace_back([this, i] { Work(i); });
  if (config_.heartbeat_interval_s > 0) heartbeat_ = std::thread([this] { Heartbeat(); });
}

void WorkerPool::Notify() { Wake(1); }

void WorkerPool::Wake(int workers) {
  {
    std::lock_guard lock(mu_);
    wakeups_ = std::min(wakeups_ + workers, config_.workers);
  }
  wake_.notify_all();
}

QueueStats WorkerPool::stats() const {
  std::lock_guard lock(stats_mu_);
  return stats_;
}

void WorkerPool::Work(int index) {
  ++alive_;
  Slot& slot = *slots_[index];
  const std::string worker_id = config_.worker_id + "-" + std::to_string(index);
  while (!draining_) {
    const auto asked = std::chrono::steady_clock::now();
    auto claimed = store_.ClaimNextJob(worker_id);
    {
      std::lock_guard lock(stats_mu_);
      ++stats_.claim_calls;
      stats_.claim_seconds_sum +=
          std::chrono::duration<double>(std::chrono::steady_clock::now() - asked).count();
      if (claimed.ok() && claimed->has_value()) ++stats_.claims;
    }
    if (!claimed.ok() || !claimed->has_value()) {
      if (!claimed.ok()) spdlog::warn("claiming a job failed: {}", claimed.status().ToString());
      std::unique_lock<std::mutex> lock(mu_);
      wake_.wait_for(lock, std::chrono::duration<double>(config_.idle_poll_s),
                     [this] { return draining_.load() || wakeups_ > 0; });
      if (wakeups_ > 0) --wakeups_;
      continue;
    }
    const Job& job = **claimed;
    ++busy_;
    spdlog::info("job {} claimed by {} (attempt {})", job.id, worker_id, job.attempts);
    auto stop = std::make_shared<CancelToken>();
    {
      std::lock_guard lock(slot.mu);
      slot.job_id = job.id;
      slot.lease_version = job.lease_version;
      slot.stop = stop;
      slot.lease_lost = false;
      if (shutdown_.cancelled()) stop->Cancel();
    }
    const RunOutcome outcome = runner_.Run(job, *stop);
    bool lease_lost = false;
    {
      std::lock_guard lock(slot.mu);
      slot.job_id.clear();
      lease_lost = slot.lease_lost;
    }
    if (outcome == RunOutcome::kLeaseLost || lease_lost) {
      spdlog::warn("job {} lost its lease; its result was not written", job.id);
      std::lock_guard lock(stats_mu_);
      ++stats_.leases_lost;
    } else if (outcome == RunOutcome::kRequeued) {
      auto requeued = store_.RequeueJobs(worker_id);
      spdlog::info("job {} put back in the queue for the next start", job.id);
      if (!requeued.ok()) spdlog::error("requeue failed: {}", requeued.status().ToString());
    } else if (outcome == RunOutcome::kRetried) {
      std::lock_guard lock(stats_mu_);
      ++stats_.retries;
    }
    --busy_;
    wake_.notify_all();
  }
  --alive_;
}

void WorkerPool::RenewHeldLeases() {
  for (const auto& slot : slots_) {
    std::string job_id;
    std::int64_t lease_version = 0;
    {
      std::lock_guard lock(slot->mu);
      job_id = slot->job_id;
      lease_version = slot->lease_version;
    }
    if (job_id.empty()) continue;
    const Status renewed = store_.RenewLease(job_id, lease_version);
    if (renewed.ok()) continue;
    std::lock_guard lock(slot->mu);
    if (slot->job_id != job_id || slot->lease_version != lease_version) continue;
    if (IsLeaseLost(renewed)) {
      slot->lease_lost = true;
      slot->stop->Cancel();
    } else if (renewed.code() == Status::Code::kCancelled) {
      // Stopped jobs are re-queued, and a re-queued job with a cancel
      // request ends as cancelled.
      slot->stop->Cancel();
    } else {
      spdlog::warn("renewing the lease of job {} failed: {}", job_id, renewed.ToString());
    }
  }
}

void WorkerPool::Heartbeat() {
  const auto interval = std::chrono::duration<double>(config_.heartbeat_interval_s);
  while (!stopped_) {
    RenewHeldLeases();
    auto expired = store_.RequeueExpiredLeases(config_.max_attempts);
    if (!expired.ok()) {
      spdlog::warn("sweeping expired leases failed: {}", expired.status().ToString());
    } else if (*expired > 0) {
      spdlog::warn("re-queued {} jobs whose workers stopped renewing their lease", *expired);
      {
        std::lock_guard lock(stats_mu_);
        stats_.lease_expiries += static_cast<std::uint64_t>(*expired);
      }
      Wake(*expired);
    }
    std::unique_lock<std::mutex> lock(mu_);
    heartbeat_wake_.wait_for(lock, interval, [this] { return stopped_.load(); });
  }
}

void WorkerPool::Drain(std::chrono::milliseconds grace) {
  draining_ = true;
  wake_.notify_all();
  const auto deadline = std::chrono::steady_clock::now() + grace;
  while (busy_.load() > 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  shutdown_.Cancel();
  for (const auto& slot : slots_) {
    std::lock_guard lock(slot->mu);
    if (slot->stop != nullptr) slot->stop->Cancel();
  }
  for (auto& thread : threads_) {
    if (thread.joinable()) thread.join();
  }
  threads_.clear();
  {
    std::lock_guard lock(mu_);
    stopped_ = true;
  }
  heartbeat_wake_.notify_all();
  if (heartbeat_.joinable()) heartbeat_.join();
}

}  // namespace ytl
