// PgJobStore: event logs, artifacts and uploads as chunked blobs, health.
#include "core/content_hash.h"
#include "store/blob_keys.h"
#include "store/postgres/pg_job_store.h"

namespace ytl {
namespace {

// Blobs are cut into chunks of this size; equal chunks are stored once.
constexpr std::size_t kChunkBytes = 1 << 20;

std::string ArtifactBlob(const std::string& key) { return "artifact/" + key; }
std::string UploadBlob(const std::string& upload_id) { return "upload/" + upload_id; }

}  // namespace

Result<std::int64_t> PgJobStore::AppendEventInTx(pqxx::transaction_base& tx,
                                                 const std::string& job_id, const std::string& type,
                                                 const std::string& data_json, Notices& notices) {
  // Taking the next seq from the job row locks it, which serialises appends
  // per job and keeps seqs gapless and visible in order.
  const pqxx::result next = tx.exec_params(
      "UPDATE jobs SET last_event_seq = last_event_seq + 1 WHERE id = $1 RETURNING last_event_seq",
      job_id);
  if (next.empty()) {
    return Status::NotFound("job \"" + job_id.substr(0, 80) +
                            "\" not found; cannot append an event to it");
  }
  const std::int64_t seq = next[0][0].as<std::int64_t>();
  tx.exec_params(
      "INSERT INTO job_events (job_id, seq, type, data_json, time_ms) VALUES ($1, $2, $3, $4, $5)",
      job_id, seq, type, data_json, clock_->NowMs());
  notices[job_id] = seq;
  return seq;
}

Result<std::int64_t> PgJobStore::AppendEvent(const std::string& job_id, const std::string& type,
                                             const std::string& data_json) {
  YTL_RETURN_IF_ERROR(ValidateEvent(job_id, type, data_json));
  std::int64_t seq = 0;
  Status status = Write([&](pqxx::work& tx, Notices& notices) -> Status {
    Result<std::int64_t> appended = AppendEventInTx(tx, job_id, type, data_json, notices);
    if (!appended.ok()) return appended.status();
    seq = *appended;
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return seq;
}

Result<std::vector<JobEvent>> PgJobStore::EventsAfter(const std::string& job_id,
                                                      std::int64_t after_seq, int limit) {
  YTL_RETURN_IF_ERROR(CheckPageLimit(limit, "event"));
  std::vector<JobEvent> events;
  Status status = Read([&](pqxx::transaction_base& tx) -> Status {
    YTL_RETURN_IF_ERROR(FindJobOrNotFound(tx, job_id, false).status());
    const pqxx::result rows = tx.exec_params(
        "SELECT seq, type, data_json, time_ms FROM job_events "
        "WHERE job_id = $1 AND seq > $2 ORDER BY seq LIMIT $3",
        job_id, after_seq, limit);
    for (const pqxx::row& row : rows) {
      events.push_back({row[0].as<std::int64_t>(), job_id, row[1].as<std::string>(),
                        row[2].as<std::string>(), row[3].as<std::int64_t>()});
    }
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return events;
}

EventSubscription PgJobStore::Subscribe(EventListener listener) {
  return hub_->Subscribe(std::move(listener));
}

Status PgJobStore::PutBlob(pqxx::transaction_base& tx, const std::string& name,
                           std::string_view bytes) {
  if (!tx.exec_params("SELECT 1 FROM blobs WHERE name = $1", name).empty()) return Status::Ok();
  int part = 0;
  for (std::size_t offset = 0; offset < bytes.size() || part == 0; offset += kChunkBytes) {
    const std::string_view chunk = bytes.substr(offset, kChunkBytes);
    const std::string sha256 = Sha256Hex(chunk);
    tx.exec_params(
        "INSERT INTO blob_chunks (sha256, bytes) VALUES ($1, $2) ON CONFLICT (sha256) DO NOTHING",
        sha256, pqxx::binarystring(chunk.data(), chunk.size()));
    tx.exec_params(
        "INSERT INTO blob_parts (name, part, sha256) VALUES ($1, $2, $3) "
        "ON CONFLICT (name, part) DO NOTHING",
        name, part++, sha256);
  }
  tx.exec_params(
      "INSERT INTO blobs (name, size_bytes, created_ms) VALUES ($1, $2, $3) "
      "ON CONFLICT (name) DO NOTHING",
      name, static_cast<std::int64_t>(bytes.size()), clock_->NowMs());
  return Status::Ok();
}

Result<std::optional<std::string>> PgJobStore::GetBlob(const std::string& name) {
  std::optional<std::string> blob;
  Status status = Read([&](pqxx::transaction_base& tx) -> Status {
    blob.reset();
    const pqxx::result head = tx.exec_params("SELECT size_bytes FROM blobs WHERE name = $1", name);
    if (head.empty()) return Status::Ok();
    const pqxx::result parts = tx.exec_params(
        "SELECT c.bytes FROM blob_parts p JOIN blob_chunks c ON c.sha256 = p.sha256 "
        "WHERE p.name = $1 ORDER BY p.part",
        name);
    std::string bytes;
    for (const pqxx::row& row : parts) {
      const pqxx::binarystring chunk(row[0]);
      bytes.append(chunk.get(), chunk.size());
    }
    if (static_cast<std::int64_t>(bytes.size()) != head[0][0].as<std::int64_t>()) {
      return Status::Internal("stored blob " + name + " has " + std::to_string(bytes.size()) +
                              " bytes in its chunks, not the " + head[0][0].as<std::string>() +
                              " recorded; the database was changed by another program");
    }
    blob = std::move(bytes);
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return blob;
}

Status PgJobStore::PutArtifact(const std::string& key, std::string_view bytes) {
  YTL_RETURN_IF_ERROR(ValidateArtifactKey(key));
  return Write([&](pqxx::work& tx, Notices&) { return PutBlob(tx, ArtifactBlob(key), bytes); });
}

Result<std::optional<std::string>> PgJobStore::GetArtifact(const std::string& key) {
  YTL_RETURN_IF_ERROR(ValidateArtifactKey(key));
  return GetBlob(ArtifactBlob(key));
}

bool PgJobStore::HasArtifact(const std::string& key) {
  if (!ValidateArtifactKey(key).ok()) return false;
  bool found = false;
  Status status = Read([&](pqxx::transaction_base& tx) -> Status {
    found = !tx.exec_params("SELECT 1 FROM blobs WHERE name = $1", ArtifactBlob(key)).empty();
    return Status::Ok();
  });
  return status.ok() && found;
}

Result<std::string> PgJobStore::PutUpload(std::string_view bytes, const std::string& filename) {
  const std::string upload_id = Sha256Hex(bytes);
  YTL_RETURN_IF_ERROR(Write([&](pqxx::work& tx, Notices&) -> Status {
    YTL_RETURN_IF_ERROR(PutBlob(tx, UploadBlob(upload_id), bytes));
    tx.exec_params(
        "INSERT INTO uploads (upload_id, filename, size_bytes, created_ms) "
        "VALUES ($1, $2, $3, $4) ON CONFLICT (upload_id) DO NOTHING",
        upload_id, filename, static_cast<std::int64_t>(bytes.size()), clock_->NowMs());
    return Status::Ok();
  }));
  return upload_id;
}

Result<std::string> PgJobStore::UploadPath(const std::string& upload_id) {
  YTL_RETURN_IF_ERROR(ValidateUploadId(upload_id));
  if (upload_cache_.Has(upload_id)) return upload_cache_.PathFor(upload_id);
  Result<std::optional<std::string>> bytes = GetBlob(UploadBlob(upload_id));
  if (!bytes.ok()) return bytes.status();
  if (!bytes->has_value()) {
    return Status::NotFound("upload " + upload_id + " not found; upload the song again");
  }
  YTL_RETURN_IF_ERROR(upload_cache_.Put(upload_id, **bytes));
  return upload_cache_.PathFor(upload_id);
}

Status PgJobStore::CheckWritable() {
  return Write([&](pqxx::work& tx, Notices&) -> Status {
    tx.exec_params(
        "INSERT INTO store_probe (id, checked_ms) VALUES (1, $1) "
        "ON CONFLICT (id) DO UPDATE SET checked_ms = excluded.checked_ms",
        clock_->NowMs());
    return Status::Ok();
  });
}

Result<JobCounts> PgJobStore::CountByState() {
  JobCounts counts;
  Status status = Read([&](pqxx::transaction_base& tx) -> Status {
    counts = JobCounts();
    for (const pqxx::row& row : tx.exec("SELECT state, COUNT(*) FROM jobs GROUP BY state")) {
      std::optional<JobState> state = ParseJobState(row[0].as<std::string>());
      if (!state) {
        return Status::Internal("jobs table holds unknown state " + row[0].as<std::string>());
      }
      counts.For(*state) = row[1].as<std::int64_t>();
    }
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return counts;
}

}  // namespace ytl
