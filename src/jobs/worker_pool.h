// WorkerPool: threads that claim queued jobs from the store and run them,
// separate from the HTTP I/O threads.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/progress.h"
#include "jobs/job_runner.h"
#include "store/job_store.h"

namespace ytl {

struct WorkerPoolConfig {
  int workers = 2;              // threads; 0 runs no jobs (an API-only node)
  std::string worker_id = "w";  // prefix of each thread's worker id in the store
  double idle_poll_s = 1.0;     // an idle worker re-checks the queue at least this often

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

 private:
  void Work(int index);

  JobStore& store_;
  const JobRunner& runner_;
  WorkerPoolConfig config_;
  std::vector<std::thread> threads_;
  std::mutex mu_;
  std::condition_variable wake_;
  std::atomic<bool> draining_{false};
  std::atomic<int> busy_{0};
  std::atomic<int> alive_{0};
  CancelToken shutdown_;
};

}  // namespace ytl
