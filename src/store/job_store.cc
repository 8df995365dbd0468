#include "store/job_store.h"

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
