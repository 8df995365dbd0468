#include "api/metrics.h"

#include <gtest/gtest.h>

namespace ytl::api {
namespace {

TEST(Metrics, RendersCountersGaugesAndHistograms) {
  Metrics metrics;
  http::AccessRecord record;
  record.route = "/v1/jobs/{id}";
  record.status = 200;
  metrics.ObserveRequest(record);
  metrics.ObserveRequest(record);
  metrics.ObserveStage("align", 0.7);
  metrics.ObserveStage("align", 7);
  MetricsSnapshot snapshot;
  snapshot.jobs.queued = 3;
  snapshot.workers = 2;
  const std::string text = metrics.Render(snapshot);
  EXPECT_NE(text.find("ytl_http_requests_total{route=\"/v1/jobs/{id}\",status=\"200\"} 2\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("ytl_jobs{state=\"queued\"} 3\n"), std::string::npos);
  EXPECT_NE(text.find("ytl_queue_depth 3\n"), std::string::npos);
  EXPECT_NE(text.find("ytl_stage_duration_seconds_bucket{stage=\"align\",le=\"1\"} 1\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("ytl_stage_duration_seconds_bucket{stage=\"align\",le=\"+Inf\"} 2\n"),
            std::string::npos);
  EXPECT_NE(text.find("ytl_stage_duration_seconds_count{stage=\"align\"} 2\n"), std::string::npos);
}

TEST(Metrics, RendersTheJobQueueCounters) {
  MetricsSnapshot snapshot;
  snapshot.busy_workers = 2;
  snapshot.queue.claims = 5;
  snapshot.queue.claim_calls = 8;
  snapshot.queue.claim_seconds_sum = 0.25;
  snapshot.queue.lease_expiries = 1;
  snapshot.queue.retries = 3;
  const std::string text = Metrics().Render(snapshot);
  EXPECT_NE(text.find("ytl_leases_held 2\n"), std::string::npos) << text;
  EXPECT_NE(text.find("ytl_claims_total 5\n"), std::string::npos);
  EXPECT_NE(text.find("ytl_claim_seconds_sum 0.25\nytl_claim_seconds_count 8\n"),
            std::string::npos);
  EXPECT_NE(text.find("ytl_lease_expiries_total 1\n"), std::string::npos);
  EXPECT_NE(text.find("ytl_job_retries_total 3\n"), std::string::npos);
}

}  // namespace
}  // namespace ytl::api
