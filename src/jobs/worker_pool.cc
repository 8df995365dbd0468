#include "jobs/worker_pool.h"

#include <spdlog/spdlog.h>

namespace ytl {

Status WorkerPoolConfig::Validate() const {
  if (workers < 0) return Status::InvalidInput("--workers must be 0 or more");
  if (idle_poll_s <= 0) return Status::InvalidInput("idle_poll_s must be positive");
  return Status::Ok();
}

WorkerPool::WorkerPool(JobStore& store, const JobRunner& runner, WorkerPoolConfig config)
    : store_(store), runner_(runner), config_(std::move(config)) {}

WorkerPool::~WorkerPool() { Drain(std::chrono::milliseconds(0)); }

void WorkerPool::Start() {
  for (int i = 0; i < config_.workers; ++i) threads_.emplace_back([this, i] { Work(i); });
}

void WorkerPool::Notify() { wake_.notify_one(); }

void WorkerPool::Work(int index) {
  ++alive_;
  const std::string worker_id = config_.worker_id + "-" + std::to_string(index);
  while (!draining_) {
    auto claimed = store_.ClaimNextJob(worker_id);
    if (!claimed.ok() || !claimed->has_value()) {
      if (!claimed.ok()) spdlog::warn("claiming a job failed: {}", claimed.status().ToString());
      std::unique_lock<std::mutex> lock(mu_);
      wake_.wait_for(lock, std::chrono::duration<double>(config_.idle_poll_s),
                     [this] { return draining_.load(); });
      continue;
    }
    const Job& job = **claimed;
    ++busy_;
    spdlog::info("job {} claimed by {} (attempt {})", job.id, worker_id, job.attempts);
    const RunOutcome outcome = runner_.Run(job, shutdown_);
    if (outcome == RunOutcome::kRequeued) {
      auto requeued = store_.RequeueJobs(worker_id);
      spdlog::info("job {} put back in the queue for the next start", job.id);
      if (!requeued.ok()) spdlog::error("requeue failed: {}", requeued.status().ToString());
    } else if (outcome == RunOutcome::kLeaseLost) {
      spdlog::warn("job {} lost its lease; its result was not written", job.id);
    }
    --busy_;
    wake_.notify_all();
  }
  --alive_;
}

void WorkerPool::Drain(std::chrono::milliseconds grace) {
  draining_ = true;
  wake_.notify_all();
  const auto deadline = std::chrono::steady_clock::now() + grace;
  while (busy_.load() > 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  shutdown_.Cancel();
  for (auto& thread : threads_) {
    if (thread.joinable()) thread.join();
  }
  threads_.clear();
}

}  // namespace ytl
