#include "store/job_store.h"

#include <nlohmann/json.hpp>

namespace ytl {
namespace {
constexpr std::string_view kLeaseLostPrefix = "lease lost";
}  // namespace

std::int64_t& JobCounts::For(JobState state) {
  switch (state) {
    case JobState::kQueued:
      return queued;
    case JobState::kRunning:
      return running;
    case JobState::kSucceeded:
      return succeeded;
    case JobState::kFailed:
      return failed;
    case JobState::kCancelled:
      return cancelled;
  }
  return queued;
}

Status LeaseLost(std::string_view job_id, std::int64_t held_lease_version,
                 std::string_view detail) {
  return Status::Unavailable(std::string(kLeaseLostPrefix) + ": job " + std::string(job_id) +
                             " is no longer held by lease " + std::to_string(held_lease_version) +
                             " (" + std::string(detail) + "); stop working on it");
}

bool IsLeaseLost(const Status& status) {
  return status.code() == Status::Code::kUnavailable &&
         std::string_view(status.message()).starts_with(kLeaseLostPrefix);
}

Status JobNotFound(const std::string& id) {
  return Status::NotFound("job \"" + id.substr(0, 80) +
                          "\" not found; check the id, or list the jobs to see the known ones");
}

Status CheckLeaseHeld(const Job& job, std::int64_t lease_version) {
  if (job.lease_version != lease_version) {
    return LeaseLost(job.id, lease_version,
                     "the job moved on to lease " + std::to_string(job.lease_version));
  }
  if (job.state != JobState::kRunning) {
    return LeaseLost(job.id, lease_version, "the job is " + std::string(JobStateName(job.state)));
  }
  return Status::Ok();
}

Status CancelRequested(const std::string& id) {
  return Status::Cancelled("job " + id + " was asked to cancel; stop and finish it as cancelled");
}

std::string StateEventJson(const Job& job) {
  const nlohmann::json data = {{"state", JobStateName(job.state)},
                               {"attempts", job.attempts},
                               {"cancel_requested", job.cancel_requested},
                               {"error_code", job.error_code},
                               {"error_message", job.error_message}};
  return data.dump();
}

Status ValidateEvent(const std::string& job_id, const std::string& type,
                     const std::string& data_json) {
  if (type.empty()) {
    return Status::InvalidInput("event type for job " + job_id +
                                " is empty; use \"stage\", \"progress\" or \"state\"");
  }
  const nlohmann::json data = nlohmann::json::parse(data_json, nullptr, false);
  if (!data.is_object()) {
    return Status::InvalidInput("event data for job " + job_id +
                                " is not a JSON object: " + data_json.substr(0, 80));
  }
  return Status::Ok();
}

Status CheckPageLimit(int limit, std::string_view what) {
  if (limit < 1 || limit > kMaxPageSize) {
    return Status::InvalidInput(std::string(what) + " limit " + std::to_string(limit) +
                                " is out of range; ask for 1 to " + std::to_string(kMaxPageSize));
  }
  return Status::Ok();
}

JobState StateAfterLeaseEnds(bool has_result, bool cancel_requested, int attempts,
                             int max_attempts) {
  if (has_result) return JobState::kSucceeded;
  if (cancel_requested) return JobState::kCancelled;
  if (max_attempts > 0 && attempts >= max_attempts) return JobState::kFailed;
  return JobState::kQueued;
}

std::string LeaseExpiredMessage(const std::string& worker_id, int attempts) {
  return "the job's worker (" + worker_id + ") stopped renewing its lease, " +
         std::to_string(attempts) +
         " attempts in all; the song may crash or hang the worker: check the worker logs, "
         "or submit it again";
}

Status ValidateJobRequest(const JobRequest& request) {
  if (request.url.empty() == request.upload_id.empty()) {
    return Status::InvalidInput(
        "a job needs exactly one song source, got " +
        std::string(request.url.empty() ? "neither url nor upload_id" : "both url and upload_id") +
        "; set one of them");
  }
  if (request.language.empty()) {
    return Status::InvalidInput("job language is empty; set an ISO 639-1 code such as \"en\"");
  }
  return Status::Ok();
}

}  // namespace ytl
