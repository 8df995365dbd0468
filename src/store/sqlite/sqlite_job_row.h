// Mapping between rows of the jobs table and Job.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "core/status.h"
#include "jobs/job.h"
#include "store/sqlite/sqlite_statement.h"

namespace ytl::sqlite {

// The column list every query returning jobs selects (or RETURNs), in the
// order ReadJob expects.
inline constexpr const char* kJobColumns =
    "id, request_json, state, stage, progress, stage_timings_json, error_code, error_message, "
    "dedup_key, attempts, cancel_requested, created_ms, updated_ms, finished_ms, worker_id, "
    "lease_version";

// The job in the current row of `statement` (selected with kJobColumns).
// Internal error when the row holds something this build cannot read.
Result<Job> ReadJob(const Statement& statement);

// Steps `statement` once: the job in the row, or nullopt when there is none.
Result<std::optional<Job>> StepJob(Statement& statement);

std::string StageTimingsToJson(const std::map<std::string, double>& timings_s);
Result<std::map<std::string, double>> StageTimingsFromJson(const std::string& json);

}  // namespace ytl::sqlite
