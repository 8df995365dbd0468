#include "race/race_runner.h"

#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

namespace ytl::race {
namespace {

double NowS() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

void Sleep(double seconds) { std::this_thread::sleep_for(std::chrono::duration<double>(seconds)); }

// What the observer last saw of an entry: it is told again only when this changes.
std::string Signature(const RaceEntry& e) {
  return std::string(EntryStateName(e.state)) + "|" + e.job_state + "|" + e.stage;
}

// The shared state of one race: the RaceState under a mutex, and one stop flag per backend.
struct SharedRace {
  std::mutex mutex;
  RaceState state;
  std::map<std::string, std::shared_ptr<std::atomic<bool>>> stops;
};

// Submits the job to one backend and follows it until it ends or `stop` is set.
void FollowBackend(const JobApiClient& client, const JobRequest& job, double poll_interval_s,
                   SharedRace& race, const std::atomic<bool>& stop) {
  const std::string& backend = client.base_url();
  const auto report_error = [&](const Status& status) {
    std::lock_guard lock(race.mutex);
    race.state.Error(backend, IsUnreachable(status), status.message(), NowS());
  };
  auto submitted = client.Submit(job);
  if (!submitted.ok()) return report_error(submitted.status());
  {
    std::lock_guard lock(race.mutex);
    race.state.Submitted(backend, submitted->id, NowS());
  }
  JobSnapshot snapshot = *submitted;
  int failures = 0;
  while (!stop.load()) {
    {
      std::lock_guard lock(race.mutex);
      race.state.JobUpdate(backend, snapshot.state, snapshot.stage, snapshot.progress,
                           snapshot.error, NowS());
      const RaceEntry* entry = race.state.Find(backend);
      if (entry == nullptr || IsTerminal(entry->state)) return;
    }
    Sleep(poll_interval_s);
    auto next = client.Get(snapshot.id);
    if (next.ok()) {
      snapshot = *next;
      failures = 0;
    } else if (!IsUnreachable(next.status()) || ++failures >= 5) {
      return report_error(next.status());
    }
  }
}

}  // namespace

Status RaceRunConfig::Validate() const {
  if (!(stall_s > 0)) return Status::InvalidInput("--stall-timeout must be more than 0 seconds");
  if (!(poll_interval_s > 0)) return Status::InvalidInput("poll_interval_s must be more than 0");
  return Status::Ok();
}

RaceRunner::RaceRunner(const net::HttpClient& http, RacePlan plan, JobRequest job,
                       RaceRunConfig config)
    : http_(http), plan_(std::move(plan)), job_(std::move(job)), config_(std::move(config)) {}

RaceState RaceRunner::Run(const CancelToken& cancel, const RaceObserver& observe) {
  SharedRace race{{}, RaceState(plan_, config_.stall_s, config_.cancel_losers, NowS()), {}};
  std::vector<std::thread> threads;
  std::map<std::string, std::string> seen;
  std::map<std::string, std::unique_ptr<JobApiClient>> clients;
  for (const PlannedBackend& p : plan_.order) {
    clients[p.backend] = std::make_unique<JobApiClient>(http_, p.backend, config_.api_key);
  }
  for (;;) {
    std::vector<RaceAction> actions;
    std::vector<RaceEntry> changed;
    bool finished = false;
    {
      std::lock_guard lock(race.mutex);
      race.state.Tick(NowS());
      actions = race.state.TakeActions(NowS());
      for (const RaceEntry& e : race.state.entries()) {
        if (seen[e.backend] != Signature(e)) {
          seen[e.backend] = Signature(e);
          changed.push_back(e);
        }
      }
      finished = race.state.finished();
      for (const RaceAction& a : actions) {
        if (a.type == RaceAction::Type::kStart) {
          race.stops[a.backend] = std::make_shared<std::atomic<bool>>(false);
        } else if (race.stops.count(a.backend) != 0) {
          race.stops[a.backend]->store(true);
        }
      }
    }
    for (const RaceEntry& e : changed) observe(e);
    for (const RaceAction& a : actions) {
      const JobApiClient& client = *clients[a.backend];
      if (a.type == RaceAction::Type::kCancel) {
        (void)client.Cancel(a.job_id);  // best effort: the job may have ended meanwhile
        continue;
      }
      auto stop = race.stops[a.backend];
      threads.emplace_back([&client, &race, stop, this] {
        FollowBackend(client, job_, config_.poll_interval_s, race, *stop);
      });
    }
    if (finished || cancel.cancelled()) break;
    Sleep(0.1);
  }
  {
    std::lock_guard lock(race.mutex);
    for (auto& [backend, stop] : race.stops) stop->store(true);
  }
  for (std::thread& t : threads) t.join();
  if (cancel.cancelled()) {
    for (const RaceEntry& e : race.state.entries()) {
      if (IsActive(e.state) && !e.job_id.empty()) (void)clients[e.backend]->Cancel(e.job_id);
    }
  }
  return std::move(race.state);
}

}  // namespace ytl::race
