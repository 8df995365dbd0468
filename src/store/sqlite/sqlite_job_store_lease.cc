// SqliteJobStore: the writes a worker makes under its lease, and results.
#include <cmath>
#include <nlohmann/json.hpp>

#include "store/sqlite/sqlite_job_row.h"
#include "store/sqlite/sqlite_job_store.h"

namespace ytl {

using sqlite::Statement;

Result<Job> SqliteJobStore::HeldJob(const std::string& id, std::int64_t lease_version) {
  Result<Job> job = FindJobOrNotFound(id);
  if (!job.ok()) return job.status();
  YTL_RETURN_IF_ERROR(CheckLeaseHeld(*job, lease_version));
  return job;
}

Result<bool> SqliteJobStore::HasResultInTx(const std::string& id) {
  Result<Statement> select = connection_.Prepare("SELECT 1 FROM job_results WHERE job_id = ?1");
  if (!select.ok()) return select.status();
  return select->Bind(1, id).Step();
}

Status SqliteJobStore::UpdateProgress(const std::string& id, std::int64_t lease_version,
                                      const std::string& stage, double progress) {
  if (!(progress >= 0 && progress <= 1)) {
    return Status::InvalidInput("progress " + std::to_string(progress) + " of job " + id +
                                " is outside [0, 1]; report the fraction done within the stage");
  }
  return Write([&](Notices& notices) -> Status {
    Result<Job> job = HeldJob(id, lease_version);
    if (!job.ok()) return job.status();
    if (job->cancel_requested) {
      return CancelRequested(id);
    }
    Result<Statement> update = connection_.Prepare(
        "UPDATE jobs SET stage = ?2, progress = ?3, updated_ms = ?4 WHERE id = ?1");
    if (!update.ok()) return update.status();
    YTL_RETURN_IF_ERROR(
        update->Bind(1, id).Bind(2, stage).Bind(3, progress).Bind(4, clock_->NowMs()).Run());
    if (job->stage != stage) {
      const nlohmann::json started = {{"stage", stage}};
      YTL_RETURN_IF_ERROR(AppendEventInTx(id, "stage", started.dump(), notices).status());
    }
    const nlohmann::json data = {{"stage", stage}, {"progress", progress}};
    return AppendEventInTx(id, "progress", data.dump(), notices).status();
  });
}

Status SqliteJobStore::RenewLease(const std::string& id, std::int64_t lease_version) {
  bool cancel_requested = false;
  YTL_RETURN_IF_ERROR(Write([&](Notices&) -> Status {
    Result<Job> job = HeldJob(id, lease_version);
    if (!job.ok()) return job.status();
    cancel_requested = job->cancel_requested;
    Result<Statement> update =
        connection_.Prepare("UPDATE jobs SET lease_expires_ms = ?2 WHERE id = ?1");
    if (!update.ok()) return update.status();
    return update->Bind(1, id).Bind(2, clock_->NowMs() + lease_ms_).Run();
  }));
  if (cancel_requested) {
    return CancelRequested(id);
  }
  return Status::Ok();
}

Status SqliteJobStore::RetryLater(const std::string& id, std::int64_t lease_version,
                                  std::int64_t delay_ms, const std::string& error_code,
                                  const std::string& error_message) {
  if (delay_ms < 0) {
    return Status::InvalidInput("retry delay of job " + id + " is negative; pass 0 or more ms");
  }
  return Write([&](Notices& notices) -> Status {
    Result<Job> job = HeldJob(id, lease_version);
    if (!job.ok()) return job.status();
    const std::int64_t now_ms = clock_->NowMs();
    Result<Statement> update = connection_.Prepare(
        "UPDATE jobs SET state = 'queued', lease_version = lease_version + 1, run_after_ms = ?2, "
        "error_code = ?3, error_message = ?4, updated_ms = ?5 WHERE id = ?1 RETURNING " +
        std::string(sqlite::kJobColumns));
    if (!update.ok()) return update.status();
    update->Bind(1, id).Bind(2, now_ms + delay_ms).Bind(3, error_code);
    Result<std::optional<Job>> queued =
        sqlite::StepJob(update->Bind(4, error_message).Bind(5, now_ms));
    if (!queued.ok()) return queued.status();
    return AppendStateEvent(**queued, notices);
  });
}

Status SqliteJobStore::RecordStageTiming(const std::string& id, std::int64_t lease_version,
                                         const std::string& stage, double seconds) {
  if (stage.empty() || !std::isfinite(seconds) || seconds < 0) {
    return Status::InvalidInput("stage timing of job " + id +
                                " needs a stage name and seconds >= 0");
  }
  return Write([&](Notices& notices) -> Status {
    Result<Job> job = HeldJob(id, lease_version);
    if (!job.ok()) return job.status();
    job->stage_timings_s[stage] = seconds;
    Result<Statement> update = connection_.Prepare(
        "UPDATE jobs SET stage_timings_json = ?2, updated_ms = ?3 WHERE id = ?1");
    if (!update.ok()) return update.status();
    YTL_RETURN_IF_ERROR(update->Bind(1, id)
                            .Bind(2, StageTimingsToJson(job->stage_timings_s))
                            .Bind(3, clock_->NowMs())
                            .Run());
    const nlohmann::json data = {{"stage", stage}, {"seconds", seconds}};
    return AppendEventInTx(id, "stage", data.dump(), notices).status();
  });
}

Status SqliteJobStore::FinishJob(const std::string& id, std::int64_t lease_version,
                                 JobState final_state, const std::string& error_code,
                                 const std::string& error_message) {
  if (!IsFinalState(final_state)) {
    return Status::InvalidInput("cannot finish job " + id + " as " +
                                std::string(JobStateName(final_state)) +
                                "; use succeeded, failed or cancelled");
  }
  return Write([&](Notices& notices) -> Status {
    Result<Job> job = HeldJob(id, lease_version);
    if (!job.ok()) return job.status();
    if (final_state == JobState::kSucceeded) {
      Result<bool> has_result = HasResultInTx(id);
      if (!has_result.ok()) return has_result.status();
      if (!*has_result) {
        return Status::InvalidInput("job " + id +
                                    " has no result; PutResult before finishing it as succeeded");
      }
    }
    Result<Statement> update = connection_.Prepare(
        "UPDATE jobs SET state = ?2, error_code = ?3, error_message = ?4, finished_ms = ?5, "
        "updated_ms = ?5, progress = CASE WHEN ?2 = 'succeeded' THEN 1 ELSE progress END "
        "WHERE id = ?1 RETURNING " +
        std::string(sqlite::kJobColumns));
    if (!update.ok()) return update.status();
    update->Bind(1, id).Bind(2, JobStateName(final_state)).Bind(3, error_code);
    Result<std::optional<Job>> finished =
        sqlite::StepJob(update->Bind(4, error_message).Bind(5, clock_->NowMs()));
    if (!finished.ok()) return finished.status();
    return AppendStateEvent(**finished, notices);
  });
}

Status SqliteJobStore::PutResult(const std::string& id, std::int64_t lease_version,
                                 const std::string& alignment_json) {
  if (!nlohmann::json::accept(alignment_json)) {
    return Status::InvalidInput("result of job " + id +
                                " is not valid JSON; store the "
                                "Alignment as written by the JSON exporter");
  }
  return Write([&](Notices&) -> Status {
    Result<Job> job = HeldJob(id, lease_version);
    if (!job.ok()) return job.status();
    Result<bool> has_result = HasResultInTx(id);
    if (!has_result.ok()) return has_result.status();
    if (*has_result) {
      return Status::InvalidInput("job " + id + " already has a result; a result is written once");
    }
    Result<Statement> insert = connection_.Prepare(
        "INSERT INTO job_results (job_id, alignment_json, created_ms) VALUES (?1, ?2, ?3)");
    if (!insert.ok()) return insert.status();
    return insert->Bind(1, id).Bind(2, alignment_json).Bind(3, clock_->NowMs()).Run();
  });
}

Result<std::optional<std::string>> SqliteJobStore::GetResult(const std::string& id) {
  std::optional<std::string> result;
  Status status = Read([&]() -> Status {
    YTL_RETURN_IF_ERROR(FindJobOrNotFound(id).status());
    Result<Statement> select =
        connection_.Prepare("SELECT alignment_json FROM job_results WHERE job_id = ?1");
    if (!select.ok()) return select.status();
    Result<bool> row = select->Bind(1, id).Step();
    if (!row.ok()) return row.status();
    if (*row) result = select->Text(0);
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return result;
}

}  // namespace ytl
