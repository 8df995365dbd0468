// StageDeadline: the time limit of one pipeline stage (decode, separate, vad, align).
//
// Stages already stop at their cancellation checkpoints; a StageDeadline gives its stage a
// CancelToken of its own that a watchdog thread trips once the limit passes, or as soon as the
// caller's context is cancelled. Explain() then turns the stage's Cancelled into
// DeadlineExceeded naming the stage and the limit.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "core/progress.h"
#include "core/status.h"

namespace ytl {

class StageDeadline {
 public:
  // `limit_s` <= 0 sets no limit: the stage then only follows `parent`'s cancellation.
  // `parent` must outlive this object.
  StageDeadline(std::string stage, double limit_s, const StageContext& parent);
  ~StageDeadline();  // stops the watchdog
  StageDeadline(const StageDeadline&) = delete;
  StageDeadline& operator=(const StageDeadline&) = delete;

  // The context to hand the stage.
  const StageContext& context() const { return ctx_; }
  // True once the limit passed while the stage ran.
  bool expired() const { return expired_.load(); }
  // `status` as the stage returned it, unless the limit cut the stage off: then
  // DeadlineExceeded saying which stage ran out of time and what to do.
  Status Explain(Status status) const;

 private:
  void Watch();

  std::string stage_;
  double limit_s_;
  const StageContext& parent_;
  CancelToken token_;
  StageContext ctx_;
  std::atomic<bool> expired_{false};
  std::mutex mutex_;
  std::condition_variable done_cv_;
  bool done_ = false;
  std::thread watchdog_;
};

}  // namespace ytl
