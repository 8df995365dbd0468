// Clock: where stores read the time, so tests can control it.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

namespace ytl {

// Wall-clock time in Unix epoch milliseconds. Implementations are thread-safe.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::int64_t NowMs() const = 0;
};

// The system's real-time clock.
class SystemClock : public Clock {
 public:
  std::int64_t NowMs() const override {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
};

// A clock that moves only when told to; for tests. Thread-safe.
class ManualClock : public Clock {
 public:
  explicit ManualClock(std::int64_t start_ms = 1'700'000'000'000) : now_ms_(start_ms) {}
  std::int64_t NowMs() const override { return now_ms_.load(); }
  void AdvanceMs(std::int64_t delta_ms) { now_ms_.fetch_add(delta_ms); }

 private:
  std::atomic<std::int64_t> now_ms_;
};

}  // namespace ytl
