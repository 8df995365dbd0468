// The yt-lyrics HTTP/1.1 server: Boost.Beast over a pool of I/O threads, one strand per
// connection, keep-alive, request/idle timeouts, size limits, CORS, request ids, one JSON
// access-log line per request, buffered / file (Range) / Server-Sent Events responses.
//
// Lifecycle: construct, Start(), serve; on SIGTERM call StopAccepting() (the listening socket is
// closed, so new connections are refused and a load balancer moves on; requests in flight finish
// and their connections close instead of staying alive), wait for your own drain deadline, then
// Stop().
#pragma once

#include <spdlog/logger.h>

#include <memory>

#include "core/status.h"
#include "http/access_log.h"
#include "http/router.h"
#include "http/server_config.h"

namespace ytl::http {

class Server {
 public:
  // `logger` receives the access log and server errors (spdlog's default logger when null).
  // `observer` (optional) sees every finished request, e.g. for metrics by route and status.
  Server(ServerConfig config, Router router, std::shared_ptr<spdlog::logger> logger = nullptr,
         AccessObserver observer = nullptr);
  ~Server();  // Stop()

  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Validates the config, binds, listens and starts the I/O threads. InvalidInput for a bad config,
  // Unavailable when the address cannot be bound. Call once.
  Status Start();

  // The bound port (useful with port 0); 0 before Start().
  int port() const;

  // Closes the listening socket: new connections are refused. Open connections finish their
  // current request and then close; event streams stay open until closed or Stop(). Idempotent;
  // blocks until the socket is closed unless called from a handler.
  void StopAccepting();

  // Closes every connection and event stream (their OnClose callbacks run) and joins the I/O
  // threads. Idempotent. Must not be called from a handler.
  void Stop();

  // Connections currently open (for draining).
  std::size_t open_connections() const;
  // Open connections between requests, waiting for the next one (keep-alive). A connection
  // still finishing a response is open but not idle.
  int idle_connections() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ytl::http
