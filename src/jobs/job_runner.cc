#include "jobs/job_runner.h"

#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <vector>

#include "export/json_writer.h"
#include "jobs/job_progress.h"

namespace ytl {
namespace {

// A per-job scratch folder, removed with its contents on every exit path.
class ScratchDir {
 public:
  explicit ScratchDir(const std::string& root, const std::string& job_id) {
    std::string pattern = root + "/yt-lyrics-job-" + job_id + ".XXXXXX";
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    if (mkdtemp(buffer.data()) != nullptr) path_ = buffer.data();
  }
  ~ScratchDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace

Status JobRunnerConfig::Validate() const {
  if (progress_interval_s < 0 || cancel_poll_interval_s <= 0) {
    return Status::InvalidInput("job runner intervals must be positive");
  }
  if (fault_delay_ms < 0) return Status::InvalidInput("--fault-delay-ms must be >= 0");
  return Status::Ok();
}

JobRunner::JobRunner(JobStore& store, SyncEngines engines, JobRunnerConfig config)
    : store_(store), engines_(engines), config_(std::move(config)) {}

Result<SyncRequest> JobRunner::RequestFor(const Job& job) const {
  SyncRequest request;
  if (!job.request.upload_id.empty()) {
    auto path = store_.UploadPath(job.request.upload_id);
    if (!path.ok()) return path.status();
    request.source = *path;
  } else {
    request.source = job.request.url;
  }
  request.lyrics_text = job.request.lyrics;
  request.lyrics_name = "the job's lyrics";
  request.language = job.request.language;
  return request;
}

RunOutcome JobRunner::Run(const Job& job, const CancelToken& shutdown) const {
  const auto event = [&](const std::string& type, const nlohmann::json& data) {
    (void)store_.AppendEvent(job.id, type, data.dump());
  };
  event("state", {{"state", "running"}, {"attempt", job.attempts}});
  CancelToken job_cancel;
  JobProgress progress(store_, job, shutdown, job_cancel,
                       {config_.progress_interval_s, config_.cancel_poll_interval_s,
                        config_.fault_delay_ms, config_.fault_fail_at_stage});
  ScratchDir scratch(config_.scratch_root, job.id);
  PipelineConfig pipeline_config = config_.pipeline;
  pipeline_config.work_dir = scratch.path();

  Result<Alignment> alignment = Status::Internal("the job did not run");
  auto request = RequestFor(job);
  if (!request.ok()) {
    alignment = request.status();
  } else if (scratch.path().empty()) {
    alignment = Status::Unavailable("cannot create a scratch folder under " + config_.scratch_root +
                                    "; check the disk");
  } else {
    alignment =
        SyncPipeline(pipeline_config, engines_).Run(*request, StageContext{&progress, &job_cancel});
  }

  if (progress.lease_lost()) return RunOutcome::kLeaseLost;
  if (!alignment.ok() && progress.fault_injected()) {
    alignment = Status::Internal("fault injected at stage " + config_.fault_fail_at_stage +
                                 " (--fault-fail-at)");
  } else if (!alignment.ok() && alignment.status().code() == Status::Code::kCancelled &&
             !progress.cancel_requested() && shutdown.cancelled()) {
    return RunOutcome::kRequeued;  // the caller puts it back in the queue
  }

  Status written;
  if (alignment.ok()) {
    for (const auto& [stage, seconds] : alignment->timings_s) {
      (void)store_.RecordStageTiming(job.id, job.lease_version, stage, seconds);
    }
    written = store_.PutResult(job.id, job.lease_version, WriteAlignmentJson(*alignment));
    if (written.ok())
      written = store_.FinishJob(job.id, job.lease_version, JobState::kSucceeded, "", "");
  } else {
    const Status& error = alignment.status();
    const bool cancelled = error.code() == Status::Code::kCancelled;
    written = store_.FinishJob(job.id, job.lease_version,
                               cancelled ? JobState::kCancelled : JobState::kFailed,
                               std::string(StatusCodeName(error.code())), error.message());
  }
  if (IsLeaseLost(written)) return RunOutcome::kLeaseLost;
  auto final_job = store_.GetJob(job.id);
  nlohmann::json data = {{"state", final_job.ok() ? JobStateName(final_job->state) : "unknown"}};
  if (!alignment.ok()) data["error"] = alignment.status().message();
  event("state", data);
  return RunOutcome::kFinished;
}

}  // namespace ytl
