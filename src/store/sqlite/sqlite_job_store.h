// SqliteJobStore: the JobStore on one SQLite database in a data dir.
//
// Layout of config.data_dir: jobs.db (+ -wal, -shm): jobs, events, results
// and upload metadata; uploads/ and artifacts/: blobs as files (BlobDir),
// written before the row that names them, so a row never points at a
// missing file.
//
// Threading: one connection per store object, guarded by a mutex, so one
// operation runs at a time per object. Several objects, in this process or
// others, may open the same data dir: WAL mode lets readers run beside a
// writer, writes take the lock up front (BEGIN IMMEDIATE) and wait up to
// busy_timeout_ms for it. Event listeners (Subscribe) hear only commits made
// through this object; listeners in other processes must fall back to
// re-reading on a timeout.
//
// The implementation is split by concern: sqlite_job_store.cc (open, job
// lifecycle), sqlite_job_store_lease.cc (lease-fenced worker writes),
// sqlite_job_store_data.cc (events, uploads, artifacts, health).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>

#include "store/blob_dir.h"
#include "store/clock.h"
#include "store/job_store.h"
#include "store/sqlite/sqlite_connection.h"
#include "store/sqlite/sqlite_store_config.h"

namespace ytl {

class SqliteJobStore : public JobStore {
 public:
  // Opens (creating when missing) the store in config.data_dir and applies
  // schema migrations. `clock` is not owned and must outlive the store; null
  // uses the system clock.
  static Result<std::unique_ptr<SqliteJobStore>> Open(const SqliteStoreConfig& config,
                                                      const Clock* clock = nullptr);

  Result<CreateOutcome> CreateJob(const JobRequest& request, std::string dedup_key) override;
  Result<Job> GetJob(const std::string& id) override;
  Result<JobPage> ListJobs(std::optional<JobState> state, int limit,
                           const std::string& cursor) override;
  Result<std::optional<Job>> ClaimNextJob(const std::string& worker_id) override;
  Status UpdateProgress(const std::string& id, std::int64_t lease_version, const std::string& stage,
                        double progress) override;
  Status RecordStageTiming(const std::string& id, std::int64_t lease_version,
                           const std::string& stage, double seconds) override;
  Status FinishJob(const std::string& id, std::int64_t lease_version, JobState final_state,
                   const std::string& error_code, const std::string& error_message) override;
  Status PutResult(const std::string& id, std::int64_t lease_version,
                   const std::string& alignment_json) override;
  Result<std::optional<std::string>> GetResult(const std::string& id) override;
  Status RequestCancel(const std::string& id) override;
  Result<int> RequeueJobs(std::optional<std::string> worker_id) override;
  Status RenewLease(const std::string& id, std::int64_t lease_version) override;
  Result<int> RequeueExpiredLeases(int max_attempts) override;
  Status RetryLater(const std::string& id, std::int64_t lease_version, std::int64_t delay_ms,
                    const std::string& error_code, const std::string& error_message) override;

  Result<std::int64_t> AppendEvent(const std::string& job_id, const std::string& type,
                                   const std::string& data_json) override;
  Result<std::vector<JobEvent>> EventsAfter(const std::string& job_id, std::int64_t after_seq,
                                            int limit) override;
  EventSubscription Subscribe(EventListener listener) override;

  Status PutArtifact(const std::string& key, std::string_view bytes) override;
  Result<std::optional<std::string>> GetArtifact(const std::string& key) override;
  bool HasArtifact(const std::string& key) override;
  Result<std::string> PutUpload(std::string_view bytes, const std::string& filename) override;
  Result<std::string> UploadPath(const std::string& upload_id) override;

  Status CheckWritable() override;
  Result<JobCounts> CountByState() override;

 private:
  // Job id -> newest event seq appended by the running transaction.
  using Notices = std::map<std::string, std::int64_t>;

  SqliteJobStore(const Clock* clock, std::int64_t lease_ms, BlobDir uploads, BlobDir artifacts,
                 sqlite::Connection connection);

  // Runs `body` in a write transaction under the mutex, commits, then
  // notifies listeners of the events it appended.
  Status Write(const std::function<Status(Notices&)>& body);
  // Runs `body` in a read transaction under the mutex.
  Status Read(const std::function<Status()>& body);

  // Helpers for use inside Write/Read bodies.
  Result<std::optional<Job>> FindJob(const std::string& id);
  Result<Job> FindJobOrNotFound(const std::string& id);
  Result<Job> HeldJob(const std::string& id, std::int64_t lease_version);
  Result<std::int64_t> AppendEventInTx(const std::string& job_id, const std::string& type,
                                       const std::string& data_json, Notices& notices);
  Status AppendStateEvent(const Job& job, Notices& notices);
  Result<bool> HasResultInTx(const std::string& id);
  // Ends or re-queues the running jobs `running` selects (columns: id,
  // cancel_requested, has a result, attempts, worker_id); see RequeueJobs
  // and RequeueExpiredLeases. max_attempts 0: never fail.
  Result<int> RequeueSelected(sqlite::Statement& running, int max_attempts, Notices& notices);

  SystemClock system_clock_;
  const Clock* clock_;
  std::int64_t lease_ms_;
  BlobDir uploads_;
  BlobDir artifacts_;
  std::shared_ptr<EventHub> hub_ = std::make_shared<EventHub>();
  std::mutex mutex_;  // guards connection_
  sqlite::Connection connection_;
};

}  // namespace ytl
