// Metrics: the server's Prometheus text exposition (version 0.0.4), written by hand.
//
// HTTP requests by route and status (from the access observer), stage duration histograms (from
// the store's "stage" events carrying "seconds"), and gauges sampled at scrape time: jobs by
// state, queue depth, busy workers, open event streams.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "http/access_log.h"
#include "jobs/queue_stats.h"
#include "store/job_store.h"

namespace ytl::api {

// Values read at scrape time.
struct MetricsSnapshot {
  JobCounts jobs;
  int workers = 0;
  int busy_workers = 0;
  std::size_t event_streams = 0;
  bool draining = false;
  QueueStats queue;  // claims, claim latency, lease expiries, retries of this node's workers
};

class Metrics {
 public:
  Metrics();

  // Counts one finished request. Thread-safe; use as the server's AccessObserver.
  void ObserveRequest(const http::AccessRecord& record);
  // Adds one stage duration to its histogram. Thread-safe.
  void ObserveStage(const std::string& stage, double seconds);
  // Feeds ObserveStage from the store's stage-timing events until the subscription goes away.
  EventSubscription FollowStageTimings(JobStore& store);

  // The exposition text.
  std::string Render(const MetricsSnapshot& snapshot) const;

 private:
  struct Histogram {
    std::vector<std::uint64_t> buckets;  // cumulative at render time; here per bucket
    std::uint64_t count = 0;
    double sum = 0;
  };

  const std::vector<double> bounds_s_;
  mutable std::mutex mu_;
  std::map<std::pair<std::string, int>, std::uint64_t> requests_;  // (route, status) -> count
  std::map<std::string, Histogram> stages_;
};

}  // namespace ytl::api
