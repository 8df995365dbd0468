// ytl-job-queue-bench: the job queue's own overhead on a JobStore.
//
//   ytl-job-queue-bench claims --store URL --workers N --jobs M
//       M jobs, then N threads (each with its own store object, as separate
//       worker processes would have) claim, store a result and finish until
//       the queue is empty: a no-op stage. Prints claims per second.
//   ytl-job-queue-bench report --store URL
//       From a store that real workers emptied: jobs finished, jobs per hour
//       over the run, and the delay from submission to a worker starting the
//       job (p50, p99), read from the jobs' "state" events.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "store/postgres/pg_store.h"

namespace {

using ytl::JobStore;
using ytl::Result;

Result<std::unique_ptr<JobStore>> Open(const std::string& url) {
  ytl::PgStoreConfig config;
  config.url = url;
  config.pool_size = 1;
  return ytl::OpenPgJobStore(config);
}

int Claims(const std::string& url, int workers, int jobs) {
  auto submitter = Open(url);
  if (!submitter.ok()) {
    std::fprintf(stderr, "%s\n", submitter.status().ToString().c_str());
    return 5;
  }
  for (int i = 0; i < jobs; ++i) {
    ytl::JobRequest request;
    request.url = "https://example.com/song-" + std::to_string(i);
    if (!(*submitter)->CreateJob(request, "").ok()) return 1;
  }
  std::vector<std::unique_ptr<JobStore>> stores;
  for (int i = 0; i < workers; ++i) {
    auto store = Open(url);
    if (!store.ok()) return 5;
    stores.push_back(std::move(store).value());
  }
  std::atomic<int> claimed{0};
  const auto started = std::chrono::steady_clock::now();
  std::vector<std::thread> threads;
  for (int i = 0; i < workers; ++i) {
    threads.emplace_back([&, i] {
      const std::string worker = "bench-" + std::to_string(i);
      for (;;) {
        auto job = stores[i]->ClaimNextJob(worker);
        if (!job.ok() || !job->has_value()) return;
        const ytl::Job& held = **job;
        (void)stores[i]->PutResult(held.id, held.lease_version, R"({"words":[]})");
        (void)stores[i]->FinishJob(held.id, held.lease_version, ytl::JobState::kSucceeded, "", "");
        ++claimed;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf("workers %d: %d jobs claimed and finished in %.2f s = %.0f claims/s\n", workers,
              claimed.load(), seconds, claimed.load() / seconds);
  return 0;
}

double Percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const auto at = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
  return values[std::min(at, values.size() - 1)];
}

int Report(const std::string& url) {
  auto store = Open(url);
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.status().ToString().c_str());
    return 5;
  }
  std::vector<double> delays_s;
  std::int64_t first_created_ms = INT64_MAX;
  std::int64_t last_finished_ms = 0;
  int finished = 0;
  std::string cursor;
  do {
    auto page = (*store)->ListJobs(ytl::JobState::kSucceeded, ytl::kMaxPageSize, cursor);
    if (!page.ok()) return 1;
    for (const ytl::Job& job : page->jobs) {
      ++finished;
      first_created_ms = std::min(first_created_ms, job.created_ms);
      last_finished_ms = std::max(last_finished_ms, job.finished_ms);
      auto events = (*store)->EventsAfter(job.id, 0, ytl::kMaxPageSize);
      if (!events.ok()) return 1;
      for (const ytl::JobEvent& event : *events) {
        const auto data = nlohmann::json::parse(event.data_json, nullptr, false);
        if (event.type == "state" && data.value("state", "") == "running") {
          delays_s.push_back(static_cast<double>(event.time_ms - job.created_ms) / 1000);
          break;
        }
      }
    }
    cursor = page->next_cursor;
  } while (!cursor.empty());
  const double span_h = static_cast<double>(last_finished_ms - first_created_ms) / 3'600'000;
  std::printf(
      "%d jobs succeeded in %.1f s: %.0f jobs/hour; submission to start p50 %.3f s, "
      "p99 %.3f s\n",
      finished, span_h * 3600, span_h > 0 ? finished / span_h : 0, Percentile(delays_s, 0.5),
      Percentile(delays_s, 0.99));
  return 0;
}

std::string Flag(int argc, char** argv, const char* name, const char* fallback) {
  for (int i = 2; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], name) == 0) return argv[i + 1];
  }
  return fallback;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "";
  const std::string url = Flag(argc, argv, "--store", "");
  if (url.empty() || (mode != "claims" && mode != "report")) {
    std::fprintf(stderr,
                 "usage: ytl-job-queue-bench claims --store URL [--workers N] [--jobs M]\n"
                 "       ytl-job-queue-bench report --store URL\n");
    return 2;
  }
  if (mode == "report") return Report(url);
  return Claims(url, std::stoi(Flag(argc, argv, "--workers", "1")),
                std::stoi(Flag(argc, argv, "--jobs", "2000")));
}
