#include "store/sqlite/sqlite_job_store.h"

#include <limits>
#include <nlohmann/json.hpp>

#include "store/job_cursor.h"
#include "store/job_id.h"
#include "store/job_request_json.h"
#include "store/sqlite/sqlite_job_row.h"
#include "store/sqlite/sqlite_schema.h"
#include "store/sqlite/sqlite_transaction.h"

namespace ytl {

using sqlite::Connection;
using sqlite::kJobColumns;
using sqlite::Statement;
using sqlite::StepJob;
using sqlite::Transaction;

namespace {

std::string Sql(std::string_view head, std::string_view tail = "") {
  return std::string(head) + std::string(tail);
}

const std::string kReturningJob = Sql(" RETURNING ", kJobColumns);

// Running jobs with what RequeueSelected needs to decide their next state.
const std::string kSelectRunning =
    "SELECT id, cancel_requested, EXISTS (SELECT 1 FROM job_results r WHERE r.job_id = j.id), "
    "attempts, worker_id FROM jobs j WHERE state = 'running'";

}  // namespace

Result<std::unique_ptr<SqliteJobStore>> SqliteJobStore::Open(const SqliteStoreConfig& config,
                                                             const Clock* clock) {
  YTL_RETURN_IF_ERROR(config.Validate());
  Result<BlobDir> uploads = BlobDir::Open(config.data_dir + "/uploads");
  if (!uploads.ok()) return uploads.status();
  Result<BlobDir> artifacts = BlobDir::Open(config.data_dir + "/artifacts");
  if (!artifacts.ok()) return artifacts.status();
  Result<Connection> connection =
      Connection::Open(config.data_dir + "/jobs.db", config.busy_timeout_ms,
                       config.sync_every_commit ? "FULL" : "NORMAL");
  if (!connection.ok()) return connection.status();
  YTL_RETURN_IF_ERROR(sqlite::MigrateSchema(*connection));
  return std::unique_ptr<SqliteJobStore>(
      new SqliteJobStore(clock, config.lease_ms, std::move(uploads).value(),
                         std::move(artifacts).value(), std::move(connection).value()));
}

SqliteJobStore::SqliteJobStore(const Clock* clock, std::int64_t lease_ms, BlobDir uploads,
                               BlobDir artifacts, Connection connection)
    : clock_(clock != nullptr ? clock : &system_clock_),
      lease_ms_(lease_ms),
      uploads_(std::move(uploads)),
      artifacts_(std::move(artifacts)),
      connection_(std::move(connection)) {}

Status SqliteJobStore::Write(const std::function<Status(Notices&)>& body) {
  Notices notices;
  {
    std::lock_guard lock(mutex_);
    Result<Transaction> transaction = Transaction::BeginWrite(connection_);
    if (!transaction.ok()) return transaction.status();
    YTL_RETURN_IF_ERROR(body(notices));
    YTL_RETURN_IF_ERROR(transaction->Commit());
  }
  for (const auto& [job_id, seq] : notices) hub_->Notify(job_id, seq);
  return Status::Ok();
}

Status SqliteJobStore::Read(const std::function<Status()>& body) {
  std::lock_guard lock(mutex_);
  Result<Transaction> transaction = Transaction::BeginRead(connection_);
  if (!transaction.ok()) return transaction.status();
  YTL_RETURN_IF_ERROR(body());
  return transaction->Commit();
}

Result<std::optional<Job>> SqliteJobStore::FindJob(const std::string& id) {
  Result<Statement> select =
      connection_.Prepare(Sql("SELECT ", kJobColumns) + " FROM jobs WHERE id = ?1");
  if (!select.ok()) return select.status();
  select->Bind(1, id);
  return StepJob(*select);
}

Result<Job> SqliteJobStore::FindJobOrNotFound(const std::string& id) {
  Result<std::optional<Job>> job = FindJob(id);
  if (!job.ok()) return job.status();
  if (!job->has_value()) return JobNotFound(id);
  return std::move(**job);
}

Result<CreateOutcome> SqliteJobStore::CreateJob(const JobRequest& request, std::string dedup_key) {
  YTL_RETURN_IF_ERROR(ValidateJobRequest(request));
  CreateOutcome outcome;
  Status status = Write([&](Notices& notices) -> Status {
    if (!request.upload_id.empty()) {
      Result<Statement> upload = connection_.Prepare("SELECT 1 FROM uploads WHERE upload_id = ?1");
      if (!upload.ok()) return upload.status();
      Result<bool> found = upload->Bind(1, request.upload_id).Step();
      if (!found.ok()) return found.status();
      if (!*found) {
        return Status::NotFound("upload \"" + request.upload_id.substr(0, 80) +
                                "\" not found; upload the song first and use the id returned");
      }
    }
    if (!dedup_key.empty()) {
      Result<Statement> live = connection_.Prepare(
          Sql("SELECT ", kJobColumns) +
          " FROM jobs WHERE dedup_key = ?1 AND state IN ('queued', 'running', 'succeeded')");
      if (!live.ok()) return live.status();
      Result<std::optional<Job>> existing = StepJob(live->Bind(1, dedup_key));
      if (!existing.ok()) return existing.status();
      if (existing->has_value()) {
        outcome = {std::move(**existing), true};
        return Status::Ok();
      }
    }
    const std::int64_t now_ms = clock_->NowMs();
    Result<Statement> insert = connection_.Prepare(
        "INSERT INTO jobs (id, request_json, state, dedup_key, created_ms, updated_ms) "
        "VALUES (?1, ?2, 'queued', ?3, ?4, ?4)" +
        kReturningJob);
    if (!insert.ok()) return insert.status();
    insert->Bind(1, NewJobId()).Bind(2, JobRequestToJson(request)).Bind(3, dedup_key);
    Result<std::optional<Job>> created = StepJob(insert->Bind(4, now_ms));
    if (!created.ok()) return created.status();
    outcome = {std::move(**created), false};
    return AppendStateEvent(outcome.job, notices);
  });
  if (!status.ok()) return status;
  return outcome;
}

Result<Job> SqliteJobStore::GetJob(const std::string& id) {
  Job job;
  Status status = Read([&]() -> Status {
    Result<Job> found = FindJobOrNotFound(id);
    if (!found.ok()) return found.status();
    job = std::move(found).value();
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return job;
}

Result<JobPage> SqliteJobStore::ListJobs(std::optional<JobState> state, int limit,
                                         const std::string& cursor) {
  YTL_RETURN_IF_ERROR(CheckPageLimit(limit, "job list"));
  Result<std::int64_t> start = ListStartPosition(cursor);
  if (!start.ok()) return start.status();
  const std::int64_t before = *start;
  JobPage page;
  Status status = Read([&]() -> Status {
    const std::string where =
        state ? " WHERE position < ?1 AND state = ?3" : " WHERE position < ?1";
    Result<Statement> select =
        connection_.Prepare(Sql("SELECT ", kJobColumns) + ", position FROM jobs" + where +
                            " ORDER BY position DESC LIMIT ?2");
    if (!select.ok()) return select.status();
    select->Bind(1, before).Bind(2, limit + 1);
    if (state) select->Bind(3, JobStateName(*state));
    std::int64_t last_position = 0;
    for (;;) {
      Result<std::optional<Job>> job = StepJob(*select);
      if (!job.ok()) return job.status();
      if (!job->has_value()) return Status::Ok();
      if (static_cast<int>(page.jobs.size()) == limit) {
        page.next_cursor = EncodeJobCursor(last_position);
        return Status::Ok();
      }
      page.jobs.push_back(std::move(**job));
      last_position = select->Int(16);
    }
  });
  if (!status.ok()) return status;
  return page;
}

Result<std::optional<Job>> SqliteJobStore::ClaimNextJob(const std::string& worker_id) {
  if (worker_id.empty()) {
    return Status::InvalidInput("worker_id is empty; name the worker claiming the job");
  }
  std::optional<Job> claimed;
  Status status = Write([&](Notices& notices) -> Status {
    Result<Statement> update = connection_.Prepare(
        "UPDATE jobs SET state = 'running', worker_id = ?1, attempts = attempts + 1, "
        "lease_version = lease_version + 1, stage = '', progress = 0, updated_ms = ?2, "
        "lease_expires_ms = ?2 + ?3 "
        "WHERE position = (SELECT position FROM jobs WHERE state = 'queued' "
        "AND run_after_ms <= ?2 ORDER BY position LIMIT 1)" +
        kReturningJob);
    if (!update.ok()) return update.status();
    Result<std::optional<Job>> job =
        StepJob(update->Bind(1, worker_id).Bind(2, clock_->NowMs()).Bind(3, lease_ms_));
    if (!job.ok()) return job.status();
    claimed = std::move(*job);
    return claimed ? AppendStateEvent(*claimed, notices) : Status::Ok();
  });
  if (!status.ok()) return status;
  return claimed;
}

Status SqliteJobStore::RequestCancel(const std::string& id) {
  return Write([&](Notices& notices) -> Status {
    Result<Job> job = FindJobOrNotFound(id);
    if (!job.ok()) return job.status();
    Result<std::string> set = CancelAssignments(*job, "?2");
    if (!set.ok()) return set.status();
    if (set->empty()) return Status::Ok();
    Result<Statement> update = connection_.Prepare(
        "UPDATE jobs SET " + *set + ", updated_ms = ?2 WHERE id = ?1" + kReturningJob);
    if (!update.ok()) return update.status();
    Result<std::optional<Job>> changed = StepJob(update->Bind(1, id).Bind(2, clock_->NowMs()));
    if (!changed.ok()) return changed.status();
    return AppendStateEvent(**changed, notices);
  });
}

Result<int> SqliteJobStore::RequeueJobs(std::optional<std::string> worker_id) {
  int changed_count = 0;
  Status status = Write([&](Notices& notices) -> Status {
    Result<Statement> running =
        connection_.Prepare(kSelectRunning + " AND (?1 IS NULL OR worker_id = ?1)");
    if (!running.ok()) return running.status();
    if (worker_id) running->Bind(1, *worker_id);
    Result<int> changed = RequeueSelected(*running, 0, notices);
    if (!changed.ok()) return changed.status();
    changed_count = *changed;
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return changed_count;
}

Result<int> SqliteJobStore::RequeueExpiredLeases(int max_attempts) {
  int changed_count = 0;
  Status status = Write([&](Notices& notices) -> Status {
    Result<Statement> running = connection_.Prepare(kSelectRunning + " AND lease_expires_ms < ?1");
    if (!running.ok()) return running.status();
    running->Bind(1, clock_->NowMs());
    Result<int> changed = RequeueSelected(*running, max_attempts, notices);
    if (!changed.ok()) return changed.status();
    changed_count = *changed;
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return changed_count;
}

Result<int> SqliteJobStore::RequeueSelected(Statement& running, int max_attempts,
                                            Notices& notices) {
  struct Move {
    std::string id;
    JobState next;
    std::string error_message;
  };
  std::vector<Move> moves;
  for (;;) {
    Result<bool> row = running.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    const int attempts = static_cast<int>(running.Int(3));
    const JobState next =
        StateAfterLeaseEnds(running.Int(2) != 0, running.Int(1) != 0, attempts, max_attempts);
    moves.push_back({running.Text(0), next,
                     next == JobState::kFailed ? LeaseExpiredMessage(running.Text(4), attempts)
                                               : std::string()});
  }
  const std::int64_t now_ms = clock_->NowMs();
  for (const Move& move : moves) {
    Result<Statement> update = connection_.Prepare(
        "UPDATE jobs SET state = ?2, lease_version = lease_version + 1, updated_ms = ?3, "
        "finished_ms = CASE WHEN ?2 = 'queued' THEN 0 ELSE ?3 END, "
        "progress = CASE WHEN ?2 = 'succeeded' THEN 1 ELSE progress END, "
        "error_code = CASE WHEN ?2 = 'failed' THEN 'lease_expired' ELSE error_code END, "
        "error_message = CASE WHEN ?2 = 'failed' THEN ?4 ELSE error_message END "
        "WHERE id = ?1" +
        kReturningJob);
    if (!update.ok()) return update.status();
    update->Bind(1, move.id).Bind(2, JobStateName(move.next)).Bind(3, now_ms);
    Result<std::optional<Job>> job = StepJob(update->Bind(4, move.error_message));
    if (!job.ok()) return job.status();
    YTL_RETURN_IF_ERROR(AppendStateEvent(**job, notices));
  }
  return static_cast<int>(moves.size());
}

Status SqliteJobStore::AppendStateEvent(const Job& job, Notices& notices) {
  return AppendEventInTx(job.id, "state", StateEventJson(job), notices).status();
}

}  // namespace ytl
