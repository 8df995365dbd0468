#include "store/job_columns.h"

#include <nlohmann/json.hpp>

namespace ytl {

Result<std::string> CancelAssignments(const Job& job, std::string_view now_param) {
  switch (job.state) {
    case JobState::kCancelled:
      return std::string();
    case JobState::kSucceeded:
    case JobState::kFailed:
      return Status::InvalidInput("job " + job.id + " already " +
                                  std::string(JobStateName(job.state)) + "; nothing to cancel");
    case JobState::kRunning:
      return std::string(job.cancel_requested ? "" : "cancel_requested = 1");
    case JobState::kQueued:
      return "state = 'cancelled', finished_ms = " + std::string(now_param);
  }
  return Status::Internal("job " + job.id + " has an unknown state");
}

std::string StageTimingsToJson(const std::map<std::string, double>& timings_s) {
  return nlohmann::json(timings_s).dump();
}

Result<std::map<std::string, double>> StageTimingsFromJson(const std::string& json) {
  const nlohmann::json parsed = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (!parsed.is_object()) {
    return Status::Internal("stage timings \"" + json.substr(0, 80) + "\" are not a JSON object");
  }
  std::map<std::string, double> timings_s;
  for (const auto& [stage, seconds] : parsed.items()) {
    if (!seconds.is_number()) {
      return Status::Internal("stage timing of \"" + stage + "\" is not a number");
    }
    timings_s[stage] = seconds.get<double>();
  }
  return timings_s;
}

}  // namespace ytl
