#include "api/event_relay.h"

#include <chrono>
#include <nlohmann/json.hpp>

namespace ytl::api {
namespace {

bool IsFinalStateEvent(const JobEvent& event) {
  if (event.type != "state") return false;
  const auto data = nlohmann::json::parse(event.data_json, nullptr, false);
  if (!data.is_object() || !data.contains("state") || !data["state"].is_string()) return false;
  const auto state = ParseJobState(data["state"].get<std::string>());
  return state && IsFinalState(*state);
}

}  // namespace

EventRelay::EventRelay(JobStore& store, double poll_interval_s)
    : store_(store), poll_interval_s_(poll_interval_s) {
  subscription_ = store_.Subscribe([this](const std::string&, std::int64_t) {
    std::lock_guard lock(mu_);
    dirty_ = true;
    wake_.notify_one();
  });
  thread_ = std::thread([this] { Loop(); });
}

EventRelay::~EventRelay() {
  subscription_.Reset();
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
    wake_.notify_one();
  }
  thread_.join();
  for (Follower& follower : followers_) follower.stream->Close();
}

void EventRelay::Add(std::string job_id, std::int64_t after_seq,
                     std::shared_ptr<http::EventStream> stream) {
  std::lock_guard lock(mu_);
  followers_.push_back({std::move(job_id), after_seq, std::move(stream)});
  dirty_ = true;
  wake_.notify_one();
}

std::size_t EventRelay::open_streams() const {
  std::lock_guard lock(mu_);
  return followers_.size();
}

void EventRelay::Loop() {
  const auto poll = std::chrono::duration<double>(poll_interval_s_);
  std::unique_lock lock(mu_);
  while (!stopping_) {
    wake_.wait_for(lock, poll, [this] { return dirty_ || stopping_; });
    if (stopping_) break;
    dirty_ = false;
    std::vector<Follower> batch = std::move(followers_);
    followers_.clear();
    lock.unlock();
    std::vector<Follower> keep;
    for (Follower& follower : batch) {
      if (Pump(follower)) keep.push_back(std::move(follower));
    }
    lock.lock();
    for (Follower& follower : keep) followers_.push_back(std::move(follower));
  }
}

bool EventRelay::SendNew(Follower& follower) {
  for (;;) {
    auto events = store_.EventsAfter(follower.job_id, follower.after_seq, 200);
    if (!events.ok()) return false;
    for (const JobEvent& event : *events) {
      follower.after_seq = event.seq;
      if (!follower.stream->Send({std::to_string(event.seq), event.type, event.data_json, 0}) ||
          IsFinalStateEvent(event)) {
        return false;
      }
    }
    if (events->size() < 200) return true;
  }
}

bool EventRelay::Pump(Follower& follower) {
  if (follower.stream->closed()) return false;
  if (SendNew(follower)) {
    // The final state event is committed with the state, so once the job reads final, one more
    // read sends it (a client that resumed after it gets nothing more).
    auto job = store_.GetJob(follower.job_id);
    if (job.ok() && !IsFinalState(job->state)) return true;
    if (job.ok()) (void)SendNew(follower);
  }
  follower.stream->Close();
  return false;
}

}  // namespace ytl::api
