#include "api/metrics.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace ytl::api {
namespace {

std::string EscapeLabel(std::string_view value) {
  std::string out;
  for (char c : value) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

}  // namespace

Metrics::Metrics() : bounds_s_{0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600} {}

void Metrics::ObserveRequest(const http::AccessRecord& record) {
  std::lock_guard lock(mu_);
  ++requests_[{record.route.empty() ? "unmatched" : record.route, record.status}];
}

void Metrics::ObserveStage(const std::string& stage, double seconds) {
  std::lock_guard lock(mu_);
  Histogram& h = stages_[stage];
  h.buckets.resize(bounds_s_.size(), 0);
  for (std::size_t i = 0; i < bounds_s_.size(); ++i) {
    if (seconds <= bounds_s_[i]) {
      ++h.buckets[i];
      break;
    }
  }
  ++h.count;
  h.sum += seconds;
}

EventSubscription Metrics::FollowStageTimings(JobStore& store) {
  return store.Subscribe([this, &store](const std::string& job_id, std::int64_t seq) {
    auto events = store.EventsAfter(job_id, seq - 1, 1);
    if (!events.ok() || events->empty() || events->front().type != "stage") return;
    const auto data = nlohmann::json::parse(events->front().data_json, nullptr, false);
    if (data.is_object() && data.contains("seconds") && data["seconds"].is_number() &&
        data.contains("stage") && data["stage"].is_string()) {
      ObserveStage(data["stage"].get<std::string>(), data["seconds"].get<double>());
    }
  });
}

namespace {

// The job-queue counters of this node's workers.
std::string RenderQueue(const QueueStats& q, int leases_held) {
  return fmt::format(
      "# HELP ytl_leases_held Job leases this node's workers hold now.\n"
      "# TYPE ytl_leases_held gauge\nytl_leases_held {}\n"
      "# HELP ytl_claims_total Jobs this node's workers claimed.\n"
      "# TYPE ytl_claims_total counter\nytl_claims_total {}\n"
      "# HELP ytl_claim_seconds Time spent claiming (one call per claim attempt).\n"
      "# TYPE ytl_claim_seconds summary\nytl_claim_seconds_sum {}\nytl_claim_seconds_count {}\n"
      "# HELP ytl_lease_expiries_total Jobs taken back from workers that stopped renewing.\n"
      "# TYPE ytl_lease_expiries_total counter\nytl_lease_expiries_total {}\n"
      "# HELP ytl_leases_lost_total Jobs this node's workers lost to an expired lease.\n"
      "# TYPE ytl_leases_lost_total counter\nytl_leases_lost_total {}\n"
      "# HELP ytl_job_retries_total Jobs put back after a transient failure.\n"
      "# TYPE ytl_job_retries_total counter\nytl_job_retries_total {}\n",
      leases_held, q.claims, q.claim_seconds_sum, q.claim_calls, q.lease_expiries, q.leases_lost,
      q.retries);
}

}  // namespace

std::string Metrics::Render(const MetricsSnapshot& s) const {
  std::string out;
  out += "# HELP ytl_jobs Jobs in the store by state.\n# TYPE ytl_jobs gauge\n";
  const std::pair<const char*, std::int64_t> states[] = {{"queued", s.jobs.queued},
                                                         {"running", s.jobs.running},
                                                         {"succeeded", s.jobs.succeeded},
                                                         {"failed", s.jobs.failed},
                                                         {"cancelled", s.jobs.cancelled}};
  for (const auto& [name, count] : states) {
    out += fmt::format("ytl_jobs{{state=\"{}\"}} {}\n", name, count);
  }
  out += fmt::format(
      "# HELP ytl_queue_depth Jobs waiting for a worker.\n"
      "# TYPE ytl_queue_depth gauge\nytl_queue_depth {}\n",
      s.jobs.queued);
  out += fmt::format(
      "# HELP ytl_workers Worker threads.\n# TYPE ytl_workers gauge\n"
      "ytl_workers {}\n# HELP ytl_workers_busy Workers running a job.\n"
      "# TYPE ytl_workers_busy gauge\nytl_workers_busy {}\n",
      s.workers, s.busy_workers);
  out += fmt::format(
      "# HELP ytl_event_streams Open Server-Sent Events streams.\n"
      "# TYPE ytl_event_streams gauge\nytl_event_streams {}\n"
      "# HELP ytl_draining 1 while the server shuts down.\n"
      "# TYPE ytl_draining gauge\nytl_draining {}\n",
      s.event_streams, s.draining ? 1 : 0);
  out += RenderQueue(s.queue, s.busy_workers);
  std::lock_guard lock(mu_);
  out +=
      "# HELP ytl_http_requests_total HTTP requests by route and status.\n"
      "# TYPE ytl_http_requests_total counter\n";
  for (const auto& [key, count] : requests_) {
    out += fmt::format("ytl_http_requests_total{{route=\"{}\",status=\"{}\"}} {}\n",
                       EscapeLabel(key.first), key.second, count);
  }
  out +=
      "# HELP ytl_stage_duration_seconds Wall time of finished pipeline stages.\n"
      "# TYPE ytl_stage_duration_seconds histogram\n";
  for (const auto& [stage, h] : stages_) {
    const std::string label = EscapeLabel(stage);
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < bounds_s_.size(); ++i) {
      cumulative += h.buckets[i];
      out += fmt::format("ytl_stage_duration_seconds_bucket{{stage=\"{}\",le=\"{}\"}} {}\n", label,
                         bounds_s_[i], cumulative);
    }
    out += fmt::format("ytl_stage_duration_seconds_bucket{{stage=\"{}\",le=\"+Inf\"}} {}\n", label,
                       h.count);
    out += fmt::format("ytl_stage_duration_seconds_sum{{stage=\"{}\"}} {}\n", label, h.sum);
    out += fmt::format("ytl_stage_duration_seconds_count{{stage=\"{}\"}} {}\n", label, h.count);
  }
  return out;
}

}  // namespace ytl::api
