// Configuration of the HTTP server.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/status.h"

namespace ytl::http {

struct ServerConfig {
  std::string host = "0.0.0.0";                    // address to bind (IPv4 or IPv6 literal)
  int port = 8080;                                 // 0 picks a free port (see Server::port())
  int io_threads = 2;                              // threads running handlers and socket I/O
  std::size_t max_header_bytes = 16 * 1024;        // larger request headers: 431
  std::size_t max_body_bytes = 512 * 1024 * 1024;  // larger bodies (uploads): 413
  double request_timeout_s = 60;  // to receive one request once its first byte arrived, and
                                  // for each response write; then the connection is closed
  double idle_timeout_s = 75;     // keep-alive wait for the next request's first byte
  double sse_heartbeat_s = 15;    // comment line on idle event streams so proxies keep them open
  std::vector<std::string> cors_allowed_origins;  // exact origins or "*"; empty: no CORS headers

  // Names the first bad field and the fix.
  Status Validate() const;
};

}  // namespace ytl::http
