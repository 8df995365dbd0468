// PgJobStore: the writes a worker makes under its lease, and results. Each
// locks the job row and checks the lease in the transaction that writes.
#include <cmath>
#include <nlohmann/json.hpp>

#include "store/job_columns.h"
#include "store/postgres/pg_job_row.h"
#include "store/postgres/pg_job_store.h"

namespace ytl {

Result<Job> PgJobStore::HeldJob(pqxx::transaction_base& tx, const std::string& id,
                                std::int64_t lease_version) {
  Result<Job> job = FindJobOrNotFound(tx, id, true);
  if (!job.ok()) return job.status();
  YTL_RETURN_IF_ERROR(CheckLeaseHeld(*job, lease_version));
  return job;
}

Status PgJobStore::UpdateProgress(const std::string& id, std::int64_t lease_version,
                                  const std::string& stage, double progress) {
  if (!(progress >= 0 && progress <= 1)) {
    return Status::InvalidInput("progress " + std::to_string(progress) + " of job " + id +
                                " is outside [0, 1]; report the fraction done within the stage");
  }
  return Write([&](pqxx::work& tx, Notices& notices) -> Status {
    Result<Job> job = HeldJob(tx, id, lease_version);
    if (!job.ok()) return job.status();
    if (job->cancel_requested) {
      return CancelRequested(id);
    }
    tx.exec_params("UPDATE jobs SET stage = $2, progress = $3, updated_ms = $4 WHERE id = $1", id,
                   stage, progress, clock_->NowMs());
    if (job->stage != stage) {
      const nlohmann::json started = {{"stage", stage}};
      YTL_RETURN_IF_ERROR(AppendEventInTx(tx, id, "stage", started.dump(), notices).status());
    }
    const nlohmann::json data = {{"stage", stage}, {"progress", progress}};
    return AppendEventInTx(tx, id, "progress", data.dump(), notices).status();
  });
}

Status PgJobStore::RenewLease(const std::string& id, std::int64_t lease_version) {
  bool cancel_requested = false;
  YTL_RETURN_IF_ERROR(Write([&](pqxx::work& tx, Notices&) -> Status {
    Result<Job> job = HeldJob(tx, id, lease_version);
    if (!job.ok()) return job.status();
    cancel_requested = job->cancel_requested;
    tx.exec_params("UPDATE jobs SET lease_expires_ms = $2 WHERE id = $1", id,
                   clock_->NowMs() + lease_ms_);
    return Status::Ok();
  }));
  if (cancel_requested) {
    return CancelRequested(id);
  }
  return Status::Ok();
}

Status PgJobStore::RetryLater(const std::string& id, std::int64_t lease_version,
                              std::int64_t delay_ms, const std::string& error_code,
                              const std::string& error_message) {
  if (delay_ms < 0) {
    return Status::InvalidInput("retry delay of job " + id + " is negative; pass 0 or more ms");
  }
  return Write([&](pqxx::work& tx, Notices& notices) -> Status {
    Result<Job> job = HeldJob(tx, id, lease_version);
    if (!job.ok()) return job.status();
    const std::int64_t now_ms = clock_->NowMs();
    Result<std::optional<Job>> queued = pg::FirstJob(tx.exec_params(
        "UPDATE jobs SET state = 'queued', lease_version = lease_version + 1, run_after_ms = $2, "
        "error_code = $3, error_message = $4, updated_ms = $5 WHERE id = $1 RETURNING " +
            std::string(kJobColumns),
        id, now_ms + delay_ms, error_code, error_message, now_ms));
    if (!queued.ok()) return queued.status();
    return AppendStateEvent(tx, **queued, notices);
  });
}

Status PgJobStore::RecordStageTiming(const std::string& id, std::int64_t lease_version,
                                     const std::string& stage, double seconds) {
  if (stage.empty() || !std::isfinite(seconds) || seconds < 0) {
    return Status::InvalidInput("stage timing of job " + id +
                                " needs a stage name and seconds >= 0");
  }
  return Write([&](pqxx::work& tx, Notices& notices) -> Status {
    Result<Job> job = HeldJob(tx, id, lease_version);
    if (!job.ok()) return job.status();
    job->stage_timings_s[stage] = seconds;
    tx.exec_params("UPDATE jobs SET stage_timings_json = $2, updated_ms = $3 WHERE id = $1", id,
                   StageTimingsToJson(job->stage_timings_s), clock_->NowMs());
    const nlohmann::json data = {{"stage", stage}, {"seconds", seconds}};
    return AppendEventInTx(tx, id, "stage", data.dump(), notices).status();
  });
}

Status PgJobStore::FinishJob(const std::string& id, std::int64_t lease_version,
                             JobState final_state, const std::string& error_code,
                             const std::string& error_message) {
  if (!IsFinalState(final_state)) {
    return Status::InvalidInput("cannot finish job " + id + " as " +
                                std::string(JobStateName(final_state)) +
                                "; use succeeded, failed or cancelled");
  }
  return Write([&](pqxx::work& tx, Notices& notices) -> Status {
    Result<Job> job = HeldJob(tx, id, lease_version);
    if (!job.ok()) return job.status();
    if (final_state == JobState::kSucceeded &&
        tx.exec_params("SELECT 1 FROM job_results WHERE job_id = $1", id).empty()) {
      return Status::InvalidInput("job " + id +
                                  " has no result; PutResult before finishing it as succeeded");
    }
    Result<std::optional<Job>> finished = pg::FirstJob(tx.exec_params(
        "UPDATE jobs SET state = $2, error_code = $3, error_message = $4, finished_ms = $5, "
        "updated_ms = $5, progress = CASE WHEN $2 = 'succeeded' THEN 1 ELSE progress END "
        "WHERE id = $1 RETURNING " +
            std::string(kJobColumns),
        id, std::string(JobStateName(final_state)), error_code, error_message, clock_->NowMs()));
    if (!finished.ok()) return finished.status();
    return AppendStateEvent(tx, **finished, notices);
  });
}

Status PgJobStore::PutResult(const std::string& id, std::int64_t lease_version,
                             const std::string& alignment_json) {
  if (!nlohmann::json::accept(alignment_json)) {
    return Status::InvalidInput("result of job " + id +
                                " is not valid JSON; store the "
                                "Alignment as written by the JSON exporter");
  }
  return Write([&](pqxx::work& tx, Notices&) -> Status {
    Result<Job> job = HeldJob(tx, id, lease_version);
    if (!job.ok()) return job.status();
    if (!tx.exec_params("SELECT 1 FROM job_results WHERE job_id = $1", id).empty()) {
      return Status::InvalidInput("job " + id + " already has a result; a result is written once");
    }
    tx.exec_params(
        "INSERT INTO job_results (job_id, alignment_json, created_ms) VALUES ($1, $2, $3)", id,
        alignment_json, clock_->NowMs());
    return Status::Ok();
  });
}

Result<std::optional<std::string>> PgJobStore::GetResult(const std::string& id) {
  std::optional<std::string> result;
  Status status = Read([&](pqxx::transaction_base& tx) -> Status {
    YTL_RETURN_IF_ERROR(FindJobOrNotFound(tx, id, false).status());
    const pqxx::result rows =
        tx.exec_params("SELECT alignment_json FROM job_results WHERE job_id = $1", id);
    if (!rows.empty()) result = rows[0][0].as<std::string>();
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return result;
}

}  // namespace ytl
