// RaceState: one race as a state machine (the same rules as web/race_state.js). What the
// backends report goes in (Submitted, JobUpdate, Error, Tick), the actions to take come out
// (TakeActions: start a backend, cancel a loser). Times are passed in, so tests drive the clock.
//
// A backend moves waiting -> submitting -> running -> succeeded, or drops out as failed (the job
// or its submission failed), unreachable (no answer), stalled (nothing changed for stall_s),
// cancelled (lost while cancel_losers is on) or skipped (never started: the race was decided).
// Not thread-safe: the caller serialises calls.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "race/race_plan.h"

namespace ytl::race {

enum class EntryState {
  kWaiting,
  kSubmitting,
  kRunning,
  kSucceeded,
  kFailed,
  kUnreachable,
  kStalled,
  kCancelled,
  kSkipped
};
std::string_view EntryStateName(EntryState state);

struct RaceEntry {
  std::string backend;
  std::string why;  // its place in the plan
  double hedge_s = 0;
  EntryState state = EntryState::kWaiting;
  std::string job_id;
  std::string job_state;  // the job's own state on the backend ("queued", "running", ...)
  std::string stage;
  double progress = 0;
  std::optional<double> started_at_s;      // when it was started
  double last_change_at_s = 0;             // when anything last changed
  std::optional<double> first_progress_s;  // start to its first stage
  std::optional<double> total_s;           // start to its outcome
  std::string reason;                      // why it dropped out or was cancelled
  bool cancel_sent = false;
};

struct RaceAction {
  enum class Type { kStart, kCancel };
  Type type = Type::kStart;
  std::string backend;
  std::string job_id;  // kCancel
};

class RaceState {
 public:
  RaceState(const RacePlan& plan, double stall_s, bool cancel_losers, double now_s);

  // The backend accepted the job.
  void Submitted(const std::string& backend, const std::string& job_id, double now_s);
  // What the backend says about its job now (state "queued" | "running" | "succeeded" |
  // "failed" | "cancelled", stage, progress 0-1, error message when failed).
  void JobUpdate(const std::string& backend, const std::string& job_state, const std::string& stage,
                 double progress, const std::string& error, double now_s);
  // Submitting or following failed: `unreachable` when there was no answer at all.
  void Error(const std::string& backend, bool unreachable, const std::string& message,
             double now_s);
  // Time passes: stalls are detected.
  void Tick(double now_s);
  // Decides and records what to do now.
  std::vector<RaceAction> TakeActions(double now_s);

  bool finished() const { return finished_; }
  const std::optional<std::string>& winner() const { return winner_; }
  const std::vector<RaceEntry>& entries() const { return entries_; }
  const RaceEntry* Find(std::string_view backend) const;
  // "B won in 3.2 s. A dropped out (unreachable: ...)." for people.
  std::string Summary() const;

 private:
  RaceEntry* Entry(std::string_view backend);
  void Finish(RaceEntry& entry, EntryState state, std::string reason, double now_s);
  std::vector<RaceEntry*> BackendsToStart(double now_s);

  RaceMode mode_;
  std::size_t start_at_once_;
  double stall_s_;
  bool cancel_losers_;
  std::vector<RaceEntry> entries_;
  std::optional<std::string> winner_;
  bool finished_ = false;
};

bool IsTerminal(EntryState state);
bool IsActive(EntryState state);  // submitting or running

}  // namespace ytl::race
