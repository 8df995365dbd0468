#include "store/postgres/pg_job_store.h"

#include <filesystem>
#include <limits>

#include "store/job_columns.h"
#include "store/job_cursor.h"
#include "store/job_id.h"
#include "store/job_request_json.h"
#include "store/postgres/pg_job_row.h"
#include "store/postgres/pg_schema.h"
#include "store/postgres/pg_store.h"

namespace ytl {

using pg::FirstJob;

namespace {

std::string Sql(std::string_view head, std::string_view tail = "") {
  return std::string(head) + std::string(tail);
}

const std::string kReturningJob = Sql(" RETURNING ", kJobColumns);

// Running jobs with what RequeueSelected needs to decide their next state.
const std::string kSelectRunning =
    "SELECT id, cancel_requested, EXISTS (SELECT 1 FROM job_results r WHERE r.job_id = j.id), "
    "attempts, worker_id FROM jobs j WHERE state = 'running'";

std::string UploadCacheDir(const PgStoreConfig& config) {
  if (!config.upload_cache_dir.empty()) return config.upload_cache_dir;
  return (std::filesystem::temp_directory_path() / "yt-lyrics-uploads").string();
}

}  // namespace

bool PgStoreAvailable() { return true; }

Result<std::unique_ptr<JobStore>> OpenPgJobStore(const PgStoreConfig& config, const Clock* clock) {
  Result<std::unique_ptr<PgJobStore>> store = PgJobStore::Open(config, clock);
  if (!store.ok()) return store.status();
  return std::unique_ptr<JobStore>(std::move(store).value());
}

Result<std::unique_ptr<PgJobStore>> PgJobStore::Open(const PgStoreConfig& config,
                                                     const Clock* clock) {
  YTL_RETURN_IF_ERROR(config.Validate());
  Result<BlobDir> upload_cache = BlobDir::Open(UploadCacheDir(config));
  if (!upload_cache.ok()) return upload_cache.status();
  std::unique_ptr<PgJobStore> store(new PgJobStore(config, clock, std::move(upload_cache).value()));
  YTL_RETURN_IF_ERROR(store->pool_.Run([](pqxx::connection& connection) -> Status {
    return pg::MigrateSchema(connection).status();
  }));
  store->listener_ =
      std::make_unique<pg::EventListener>(config.url, store->instance_id_, store->hub_);
  return store;
}

PgJobStore::PgJobStore(const PgStoreConfig& config, const Clock* clock, BlobDir upload_cache)
    : clock_(clock != nullptr ? clock : &system_clock_),
      lease_ms_(config.lease_ms),
      upload_cache_(std::move(upload_cache)),
      pool_(config.url, config.pool_size, config.connect_timeout_s,
            config.idle_in_transaction_timeout_ms),
      instance_id_(NewJobId()) {}

PgJobStore::~PgJobStore() = default;

Status PgJobStore::Write(const std::function<Status(pqxx::work&, Notices&)>& body) {
  Notices notices;
  YTL_RETURN_IF_ERROR(pool_.Run([&](pqxx::connection& connection) -> Status {
    notices.clear();
    pqxx::work tx(connection);
    YTL_RETURN_IF_ERROR(body(tx, notices));
    for (const auto& [job_id, seq] : notices) {
      tx.exec_params("SELECT pg_notify($1, $2)", pg::kEventChannel,
                     pg::EventPayload(instance_id_, job_id, seq));
    }
    tx.commit();
    return Status::Ok();
  }));
  for (const auto& [job_id, seq] : notices) hub_->Notify(job_id, seq);
  return Status::Ok();
}

Status PgJobStore::Read(const std::function<Status(pqxx::transaction_base&)>& body) {
  return pool_.Run([&](pqxx::connection& connection) -> Status {
    pqxx::read_transaction tx(connection);
    return body(tx);
  });
}

Result<std::optional<Job>> PgJobStore::FindJob(pqxx::transaction_base& tx, const std::string& id,
                                               bool for_update) {
  return FirstJob(tx.exec_params(
      Sql("SELECT ", kJobColumns) + " FROM jobs WHERE id = $1" + (for_update ? " FOR UPDATE" : ""),
      id));
}

Result<Job> PgJobStore::FindJobOrNotFound(pqxx::transaction_base& tx, const std::string& id,
                                          bool for_update) {
  Result<std::optional<Job>> job = FindJob(tx, id, for_update);
  if (!job.ok()) return job.status();
  if (!job->has_value()) return JobNotFound(id);
  return std::move(**job);
}

Result<CreateOutcome> PgJobStore::CreateJob(const JobRequest& request, std::string dedup_key) {
  YTL_RETURN_IF_ERROR(ValidateJobRequest(request));
  CreateOutcome outcome;
  Status status = Write([&](pqxx::work& tx, Notices& notices) -> Status {
    if (!request.upload_id.empty() &&
        tx.exec_params("SELECT 1 FROM uploads WHERE upload_id = $1", request.upload_id).empty()) {
      return Status::NotFound("upload \"" + request.upload_id.substr(0, 80) +
                              "\" not found; upload the song first and use the id returned");
    }
    if (!dedup_key.empty()) {
      Result<std::optional<Job>> existing = FirstJob(tx.exec_params(
          Sql("SELECT ", kJobColumns) +
              " FROM jobs WHERE dedup_key = $1 AND state IN ('queued', 'running', 'succeeded')",
          dedup_key));
      if (!existing.ok()) return existing.status();
      if (existing->has_value()) {
        outcome = {std::move(**existing), true};
        return Status::Ok();
      }
    }
    Result<std::optional<Job>> created = FirstJob(tx.exec_params(
        "INSERT INTO jobs (id, request_json, state, dedup_key, created_ms, updated_ms) "
        "VALUES ($1, $2, 'queued', $3, $4, $4)" +
            kReturningJob,
        NewJobId(), JobRequestToJson(request), dedup_key, clock_->NowMs()));
    if (!created.ok()) return created.status();
    outcome = {std::move(**created), false};
    return AppendStateEvent(tx, outcome.job, notices);
  });
  if (!status.ok()) return status;
  return outcome;
}

Result<Job> PgJobStore::GetJob(const std::string& id) {
  Job job;
  Status status = Read([&](pqxx::transaction_base& tx) -> Status {
    Result<Job> found = FindJobOrNotFound(tx, id, false);
    if (!found.ok()) return found.status();
    job = std::move(found).value();
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return job;
}

Result<JobPage> PgJobStore::ListJobs(std::optional<JobState> state, int limit,
                                     const std::string& cursor) {
  YTL_RETURN_IF_ERROR(CheckPageLimit(limit, "job list"));
  Result<std::int64_t> start = ListStartPosition(cursor);
  if (!start.ok()) return start.status();
  const std::int64_t before = *start;
  JobPage page;
  Status status = Read([&](pqxx::transaction_base& tx) -> Status {
    const pqxx::result rows = tx.exec_params(
        Sql("SELECT ", kJobColumns) +
            ", position FROM jobs WHERE position < $1 AND ($3 = '' OR state = $3) "
            "ORDER BY position DESC LIMIT $2",
        before, limit + 1, state ? std::string(JobStateName(*state)) : std::string());
    for (const pqxx::row& row : rows) {
      if (static_cast<int>(page.jobs.size()) == limit) {
        page.next_cursor = EncodeJobCursor(rows[limit - 1][16].as<std::int64_t>());
        break;
      }
      Result<Job> job = ReadJobColumns(pg::RowView(row));
      if (!job.ok()) return job.status();
      page.jobs.push_back(std::move(job).value());
    }
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return page;
}

Result<std::optional<Job>> PgJobStore::ClaimNextJob(const std::string& worker_id) {
  if (worker_id.empty()) {
    return Status::InvalidInput("worker_id is empty; name the worker claiming the job");
  }
  std::optional<Job> claimed;
  Status status = Write([&](pqxx::work& tx, Notices& notices) -> Status {
    const std::int64_t now_ms = clock_->NowMs();
    Result<std::optional<Job>> job = FirstJob(tx.exec_params(
        "WITH next AS (SELECT position FROM jobs WHERE state = 'queued' AND run_after_ms <= $2 "
        "ORDER BY position LIMIT 1 FOR UPDATE SKIP LOCKED) "
        "UPDATE jobs j SET state = 'running', worker_id = $1, attempts = attempts + 1, "
        "lease_version = lease_version + 1, stage = '', progress = 0, updated_ms = $2, "
        "lease_expires_ms = $3 FROM next WHERE j.position = next.position" +
            kReturningJob,
        worker_id, now_ms, now_ms + lease_ms_));
    if (!job.ok()) return job.status();
    claimed = std::move(*job);
    return claimed ? AppendStateEvent(tx, *claimed, notices) : Status::Ok();
  });
  if (!status.ok()) return status;
  return claimed;
}

Status PgJobStore::RequestCancel(const std::string& id) {
  return Write([&](pqxx::work& tx, Notices& notices) -> Status {
    Result<Job> job = FindJobOrNotFound(tx, id, true);
    if (!job.ok()) return job.status();
    Result<std::string> set = CancelAssignments(*job, "$2");
    if (!set.ok()) return set.status();
    if (set->empty()) return Status::Ok();
    Result<std::optional<Job>> changed = FirstJob(tx.exec_params(
        "UPDATE jobs SET " + *set + ", updated_ms = $2 WHERE id = $1" + kReturningJob, id,
        clock_->NowMs()));
    if (!changed.ok()) return changed.status();
    return AppendStateEvent(tx, **changed, notices);
  });
}

Result<int> PgJobStore::RequeueJobs(std::optional<std::string> worker_id) {
  int changed_count = 0;
  Status status = Write([&](pqxx::work& tx, Notices& notices) -> Status {
    const pqxx::result running = tx.exec_params(
        kSelectRunning + " AND ($1 = '' OR worker_id = $1) ORDER BY position FOR UPDATE",
        worker_id.value_or(""));
    Result<int> changed = RequeueSelected(tx, running, 0, notices);
    if (!changed.ok()) return changed.status();
    changed_count = *changed;
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return changed_count;
}

Result<int> PgJobStore::RequeueExpiredLeases(int max_attempts) {
  int changed_count = 0;
  Status status = Write([&](pqxx::work& tx, Notices& notices) -> Status {
    const pqxx::result running = tx.exec_params(
        kSelectRunning + " AND lease_expires_ms < $1 ORDER BY position FOR UPDATE SKIP LOCKED",
        clock_->NowMs());
    Result<int> changed = RequeueSelected(tx, running, max_attempts, notices);
    if (!changed.ok()) return changed.status();
    changed_count = *changed;
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return changed_count;
}

Result<int> PgJobStore::RequeueSelected(pqxx::transaction_base& tx, const pqxx::result& running,
                                        int max_attempts, Notices& notices) {
  const std::int64_t now_ms = clock_->NowMs();
  for (const pqxx::row& row : running) {
    const int attempts = row[3].as<int>();
    const JobState next =
        StateAfterLeaseEnds(row[2].as<bool>(), row[1].as<int>() != 0, attempts, max_attempts);
    const std::string message =
        next == JobState::kFailed ? LeaseExpiredMessage(row[4].as<std::string>(), attempts) : "";
    Result<std::optional<Job>> job = FirstJob(tx.exec_params(
        "UPDATE jobs SET state = $2::text, lease_version = lease_version + 1, "
        "updated_ms = $3::bigint, "
        "finished_ms = CASE WHEN $2::text = 'queued' THEN 0 ELSE $3::bigint END, "
        "progress = CASE WHEN $2::text = 'succeeded' THEN 1 ELSE progress END, "
        "error_code = CASE WHEN $2::text = 'failed' THEN 'lease_expired' ELSE error_code END, "
        "error_message = CASE WHEN $2::text = 'failed' THEN $4::text ELSE error_message END "
        "WHERE id = $1" +
            kReturningJob,
        row[0].as<std::string>(), std::string(JobStateName(next)), now_ms, message));
    if (!job.ok()) return job.status();
    YTL_RETURN_IF_ERROR(AppendStateEvent(tx, **job, notices));
  }
  return static_cast<int>(running.size());
}

Status PgJobStore::AppendStateEvent(pqxx::transaction_base& tx, const Job& job, Notices& notices) {
  return AppendEventInTx(tx, job.id, "state", StateEventJson(job), notices).status();
}

}  // namespace ytl
