// Progress reporting and cooperative cancellation for long stages.
#pragma once

#include <atomic>
#include <string_view>

namespace ytl {

// Receives progress from a running stage. Implementations must be cheap and
// thread-safe: a stage may report from worker threads.
class ProgressSink {
 public:
  virtual ~ProgressSink() = default;
  // `fraction` is in [0, 1] within the named stage.
  virtual void OnProgress(std::string_view stage, double fraction) = 0;
};

// A sink that drops everything; for tests and quiet runs.
class NullProgress : public ProgressSink {
 public:
  void OnProgress(std::string_view, double) override {}
};

// Checked by stages at their checkpoints; set from a signal handler or a job
// cancel. Lock-free, so it is safe to set from a signal handler.
class CancelToken {
 public:
  void Cancel() { cancelled_.store(true, std::memory_order_relaxed); }
  bool cancelled() const { return cancelled_.load(std::memory_order_relaxed); }

 private:
  std::atomic<bool> cancelled_{false};
};

// What every stage receives to report and to check for cancellation.
struct StageContext {
  ProgressSink* progress = nullptr;     // never null when passed to a stage
  const CancelToken* cancel = nullptr;  // may be null: never cancelled

  void Report(std::string_view stage, double fraction) const {
    if (progress != nullptr) progress->OnProgress(stage, fraction);
  }
  bool cancelled() const { return cancel != nullptr && cancel->cancelled(); }
};

}  // namespace ytl
