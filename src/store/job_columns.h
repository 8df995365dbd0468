// The columns a SQL JobStore keeps a Job in, shared by the SQLite and
// PostgreSQL stores so both read a job row the same way.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "core/status.h"
#include "jobs/job.h"
#include "store/job_request_json.h"

namespace ytl {

// The column list every query returning jobs selects (or RETURNs), in the
// order ReadJobColumns expects.
inline constexpr const char* kJobColumns =
    "id, request_json, state, stage, progress, stage_timings_json, error_code, error_message, "
    "dedup_key, attempts, cancel_requested, created_ms, updated_ms, finished_ms, worker_id, "
    "lease_version";

// The assignments RequestCancel makes to `job`'s row (`now_param` names the
// SQL parameter holding the time: "?2" or "$2"): "" when there is nothing to
// do (already cancelled or cancel-requested); InvalidInput for a job that
// already succeeded or failed.
Result<std::string> CancelAssignments(const Job& job, std::string_view now_param);

std::string StageTimingsToJson(const std::map<std::string, double>& timings_s);
Result<std::map<std::string, double>> StageTimingsFromJson(const std::string& json);

// The job in `row`, selected with kJobColumns. `Row` reads column i with
// Text(i) -> std::string, Double(i) -> double and Int(i) -> std::int64_t.
// Internal error when the row holds something this build cannot read.
template <typename Row>
Result<Job> ReadJobColumns(const Row& row) {
  Job job;
  job.id = row.Text(0);
  auto corrupt = [&](const Status& status) {
    return Status::Internal("database row of job " + job.id + " cannot be read: " +
                            status.message() + "; the database was written by another program");
  };
  Result<JobRequest> request = JobRequestFromJson(row.Text(1));
  if (!request.ok()) return corrupt(request.status());
  job.request = std::move(request).value();
  std::optional<JobState> state = ParseJobState(row.Text(2));
  if (!state) return corrupt(Status::Internal("unknown state \"" + row.Text(2) + "\""));
  job.state = *state;
  job.stage = row.Text(3);
  job.progress = row.Double(4);
  Result<std::map<std::string, double>> timings = StageTimingsFromJson(row.Text(5));
  if (!timings.ok()) return corrupt(timings.status());
  job.stage_timings_s = std::move(timings).value();
  job.error_code = row.Text(6);
  job.error_message = row.Text(7);
  job.dedup_key = row.Text(8);
  job.attempts = static_cast<int>(row.Int(9));
  job.cancel_requested = row.Int(10) != 0;
  job.created_ms = row.Int(11);
  job.updated_ms = row.Int(12);
  job.finished_ms = row.Int(13);
  job.worker_id = row.Text(14);
  job.lease_version = row.Int(15);
  return job;
}

}  // namespace ytl
