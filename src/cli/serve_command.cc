#include "cli/serve_command.h"

#include <fmt/format.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "api/event_relay.h"
#include "api/job_routes.h"
#include "api/metrics.h"
#include "api/ops_routes.h"
#include "cli/engines.h"
#include "cli/exit_codes.h"
#include "http/server.h"
#include "jobs/job_runner.h"
#include "jobs/store_stage_cache.h"
#include "jobs/worker_pool.h"
#include "store/sqlite/sqlite_job_store.h"

namespace ytl::cli {
namespace {

using nlohmann::json;

// One structured log line: {"time","level","event","msg", ...extra}.
void Log(spdlog::logger& logger, spdlog::level::level_enum level, const std::string& event,
         const std::string& message, json extra = json::object()) {
  extra["level"] = spdlog::level::to_string_view(level).data();
  extra["event"] = event;
  extra["msg"] = message;
  extra["time_ms"] = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
  logger.log(level, "{}", extra.dump());
}

std::shared_ptr<spdlog::logger> MakeLogger() {
  auto logger =
      std::make_shared<spdlog::logger>("serve", std::make_shared<spdlog::sinks::stdout_sink_mt>());
  logger->set_pattern("%v");
  logger->flush_on(spdlog::level::trace);
  return logger;
}

Result<http::ServerConfig> HttpConfig(const ServeOptions& o) {
  const auto colon = o.listen.rfind(':');
  if (colon == std::string::npos) {
    return Status::InvalidInput("--listen '" + o.listen + "' is not HOST:PORT, e.g. 0.0.0.0:8080");
  }
  http::ServerConfig config;
  config.host = o.listen.substr(0, colon);
  if (config.host.size() > 2 && config.host.front() == '[') {
    config.host = config.host.substr(1, config.host.size() - 2);
  }
  try {
    config.port = std::stoi(o.listen.substr(colon + 1));
  } catch (...) {
    return Status::InvalidInput("--listen '" + o.listen + "' has no numeric port");
  }
  config.io_threads = o.io_threads;
  config.cors_allowed_origins = o.cors_origins;
  config.max_body_bytes = static_cast<std::size_t>(o.max_upload_mb * 1024 * 1024) + 64 * 1024;
  YTL_RETURN_IF_ERROR(config.Validate());
  return config;
}

api::ApiConfig ApiSettings(const ServeOptions& o) {
  api::ApiConfig config;
  config.api_keys = o.api_keys;
  config.allow_private_urls = o.allow_private_urls;
  config.max_upload_bytes = static_cast<std::size_t>(o.max_upload_mb * 1024 * 1024);
  config.max_lyrics_bytes = static_cast<std::size_t>(o.max_lyrics_kb * 1024);
  config.max_active_jobs_per_client = o.max_jobs_per_client;
  return config;
}

JobRunnerConfig RunnerSettings(const ServeOptions& o, const std::string& scratch) {
  JobRunnerConfig config;
  config.pipeline.yt_dlp_path = o.yt_dlp_path;
  config.pipeline.yt_dlp_timeout_s = o.yt_dlp_timeout_s;
  config.pipeline.decode.max_duration_s = o.max_duration_s;
  config.scratch_root = scratch;
  config.fault_delay_ms = o.fault_delay_ms;
  config.fault_fail_at_stage = o.fault_fail_at;
  return config;
}

int Fail(spdlog::logger& logger, const std::string& what, const Status& status) {
  Log(logger, spdlog::level::err, "startup_failed", what + ": " + status.ToString());
  return ExitCodeFor(status);
}

// Everything the server process owns, in construction order (destroyed in reverse).
struct ServerParts {
  std::unique_ptr<SqliteJobStore> store;
  std::unique_ptr<Engines> engines;
  std::unique_ptr<StoreStageCache> cache;
  std::unique_ptr<JobRunner> runner;
  std::unique_ptr<WorkerPool> pool;
  api::ServiceState state;
  api::Metrics metrics;
  EventSubscription stage_feed;
  std::unique_ptr<api::EventRelay> relay;
  std::unique_ptr<api::JobRoutes> routes;
  std::unique_ptr<http::Server> server;
};

// Opens the store (re-queueing jobs a crash interrupted) and builds the engines and workers.
Status BuildWorkers(const ServeOptions& o, spdlog::logger& logger, ServerParts& parts) {
  SqliteStoreConfig store_config;
  store_config.data_dir = o.data_dir;
  auto store = SqliteJobStore::Open(store_config);
  if (!store.ok()) return store.status();
  parts.store = std::move(store).value();
  auto requeued = parts.store->RequeueJobs(std::nullopt);
  if (!requeued.ok()) return requeued.status();
  if (*requeued > 0) {
    Log(logger, spdlog::level::warn, "recovered",
        "re-queued " + std::to_string(*requeued) + " jobs interrupted by an earlier stop",
        {{"jobs", *requeued}});
  }
  auto engines = Engines::Build({o.separator, o.model_dir, true, true});
  if (!engines.ok()) return engines.status();
  parts.engines = std::make_unique<Engines>(std::move(engines).value());
  parts.cache = std::make_unique<StoreStageCache>(*parts.store);
  SyncEngines view = parts.engines->View();
  view.cache = parts.cache.get();
  const std::string scratch = o.data_dir + "/scratch";
  std::error_code ignored;
  std::filesystem::create_directories(scratch, ignored);
  JobRunnerConfig runner_config = RunnerSettings(o, scratch);
  YTL_RETURN_IF_ERROR(runner_config.Validate());
  parts.runner = std::make_unique<JobRunner>(*parts.store, view, runner_config);
  WorkerPoolConfig pool_config;
  pool_config.workers = o.workers > 0
                            ? o.workers
                            : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  pool_config.worker_id = "worker";
  YTL_RETURN_IF_ERROR(pool_config.Validate());
  parts.pool = std::make_unique<WorkerPool>(*parts.store, *parts.runner, pool_config);
  parts.state.workers = pool_config.workers;
  WorkerPool* pool = parts.pool.get();
  parts.state.workers_alive = [pool] { return pool->alive(); };
  parts.state.workers_busy = [pool] { return pool->busy(); };
  parts.state.job_queued = [pool] { pool->Notify(); };
  return Status::Ok();
}

Status BuildServer(const ServeOptions& o, std::shared_ptr<spdlog::logger> logger,
                   const api::ApiConfig& api_config, ServerParts& parts) {
  auto http_config = HttpConfig(o);
  if (!http_config.ok()) return http_config.status();
  parts.stage_feed = parts.metrics.FollowStageTimings(*parts.store);
  parts.relay = std::make_unique<api::EventRelay>(*parts.store, api_config.event_poll_interval_s);
  parts.routes =
      std::make_unique<api::JobRoutes>(*parts.store, api_config, parts.state, *parts.relay);
  http::Router router;
  std::vector<std::pair<std::string, std::string>> registered;
  YTL_RETURN_IF_ERROR(parts.routes->Register(router, &registered));
  YTL_RETURN_IF_ERROR(api::RegisterOpsRoutes(router, *parts.store, parts.state, parts.metrics,
                                             *parts.relay, &registered));
  api::Metrics* metrics = &parts.metrics;
  parts.server = std::make_unique<http::Server>(
      *http_config, std::move(router), std::move(logger),
      [metrics](const http::AccessRecord& record) { metrics->ObserveRequest(record); });
  return parts.server->Start();
}

void Drain(const ServeOptions& o, spdlog::logger& logger, ServerParts& parts) {
  parts.state.draining = true;
  Log(logger, spdlog::level::info, "draining",
      fmt::format("stopping: new jobs get 503; running jobs have {} s to finish", o.grace_period_s),
      {{"busy_workers", parts.pool->busy()}});
  const auto started = std::chrono::steady_clock::now();
  parts.pool->Drain(std::chrono::milliseconds(static_cast<long>(o.grace_period_s * 1000)));
  parts.server->StopAccepting();
  parts.server->Stop();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  Log(logger, spdlog::level::info, "stopped", "drained and stopped", {{"drain_s", seconds}});
}

}  // namespace

int RunServe(const ServeOptions& o, const CancelToken& stop) {
  auto logger = MakeLogger();
  const api::ApiConfig api_config = ApiSettings(o);
  if (Status valid = api_config.Validate(); !valid.ok())
    return Fail(*logger, "bad settings", valid);
  ServerParts parts;
  if (Status built = BuildWorkers(o, *logger, parts); !built.ok()) {
    return Fail(*logger, "cannot start the workers", built);
  }
  if (Status started = BuildServer(o, logger, api_config, parts); !started.ok()) {
    return Fail(*logger, "cannot start the HTTP server", started);
  }
  parts.pool->Start();
  const std::string host = HttpConfig(o)->host;
  Log(*logger, spdlog::level::info, "listening",
      "listening on " + host + ":" + std::to_string(parts.server->port()),
      {{"port", parts.server->port()}, {"workers", parts.state.workers}, {"data_dir", o.data_dir}});
  if (api_config.api_keys.empty()) {
    Log(*logger, spdlog::level::warn, "open_api",
        "no API key is configured: the API is open to anyone who can reach it "
        "(set --api-key or YT_LYRICS_API_KEYS)");
  }
  while (!stop.cancelled()) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  Drain(o, *logger, parts);
  return kExitOk;
}

}  // namespace ytl::cli
