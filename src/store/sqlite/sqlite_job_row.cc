#include "store/sqlite/sqlite_job_row.h"

#include <nlohmann/json.hpp>

#include "store/job_request_json.h"

namespace ytl::sqlite {

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

Result<Job> ReadJob(const Statement& row) {
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

Result<std::optional<Job>> StepJob(Statement& statement) {
  Result<bool> row = statement.Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<Job>();
  Result<Job> job = ReadJob(statement);
  if (!job.ok()) return job.status();
  return std::optional<Job>(std::move(job).value());
}

}  // namespace ytl::sqlite
