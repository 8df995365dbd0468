#include "store/postgres/pg_job_row.h"

#include "store/job_columns.h"

namespace ytl::pg {

Result<std::optional<Job>> FirstJob(const pqxx::result& result) {
  if (result.empty()) return std::optional<Job>();
  Result<Job> job = ReadJobColumns(RowView(result[0]));
  if (!job.ok()) return job.status();
  return std::optional<Job>(std::move(job).value());
}

}  // namespace ytl::pg
