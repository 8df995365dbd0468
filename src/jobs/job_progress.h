// JobProgress: the ProgressSink of a running job. Writes stage changes and
// (throttled) progress to the store as job fields and SSE events, notices a
// cancel requested through the store or a server shutdown, and applies the
// fault-injection settings used by tests and demos.
#pragma once

#include <chrono>
#include <mutex>
#include <string>

#include "core/progress.h"
#include "jobs/job.h"
#include "store/job_store.h"

namespace ytl {

struct JobProgressConfig {
  double progress_interval_s = 0.25;
  double cancel_poll_interval_s = 1;
  int fault_delay_ms = 0;
  std::string fault_fail_at_stage;
};

class JobProgress : public ProgressSink {
 public:
  // `store`, `shutdown` and `job_cancel` must outlive this object; the sink
  // sets `job_cancel` when the job must stop.
  JobProgress(JobStore& store, const Job& job, const CancelToken& shutdown, CancelToken& job_cancel,
              JobProgressConfig config);

  void OnProgress(std::string_view stage, double fraction) override;

  bool fault_injected() const;
  bool lease_lost() const;
  bool cancel_requested() const;

 private:
  void Write(const Status& status);
  void PollForCancel(std::chrono::steady_clock::time_point now);
  void InjectFaults(const std::string& stage);

  JobStore& store_;
  std::string job_id_;
  std::int64_t lease_version_;
  const CancelToken& shutdown_;
  CancelToken& job_cancel_;
  JobProgressConfig config_;

  mutable std::mutex mu_;
  std::string stage_;
  std::chrono::steady_clock::time_point last_write_{};
  std::chrono::steady_clock::time_point last_poll_{};
  bool fault_injected_ = false;
  bool lease_lost_ = false;
  bool cancel_requested_ = false;
};

}  // namespace ytl
