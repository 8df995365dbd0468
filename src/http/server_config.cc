#include "http/server_config.h"

namespace ytl::http {

Status ServerConfig::Validate() const {
  if (host.empty()) return Status::InvalidInput("http host is empty; use e.g. 0.0.0.0");
  if (port < 0 || port > 65535) {
    return Status::InvalidInput("http port " + std::to_string(port) +
                                " is out of range; use 0..65535 (0 picks a free port)");
  }
  if (io_threads < 1 || io_threads > 256) {
    return Status::InvalidInput("http io_threads " + std::to_string(io_threads) +
                                " is out of range; use 1..256");
  }
  if (max_header_bytes < 1024) {
    return Status::InvalidInput("http max_header_bytes must be at least 1024");
  }
  if (max_body_bytes == 0) return Status::InvalidInput("http max_body_bytes must be positive");
  if (!(request_timeout_s > 0)) {
    return Status::InvalidInput("http request_timeout_s must be positive");
  }
  if (!(idle_timeout_s > 0)) return Status::InvalidInput("http idle_timeout_s must be positive");
  if (!(sse_heartbeat_s > 0)) return Status::InvalidInput("http sse_heartbeat_s must be positive");
  for (const std::string& origin : cors_allowed_origins) {
    if (origin.empty() || (origin != "*" && origin.find("://") == std::string::npos)) {
      return Status::InvalidInput("http CORS origin '" + origin +
                                  "' is not '*' or scheme://host[:port]");
    }
  }
  return Status::Ok();
}

}  // namespace ytl::http
