// PgJobStore: the JobStore on PostgreSQL, shared by every API node and
// worker of a deployment (open it through OpenPgJobStore, pg_store.h).
//
// Jobs, events and results are rows; artifacts and uploads are named blobs
// made of content-addressed 1 MiB chunks (blob_chunks), so every node reads
// them and equal chunks are stored once. UploadPath copies an upload into a
// local cache folder once per node, because the pipeline reads files.
//
// Concurrency: every method is one transaction on a pooled connection.
// Claims take the oldest ready job with SELECT ... FOR UPDATE SKIP LOCKED,
// so concurrent workers never wait on each other; worker writes lock the
// job row (FOR UPDATE) and check the lease_version in the same transaction
// (fencing). Events are announced with NOTIFY in the appending transaction;
// a listener thread on its own connection feeds them to local subscribers,
// so an SSE stream on any node follows a job on any worker.
//
// The implementation is split by concern: pg_job_store.cc (open, job
// lifecycle), pg_job_store_lease.cc (lease-fenced worker writes),
// pg_job_store_data.cc (events, blobs, health).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <pqxx/pqxx>

#include "store/blob_dir.h"
#include "store/clock.h"
#include "store/event_hub.h"
#include "store/job_store.h"
#include "store/postgres/pg_connection_pool.h"
#include "store/postgres/pg_event_listener.h"
#include "store/postgres/pg_store_config.h"

namespace ytl {

class PgJobStore : public JobStore {
 public:
  static Result<std::unique_ptr<PgJobStore>> Open(const PgStoreConfig& config,
                                                  const Clock* clock = nullptr);
  ~PgJobStore() override;

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

  PgJobStore(const PgStoreConfig& config, const Clock* clock, BlobDir upload_cache);

  // Runs `body` in a read-write transaction, NOTIFYs the events it appended
  // and commits, then tells local subscribers. Retried as a whole on a
  // broken connection (see ConnectionPool::Run).
  Status Write(const std::function<Status(pqxx::work&, Notices&)>& body);
  // Runs `body` in a read-only transaction.
  Status Read(const std::function<Status(pqxx::transaction_base&)>& body);

  // Helpers for use inside Write/Read bodies.
  Result<std::optional<Job>> FindJob(pqxx::transaction_base& tx, const std::string& id,
                                     bool for_update);
  Result<Job> FindJobOrNotFound(pqxx::transaction_base& tx, const std::string& id, bool for_update);
  Result<Job> HeldJob(pqxx::transaction_base& tx, const std::string& id,
                      std::int64_t lease_version);
  Result<std::int64_t> AppendEventInTx(pqxx::transaction_base& tx, const std::string& job_id,
                                       const std::string& type, const std::string& data_json,
                                       Notices& notices);
  Status AppendStateEvent(pqxx::transaction_base& tx, const Job& job, Notices& notices);
  // Ends or re-queues the running jobs in `running` (columns: id,
  // cancel_requested, has a result, attempts, worker_id), locked FOR UPDATE.
  Result<int> RequeueSelected(pqxx::transaction_base& tx, const pqxx::result& running,
                              int max_attempts, Notices& notices);
  // Named blobs of chunks: "artifact/<key>", "upload/<id>".
  Status PutBlob(pqxx::transaction_base& tx, const std::string& name, std::string_view bytes);
  Result<std::optional<std::string>> GetBlob(const std::string& name);

  SystemClock system_clock_;
  const Clock* clock_;
  std::int64_t lease_ms_;
  BlobDir upload_cache_;
  pg::ConnectionPool pool_;
  std::string instance_id_;  // tells this object's NOTIFYs from other processes'
  std::shared_ptr<EventHub> hub_ = std::make_shared<EventHub>();
  std::unique_ptr<pg::EventListener> listener_;
};

}  // namespace ytl
