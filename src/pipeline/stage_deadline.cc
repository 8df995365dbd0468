#include "pipeline/stage_deadline.h"

#include <algorithm>
#include <cstdio>
#include <utility>

namespace ytl {
namespace {

// How often the watchdog looks at the caller's cancellation.
constexpr std::chrono::milliseconds kPollInterval{20};

}  // namespace

StageDeadline::StageDeadline(std::string stage, double limit_s, const StageContext& parent)
    : stage_(std::move(stage)),
      limit_s_(limit_s),
      parent_(parent),
      ctx_{parent.progress, &token_},
      watchdog_([this] { Watch(); }) {}

StageDeadline::~StageDeadline() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    done_ = true;
  }
  done_cv_.notify_all();
  watchdog_.join();
}

void StageDeadline::Watch() {
  const auto start = std::chrono::steady_clock::now();
  const auto deadline =
      limit_s_ > 0 ? start + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                 std::chrono::duration<double>(limit_s_))
                   : std::chrono::steady_clock::time_point::max();
  std::unique_lock<std::mutex> lock(mutex_);
  while (!done_) {
    if (parent_.cancelled()) {
      token_.Cancel();
      return;
    }
    const auto now = std::chrono::steady_clock::now();
    if (now >= deadline) {
      expired_ = true;
      token_.Cancel();
      return;
    }
    const auto wait = std::min<std::chrono::steady_clock::duration>(kPollInterval, deadline - now);
    done_cv_.wait_for(lock, wait);
  }
}

Status StageDeadline::Explain(Status status) const {
  if (status.ok() || !expired() || parent_.cancelled()) return status;
  char limit[32];
  std::snprintf(limit, sizeof(limit), "%g", limit_s_);
  return Status::DeadlineExceeded("the " + stage_ + " stage ran past its time limit of " + limit +
                                  " s (--stage-time-limit); the song may be too long for this "
                                  "machine: trim it or raise the limit");
}

}  // namespace ytl
