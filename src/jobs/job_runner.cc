#include "jobs/job_runner.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

#include "export/json_writer.h"
#include "jobs/job_audio.h"
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

// Failures worth another attempt later: a dependency that was unavailable.
bool IsTransient(const Status& status) {
  return status.code() == Status::Code::kUnavailable && !IsLeaseLost(status);
}

}  // namespace

std::int64_t JobRunner::RetryDelayMs(int attempts) const {
  const int doublings = std::min(std::max(attempts - 1, 0), 10);
  return static_cast<std::int64_t>(config_.retry_backoff_s * 1000 * (1 << doublings));
}

Status JobRunnerConfig::Validate() const {
  if (progress_interval_s < 0 || cancel_poll_interval_s <= 0) {
    return Status::InvalidInput("job runner intervals must be positive");
  }
  if (fault_delay_ms < 0) return Status::InvalidInput("--fault-delay-ms must be >= 0");
  if (max_attempts < 1) return Status::InvalidInput("--max-attempts must be at least 1");
  if (retry_backoff_s < 0) return Status::InvalidInput("--retry-backoff must be >= 0");
  return Status::Ok();
}

void ShiftEveryOtherLine(Alignment& alignment, double seconds) {
  const double end = alignment.duration_s > 0 ? alignment.duration_s : 1e9;
  const auto shift = [&](double t) { return std::clamp(t + seconds, 0.0, end); };
  for (std::size_t i = 1; i < alignment.lines.size(); i += 2) {
    TimedLine& line = alignment.lines[i];
    line.start_s = shift(line.start_s);
    line.end_s = shift(line.end_s);
    for (int w : line.words) {
      TimedWord& word = alignment.words.at(static_cast<std::size_t>(w));
      word.start_s = shift(word.start_s);
      word.end_s = shift(word.end_s);
    }
  }
}

JobRunner::JobRunner(JobStore& store, SyncEngines engines, JobRunnerConfig config)
    : store_(store), engines_(engines), config_(std::move(config)) {}

Result<std::string> JobRunner::KeptDownload(const Job& job, const std::string& scratch,
                                            const StageContext& ctx, double* download_s) const {
  auto kept = store_.GetArtifact(JobAudioKey(job.id));
  if (!kept.ok()) return kept.status();
  if (kept->has_value()) {
    if (auto path = store_.UploadPath(**kept); path.ok()) return path;
  }
  const auto started = std::chrono::steady_clock::now();
  SourceRequest source;
  source.source = job.request.url;
  source.yt_dlp_path = config_.pipeline.yt_dlp_path;
  source.yt_dlp_timeout_s = config_.pipeline.yt_dlp_timeout_s;
  source.work_dir = scratch;
  auto resolved = ResolveSource(source, *engines_.process_runner, ctx);
  if (!resolved.ok()) return resolved.status();
  const double limit_s = config_.pipeline.decode.max_duration_s;
  if (resolved->info && resolved->info->duration_s > limit_s) {
    return Status::ResourceExhausted("the song at " + job.request.url + " is " +
                                     std::to_string(static_cast<long>(resolved->info->duration_s)) +
                                     " s long; this server " + "syncs songs up to " +
                                     std::to_string(static_cast<long>(limit_s)) +
                                     " s (--max-duration); submit a shorter song");
  }
  std::ifstream in(resolved->audio_path, std::ios::binary);
  const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad() || bytes.empty()) {
    return Status::Internal("cannot read the download of " + job.request.url + " at " +
                            resolved->audio_path + "; check the disk under the data dir");
  }
  auto upload_id =
      store_.PutUpload(bytes, std::filesystem::path(resolved->audio_path).filename().string());
  if (!upload_id.ok()) return upload_id.status();
  YTL_RETURN_IF_ERROR(store_.PutArtifact(JobAudioKey(job.id), *upload_id));
  *download_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return store_.UploadPath(*upload_id);
}

Result<SyncRequest> JobRunner::RequestFor(const Job& job, const std::string& scratch,
                                          const StageContext& ctx, double* download_s) const {
  SyncRequest request;
  auto path = job.request.upload_id.empty() ? KeptDownload(job, scratch, ctx, download_s)
                                            : store_.UploadPath(job.request.upload_id);
  if (!path.ok()) return path.status();
  request.source = *path;
  request.lyrics_text = job.request.lyrics;
  request.lyrics_name = "the job's lyrics";
  request.language = job.request.language;
  return request;
}

RunOutcome JobRunner::Run(const Job& job, const CancelToken& shutdown) const {
  // The store writes every "state" event itself, fenced, in the transaction
  // that changes the state (claim, retry, finish), with the error's code and message.
  CancelToken job_cancel;
  JobProgress progress(store_, job, shutdown, job_cancel,
                       {config_.progress_interval_s, config_.cancel_poll_interval_s,
                        config_.fault_delay_ms, config_.fault_fail_at_stage});
  ScratchDir scratch(config_.scratch_root, job.id);
  PipelineConfig pipeline_config = config_.pipeline;
  pipeline_config.work_dir = scratch.path();

  Result<Alignment> alignment = Status::Internal("the job did not run");
  const StageContext ctx{&progress, &job_cancel};
  double download_s = -1;
  if (job.attempts <= config_.fault_transient_attempts) {
    alignment = Status::Unavailable("fault injected: transient failure on attempt " +
                                    std::to_string(job.attempts) + " (--fault-transient-attempts)");
  } else if (scratch.path().empty()) {
    alignment = Status::Unavailable("cannot create a scratch folder under " + config_.scratch_root +
                                    "; check the disk");
  } else if (auto request = RequestFor(job, scratch.path(), ctx, &download_s); !request.ok()) {
    alignment = request.status();
  } else {
    alignment = SyncPipeline(pipeline_config, engines_).Run(*request, ctx);
  }
  if (alignment.ok() && config_.fault_shift_ms != 0) {
    ShiftEveryOtherLine(*alignment, config_.fault_shift_ms / 1000.0);
  }
  if (alignment.ok() && !job.request.url.empty()) {
    alignment->source = job.request.url;
    if (download_s >= 0) alignment->timings_s["download"] = download_s;
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
  } else if (IsTransient(alignment.status()) && job.attempts < config_.max_attempts) {
    const Status& error = alignment.status();
    written = store_.RetryLater(job.id, job.lease_version, RetryDelayMs(job.attempts),
                                std::string(StatusCodeName(error.code())), error.message());
    if (written.ok()) return RunOutcome::kRetried;
  } else {
    const Status& error = alignment.status();
    const bool cancelled = error.code() == Status::Code::kCancelled;
    written = store_.FinishJob(job.id, job.lease_version,
                               cancelled ? JobState::kCancelled : JobState::kFailed,
                               std::string(StatusCodeName(error.code())), error.message());
  }
  if (IsLeaseLost(written)) return RunOutcome::kLeaseLost;
  return RunOutcome::kFinished;
}

}  // namespace ytl
