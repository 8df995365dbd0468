// SqliteJobStore: event logs, uploads, artifacts and health checks.
#include <nlohmann/json.hpp>

#include "core/content_hash.h"
#include "store/blob_keys.h"
#include "store/sqlite/sqlite_job_store.h"

namespace ytl {

using sqlite::Statement;

Result<std::int64_t> SqliteJobStore::AppendEventInTx(const std::string& job_id,
                                                     const std::string& type,
                                                     const std::string& data_json,
                                                     Notices& notices) {
  // Taking the next seq from the job row serialises appends per job, which
  // is what keeps seqs gapless and visible in order.
  Result<Statement> next = connection_.Prepare(
      "UPDATE jobs SET last_event_seq = last_event_seq + 1 WHERE id = ?1 "
      "RETURNING last_event_seq");
  if (!next.ok()) return next.status();
  Result<bool> row = next->Bind(1, job_id).Step();
  if (!row.ok()) return row.status();
  if (!*row) {
    return Status::NotFound("job \"" + job_id.substr(0, 80) +
                            "\" not found; cannot append an event to it");
  }
  const std::int64_t seq = next->Int(0);
  Result<Statement> insert = connection_.Prepare(
      "INSERT INTO job_events (job_id, seq, type, data_json, time_ms) VALUES (?1, ?2, ?3, ?4, ?5)");
  if (!insert.ok()) return insert.status();
  YTL_RETURN_IF_ERROR(insert->Bind(1, job_id)
                          .Bind(2, seq)
                          .Bind(3, type)
                          .Bind(4, data_json)
                          .Bind(5, clock_->NowMs())
                          .Run());
  notices[job_id] = seq;
  return seq;
}

Result<std::int64_t> SqliteJobStore::AppendEvent(const std::string& job_id, const std::string& type,
                                                 const std::string& data_json) {
  YTL_RETURN_IF_ERROR(ValidateEvent(job_id, type, data_json));
  std::int64_t seq = 0;
  Status status = Write([&](Notices& notices) -> Status {
    Result<std::int64_t> appended = AppendEventInTx(job_id, type, data_json, notices);
    if (!appended.ok()) return appended.status();
    seq = *appended;
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return seq;
}

Result<std::vector<JobEvent>> SqliteJobStore::EventsAfter(const std::string& job_id,
                                                          std::int64_t after_seq, int limit) {
  YTL_RETURN_IF_ERROR(CheckPageLimit(limit, "event"));
  std::vector<JobEvent> events;
  Status status = Read([&]() -> Status {
    YTL_RETURN_IF_ERROR(FindJobOrNotFound(job_id).status());
    Result<Statement> select = connection_.Prepare(
        "SELECT seq, type, data_json, time_ms FROM job_events "
        "WHERE job_id = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3");
    if (!select.ok()) return select.status();
    select->Bind(1, job_id).Bind(2, after_seq).Bind(3, limit);
    for (;;) {
      Result<bool> row = select->Step();
      if (!row.ok()) return row.status();
      if (!*row) return Status::Ok();
      events.push_back({select->Int(0), job_id, select->Text(1), select->Text(2), select->Int(3)});
    }
  });
  if (!status.ok()) return status;
  return events;
}

EventSubscription SqliteJobStore::Subscribe(EventListener listener) {
  return hub_->Subscribe(std::move(listener));
}

Status SqliteJobStore::PutArtifact(const std::string& key, std::string_view bytes) {
  YTL_RETURN_IF_ERROR(ValidateArtifactKey(key));
  return artifacts_.Put(key, bytes);
}

Result<std::optional<std::string>> SqliteJobStore::GetArtifact(const std::string& key) {
  YTL_RETURN_IF_ERROR(ValidateArtifactKey(key));
  return artifacts_.Get(key);
}

bool SqliteJobStore::HasArtifact(const std::string& key) {
  return ValidateArtifactKey(key).ok() && artifacts_.Has(key);
}

Result<std::string> SqliteJobStore::PutUpload(std::string_view bytes, const std::string& filename) {
  const std::string upload_id = Sha256Hex(bytes);
  // The file first: a committed row always names a complete file.
  YTL_RETURN_IF_ERROR(uploads_.Put(upload_id, bytes));
  YTL_RETURN_IF_ERROR(Write([&](Notices&) -> Status {
    Result<Statement> insert = connection_.Prepare(
        "INSERT INTO uploads (upload_id, filename, size_bytes, created_ms) "
        "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (upload_id) DO NOTHING");
    if (!insert.ok()) return insert.status();
    return insert->Bind(1, upload_id)
        .Bind(2, filename)
        .Bind(3, static_cast<std::int64_t>(bytes.size()))
        .Bind(4, clock_->NowMs())
        .Run();
  }));
  return upload_id;
}

Result<std::string> SqliteJobStore::UploadPath(const std::string& upload_id) {
  YTL_RETURN_IF_ERROR(ValidateUploadId(upload_id));
  YTL_RETURN_IF_ERROR(Read([&]() -> Status {
    Result<Statement> select = connection_.Prepare("SELECT 1 FROM uploads WHERE upload_id = ?1");
    if (!select.ok()) return select.status();
    Result<bool> row = select->Bind(1, upload_id).Step();
    if (!row.ok()) return row.status();
    if (!*row) {
      return Status::NotFound("upload " + upload_id + " not found; upload the song again");
    }
    return Status::Ok();
  }));
  if (!uploads_.Has(upload_id)) {
    return Status::Unavailable("the file of upload " + upload_id + " is missing from " +
                               uploads_.PathFor(upload_id) + "; upload the song again");
  }
  return uploads_.PathFor(upload_id);
}

Status SqliteJobStore::CheckWritable() {
  YTL_RETURN_IF_ERROR(Write([&](Notices&) -> Status {
    Result<Statement> probe = connection_.Prepare(
        "INSERT INTO store_probe (id, checked_ms) VALUES (1, ?1) "
        "ON CONFLICT (id) DO UPDATE SET checked_ms = excluded.checked_ms");
    if (!probe.ok()) return probe.status();
    return probe->Bind(1, clock_->NowMs()).Run();
  }));
  YTL_RETURN_IF_ERROR(uploads_.CheckWritable());
  return artifacts_.CheckWritable();
}

Result<JobCounts> SqliteJobStore::CountByState() {
  JobCounts counts;
  Status status = Read([&]() -> Status {
    Result<Statement> select =
        connection_.Prepare("SELECT state, COUNT(*) FROM jobs GROUP BY state");
    if (!select.ok()) return select.status();
    for (;;) {
      Result<bool> row = select->Step();
      if (!row.ok()) return row.status();
      if (!*row) return Status::Ok();
      std::optional<JobState> state = ParseJobState(select->Text(0));
      if (!state) return Status::Internal("jobs table holds unknown state " + select->Text(0));
      counts.For(*state) = select->Int(1);
    }
  });
  if (!status.ok()) return status;
  return counts;
}

}  // namespace ytl
