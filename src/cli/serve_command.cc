#include "cli/serve_command.h"

#include <fmt/format.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "api/event_relay.h"
#include "api/job_routes.h"
#include "api/metrics.h"
#include "api/ops_routes.h"
#include "cli/exit_codes.h"
#include "cli/job_workers.h"
#include "cli/store_selection.h"
#include "http/server.h"

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
  config.max_duration_s = o.max_duration_s;
  config.max_active_jobs_per_client = o.max_jobs_per_client;
  return config;
}

JobWorkerOptions WorkerSettings(const ServeOptions& o, bool shared_store) {
  JobWorkerOptions settings = EngineSettingsOf(o);
  settings.scratch_dir = o.data_dir + "/scratch";
  settings.pool.workers = o.workers;
  settings.pool.worker_id = "worker";
  if (shared_store) {
    // Other processes share the jobs: heartbeats keep this node's leases, and unique worker
    // ids keep its requeue-on-drain to its own jobs.
    settings.pool.worker_id = "serve-" + std::to_string(getpid());
    settings.pool.heartbeat_interval_s = static_cast<double>(kDefaultLeaseMs) / 3000;
    settings.runner.max_attempts = settings.pool.max_attempts;
  }
  return settings;
}

// The effective settings, for the startup log (API keys counted, never written).
json SettingsJson(const ServeOptions& o) {
  return {{"listen", o.listen},
          {"data_dir", o.data_dir},
          {"workers", o.workers},
          {"io_threads", o.io_threads},
          {"grace_period_s", o.grace_period_s},
          {"cors_origins", o.cors_origins},
          {"api_keys", o.api_keys.size()},
          {"allow_private_urls", o.allow_private_urls},
          {"max_upload_mb", o.max_upload_mb},
          {"max_lyrics_kb", o.max_lyrics_kb},
          {"max_duration_s", o.max_duration_s},
          {"max_jobs_per_client", o.max_jobs_per_client},
          {"yt_dlp_path", o.yt_dlp_path},
          {"yt_dlp_timeout_s", o.yt_dlp_timeout_s},
          {"separator", o.separator},
          {"model_dir", o.model_dir},
          {"lrclib_url", o.lrclib_url},
          {"recognizer", o.recognizer},
          {"whisper_model", o.whisper_model},
          {"race_backends", o.race_backends},
          {"store", o.store.substr(0, o.store.find(':'))},  // the kind only: URLs hold passwords
          {"fault_delay_ms", o.fault_delay_ms},
          {"fault_fail_at", o.fault_fail_at},
          {"fault_shift_ms", o.fault_shift_ms}};
}

int Fail(spdlog::logger& logger, const std::string& what, const Status& status) {
  Log(logger, spdlog::level::err, "startup_failed", what + ": " + status.ToString());
  return ExitCodeFor(status);
}

// Everything the server process owns, in construction order (destroyed in reverse).
struct ServerParts {
  std::unique_ptr<JobStore> store;
  std::unique_ptr<JobWorkers> workers;
  WorkerPool* pool = nullptr;  // owned by workers
  api::ServiceState state;
  api::Metrics metrics;
  EventSubscription stage_feed;
  std::unique_ptr<api::EventRelay> relay;
  std::unique_ptr<http::Server> server;
  // After the server: destroyed first, it waits for the URL lookups under way, which may still
  // answer a connection through the server's I/O context.
  std::unique_ptr<api::JobRoutes> routes;
};

// Opens the store (re-queueing jobs a crash interrupted) and builds the engines and workers.
Status BuildWorkers(const ServeOptions& o, spdlog::logger& logger, ServerParts& parts) {
  auto selection = ParseStoreSelection(o.store, o.data_dir);
  if (!selection.ok()) return selection.status();
  auto store = OpenStore(*selection);
  if (!store.ok()) return store.status();
  parts.store = std::move(store).value();
  // A store only this process uses: jobs still running were interrupted. A shared store's
  // running jobs belong to live workers; their leases expire if they are not.
  const bool shared_store = selection->kind == StoreKind::kPostgres;
  auto requeued = shared_store ? Result<int>(0) : parts.store->RequeueJobs(std::nullopt);
  if (!requeued.ok()) return requeued.status();
  if (*requeued > 0) {
    Log(logger, spdlog::level::warn, "recovered",
        "re-queued " + std::to_string(*requeued) + " jobs interrupted by an earlier stop",
        {{"jobs", *requeued}});
  }
  auto workers = JobWorkers::Build(*parts.store, WorkerSettings(o, shared_store));
  if (!workers.ok()) return workers.status();
  parts.workers = std::move(workers).value();
  parts.pool = &parts.workers->pool();
  parts.state.workers = o.workers;
  parts.state.race_backends = o.race_backends;
  WorkerPool* pool = parts.pool;
  parts.state.workers_alive = [pool] { return pool->alive(); };
  parts.state.workers_busy = [pool] { return pool->busy(); };
  parts.state.queue_stats = [pool] { return pool->stats(); };
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
  Log(*logger, spdlog::level::info, "settings", "effective settings",
      {{"settings", SettingsJson(o)}});
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
