// Mapping between rows of the jobs table and Job (see store/job_columns.h).
#pragma once

#include <optional>

#include "core/status.h"
#include "jobs/job.h"
#include "store/job_columns.h"
#include "store/sqlite/sqlite_statement.h"

namespace ytl::sqlite {

using ::ytl::kJobColumns;

// Steps `statement` (selecting kJobColumns) once: the job in the row, or
// nullopt when there is none.
Result<std::optional<Job>> StepJob(Statement& statement);

}  // namespace ytl::sqlite
