// State shared by the server and its connections (internal to http/).
#pragma once

#include <spdlog/logger.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "http/access_log.h"
#include "http/cors.h"
#include "http/router.h"
#include "http/server_config.h"
#include "http/sse.h"

namespace ytl::http {

class Connection;

struct ServerContext {
  ServerContext(ServerConfig config_in, Router router_in, std::shared_ptr<spdlog::logger> logger_in,
                AccessObserver observer_in)
      : config(std::move(config_in)),
        router(std::move(router_in)),
        cors(config.cors_allowed_origins),
        logger(std::move(logger_in)),
        observer(std::move(observer_in)) {}

  const ServerConfig config;
  const Router router;
  const CorsPolicy cors;
  const std::shared_ptr<spdlog::logger> logger;
  const AccessObserver observer;
  std::atomic<bool> draining{false};     // StopAccepting() called: finish responses, no keep-alive
  std::atomic<int> idle_connections{0};  // open, between requests, waiting for the next one

  std::mutex mu;
  std::unordered_map<const Connection*, std::weak_ptr<Connection>> connections;  // guarded by mu
  std::vector<std::weak_ptr<EventStream>> streams;                               // guarded by mu
};

}  // namespace ytl::http
