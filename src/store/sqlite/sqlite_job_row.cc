#include "store/sqlite/sqlite_job_row.h"

namespace ytl::sqlite {

Result<std::optional<Job>> StepJob(Statement& statement) {
  Result<bool> row = statement.Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<Job>();
  Result<Job> job = ReadJobColumns(statement);
  if (!job.ok()) return job.status();
  return std::optional<Job>(std::move(job).value());
}

}  // namespace ytl::sqlite
