// Starts a Server on 127.0.0.1 with a free port for tests, capturing its log.
#pragma once

#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>

#include <memory>
#include <sstream>

#include "http/server.h"

namespace ytl::http::testing {

struct TestServer {
  TestServer(ServerConfig config, Router router, AccessObserver observer = nullptr) {
    config.host = "127.0.0.1";
    config.port = 0;
    auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(log);
    sink->set_pattern("%v");
    logger = std::make_shared<spdlog::logger>("http-test", sink);
    server =
        std::make_unique<Server>(std::move(config), std::move(router), logger, std::move(observer));
    Status status = server->Start();
    EXPECT_TRUE(status.ok()) << status.ToString();
    port = server->port();
  }
  std::string Log() {
    logger->flush();
    return log.str();
  }

  std::ostringstream log;
  std::shared_ptr<spdlog::logger> logger;
  std::unique_ptr<Server> server;
  int port = 0;
};

}  // namespace ytl::http::testing
