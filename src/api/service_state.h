// ServiceState: what the HTTP routes need to know about the rest of the server process.
#pragma once

#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "jobs/queue_stats.h"

namespace ytl::api {

struct ServiceState {
  std::atomic<bool> draining{false};        // set on SIGTERM: submissions 503, /ready fails
  int workers = 0;                          // worker threads configured
  std::function<int()> workers_alive;       // worker threads running now
  std::function<int()> workers_busy;        // workers running a job now
  std::function<void()> job_queued;         // wakes a worker after a submission
  std::vector<std::string> race_backends;   // the racing page's preset list (GET /v1/config)
  std::function<QueueStats()> queue_stats;  // this node's job-queue counters (/metrics)
};

}  // namespace ytl::api
