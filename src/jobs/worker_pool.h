// WorkerPool: threads that claim queued jobs from the store and run them,
// separate from the HTTP I/O threads.
//
// With a heartbeat (several processes sharing one store), a heartbeat
// thread renews the lease of every job the pool holds, stops a job whose
// lease was lost or whose cancel was requested, and re-queues jobs whose
// workers (in any process) stopped renewing.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/progress.h"
#include "jobs/job_runner.h"
#include "jobs/queue_stats.h"
#include "store/job_store.h"

namespace ytl {

struct WorkerPoolConfig {
  int workers = 2;              // threads; 0 runs no jobs (an API-only node)
  std::string worker_id = "w";  // prefix of each thread's worker id; unique per process
  double idle_poll_s = 1.0;     // an idle worker re-checks the queue at least this often
  // How often held leases are renewed and expired ones swept; keep it well
  // under the store's lease. 0: no heartbeat (a single process owning its
  // store, which re-queues interrupted jobs at start instead).
  double heartbeat_interval_s = 0;
  // A job whose lease expired this many times ends as failed (the sweep's
  // max_attempts, see JobStore::RequeueExpiredLeases).
  int max_attempts = 3;

  Status Validate() const;
};

class WorkerPool {
 public:
  // `store` and `runner` must outlive the pool.
  WorkerPool(JobStore& store, const JobRunner& runner, WorkerPoolConfig config);
  ~WorkerPool();

  void Start();
  // Wakes an idle worker: a job was just queued.
  void Notify();
  // Stops claiming; lets running jobs finish within `grace`, then stops the
  // rest at their next checkpoint and puts them back in the queue with their
  // finished stages kept. Joins the threads.
  void Drain(std::chrono::milliseconds grace);

  int busy() const { return busy_.load(); }
  int alive() const { return alive_.load(); }
  bool draining() const { return draining_.load(); }
  QueueStats stats() const;  // counters since Start

 private:
  // What one worker thread holds now.
  struct Slot {
    std::mutex mu;
    std::string job_id;  // "" when idle
    std::int64_t lease_version = 0;
    std::shared_ptr<CancelToken> stop;  // stops the running job
    bool lease_lost = false;
  };

  void Work(int index);
  // Wakes up to `workers` idle workers to claim (jobs were queued).
  void Wake(int workers);
  void Heartbeat();
  void RenewHeldLeases();

  JobStore& store_;
  const JobRunner& runner_;
  WorkerPoolConfig config_;
  std::vector<std::thread> threads_;
  std::vector<std::unique_ptr<Slot>> slots_;
  std::thread heartbeat_;
  std::mutex mu_;
  std::condition_variable wake_;            // idle workers wait here
  std::condition_variable heartbeat_wake_;  // the heartbeat waits here
  int wakeups_ = 0;                         // guarded by mu_: idle workers asked to claim
  std::atomic<bool> draining_{false};
  std::atomic<bool> stopped_{false};  // set after the workers joined: ends the heartbeat
  std::atomic<int> busy_{0};
  std::atomic<int> alive_{0};
  CancelToken shutdown_;
  mutable std::mutex stats_mu_;
  QueueStats stats_;
};

}  // namespace ytl
