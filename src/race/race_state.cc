#include "race/race_state.h"

#include <fmt/format.h>

#include <algorithm>

namespace ytl::race {

std::string_view EntryStateName(EntryState state) {
  switch (state) {
    case EntryState::kWaiting:
      return "waiting";
    case EntryState::kSubmitting:
      return "submitting";
    case EntryState::kRunning:
      return "running";
    case EntryState::kSucceeded:
      return "succeeded";
    case EntryState::kFailed:
      return "failed";
    case EntryState::kUnreachable:
      return "unreachable";
    case EntryState::kStalled:
      return "stalled";
    case EntryState::kCancelled:
      return "cancelled";
    case EntryState::kSkipped:
      return "skipped";
  }
  return "waiting";
}

bool IsTerminal(EntryState state) { return state != EntryState::kWaiting && !IsActive(state); }

bool IsActive(EntryState state) {
  return state == EntryState::kSubmitting || state == EntryState::kRunning;
}

RaceState::RaceState(const RacePlan& plan, double stall_s, bool cancel_losers, double now_s)
    : mode_(plan.mode),
      start_at_once_(plan.start_at_once),
      stall_s_(stall_s),
      cancel_losers_(cancel_losers) {
  for (const PlannedBackend& p : plan.order) {
    RaceEntry entry;
    entry.backend = p.backend;
    entry.why = p.why;
    entry.hedge_s = p.hedge_s;
    entry.last_change_at_s = now_s;
    entries_.push_back(std::move(entry));
  }
}

RaceEntry* RaceState::Entry(std::string_view backend) {
  for (RaceEntry& e : entries_) {
    if (e.backend == backend) return &e;
  }
  return nullptr;
}

const RaceEntry* RaceState::Find(std::string_view backend) const {
  for (const RaceEntry& e : entries_) {
    if (e.backend == backend) return &e;
  }
  return nullptr;
}

void RaceState::Finish(RaceEntry& entry, EntryState state, std::string reason, double now_s) {
  if (IsTerminal(entry.state)) return;
  entry.state = state;
  entry.reason = std::move(reason);
  if (entry.started_at_s) entry.total_s = now_s - *entry.started_at_s;
  if (state == EntryState::kSucceeded && !winner_) winner_ = entry.backend;
}

void RaceState::Submitted(const std::string& backend, const std::string& job_id, double now_s) {
  RaceEntry* e = Entry(backend);
  if (e == nullptr || IsTerminal(e->state)) return;
  e->job_id = job_id;
  e->state = EntryState::kRunning;
  e->last_change_at_s = now_s;
}

void RaceState::JobUpdate(const std::string& backend, const std::string& job_state,
                          const std::string& stage, double progress, const std::string& error,
                          double now_s) {
  RaceEntry* e = Entry(backend);
  if (e == nullptr || IsTerminal(e->state)) return;
  progress = std::clamp(progress, 0.0, 1.0);
  if (job_state != e->job_state || stage != e->stage || progress != e->progress) {
    e->last_change_at_s = now_s;
  }
  if (!stage.empty() && !e->first_progress_s && e->started_at_s) {
    e->first_progress_s = now_s - *e->started_at_s;
  }
  e->job_state = job_state;
  if (!stage.empty()) e->stage = stage;
  e->progress = progress;
  if (job_state == "succeeded") {
    Finish(*e, EntryState::kSucceeded, "", now_s);
  } else if (job_state == "failed") {
    const std::string at = e->stage.empty() ? "" : " at " + e->stage;
    Finish(*e, EntryState::kFailed,
           "failed" + at + ": " + (error.empty() ? std::string("no reason given") : error), now_s);
  } else if (job_state == "cancelled") {
    Finish(*e, EntryState::kCancelled, "cancelled on the backend", now_s);
  }
}

void RaceState::Error(const std::string& backend, bool unreachable, const std::string& message,
                      double now_s) {
  RaceEntry* e = Entry(backend);
  if (e == nullptr) return;
  if (unreachable) {
    Finish(*e, EntryState::kUnreachable, "unreachable: " + message, now_s);
  } else {
    Finish(*e, EntryState::kFailed, "refused: " + message, now_s);
  }
}

void RaceState::Tick(double now_s) {
  for (RaceEntry& e : entries_) {
    if (IsActive(e.state) && now_s - e.last_change_at_s > stall_s_) {
      Finish(e, EntryState::kStalled, fmt::format("stalled: no progress for {:g} s", stall_s_),
             now_s);
    }
  }
}

std::vector<RaceEntry*> RaceState::BackendsToStart(double now_s) {
  std::vector<RaceEntry*> waiting;
  bool any_started = false;
  bool any_active = false;
  RaceEntry* latest = nullptr;
  for (RaceEntry& e : entries_) {
    if (e.state == EntryState::kWaiting) waiting.push_back(&e);
    if (IsActive(e.state)) any_active = true;
    if (e.started_at_s) {
      any_started = true;
      if (latest == nullptr || *e.started_at_s >= *latest->started_at_s) latest = &e;
    }
  }
  if (waiting.empty()) return {};
  if (!any_started) {
    waiting.resize(std::min(waiting.size(), start_at_once_));
    return waiting;
  }
  if (mode_ == RaceMode::kSingle) return {};
  if (!any_active) return {waiting.front()};
  if (IsActive(latest->state) && now_s >= *latest->started_at_s + latest->hedge_s) {
    return {waiting.front()};
  }
  return {};
}

std::vector<RaceAction> RaceState::TakeActions(double now_s) {
  std::vector<RaceAction> actions;
  if (winner_) {
    for (RaceEntry& e : entries_) {
      if (e.state == EntryState::kWaiting) {
        Finish(e, EntryState::kSkipped, "not started: " + *winner_ + " won", now_s);
      }
      if (cancel_losers_ && IsActive(e.state)) {
        if (!e.job_id.empty()) actions.push_back({RaceAction::Type::kCancel, e.backend, e.job_id});
        e.cancel_sent = true;
        Finish(e, EntryState::kCancelled, "cancelled: " + *winner_ + " won", now_s);
      }
    }
  } else {
    for (RaceEntry* e : BackendsToStart(now_s)) {
      e->state = EntryState::kSubmitting;
      e->started_at_s = now_s;
      e->last_change_at_s = now_s;
      actions.push_back({RaceAction::Type::kStart, e->backend, ""});
    }
  }
  for (RaceEntry& e : entries_) {
    if (e.state == EntryState::kStalled && !e.job_id.empty() && !e.cancel_sent) {
      e.cancel_sent = true;
      actions.push_back({RaceAction::Type::kCancel, e.backend, e.job_id});
    }
  }
  finished_ = std::all_of(entries_.begin(), entries_.end(),
                          [](const RaceEntry& e) { return IsTerminal(e.state); });
  return actions;
}

std::string RaceState::Summary() const {
  std::string text;
  if (winner_) {
    text = fmt::format("{} won in {:.1f} s.", *winner_, Find(*winner_)->total_s.value_or(0));
  } else if (finished_) {
    text = "No backend succeeded.";
  }
  for (const RaceEntry& e : entries_) {
    if (e.state == EntryState::kFailed || e.state == EntryState::kUnreachable ||
        e.state == EntryState::kStalled) {
      text += (text.empty() ? "" : " ") + e.backend + " dropped out (" + e.reason + ").";
    }
  }
  return text;
}

}  // namespace ytl::race
