#include "cli/job_workers.h"

#include <filesystem>

namespace ytl::cli {

Result<std::unique_ptr<JobWorkers>> JobWorkers::Build(JobStore& store,
                                                      const JobWorkerOptions& options) {
  YTL_RETURN_IF_ERROR(options.pool.Validate());
  JobRunnerConfig runner_config = options.runner;
  runner_config.pipeline.yt_dlp_path = options.yt_dlp_path;
  runner_config.pipeline.yt_dlp_timeout_s = options.yt_dlp_timeout_s;
  runner_config.pipeline.decode.max_duration_s = options.max_duration_s;
  runner_config.pipeline.stage_time_limit_s = options.stage_time_limit_s;
  runner_config.scratch_root = options.scratch_dir;
  YTL_RETURN_IF_ERROR(runner_config.Validate());
  std::error_code error;
  std::filesystem::create_directories(options.scratch_dir, error);
  if (error) {
    return Status::Unavailable("cannot create the scratch folder " + options.scratch_dir + ": " +
                               error.message() + "; pick a writable folder");
  }
  std::unique_ptr<JobWorkers> workers(new JobWorkers());
  EngineOptions engine_options;
  engine_options.separator = options.separator;
  engine_options.model_dir = options.model_dir;
  engine_options.need_aligner = true;
  engine_options.need_recognizer = true;
  engine_options.recognizer = options.recognizer;
  engine_options.whisper_model = options.whisper_model;
  engine_options.use_lrclib = !options.lrclib_url.empty();
  engine_options.lrclib.base_url = options.lrclib_url;
  auto engines = Engines::Build(engine_options);
  if (!engines.ok()) return engines.status();
  workers->engines_ = std::make_unique<Engines>(std::move(engines).value());
  workers->cache_ = std::make_unique<StoreStageCache>(store);
  SyncEngines view = workers->engines_->View();
  view.cache = workers->cache_.get();
  workers->runner_ = std::make_unique<JobRunner>(store, view, runner_config);
  workers->pool_ = std::make_unique<WorkerPool>(store, *workers->runner_, options.pool);
  return workers;
}

}  // namespace ytl::cli
