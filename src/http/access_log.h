// One record per finished request: for the JSON access log and for metrics by route and status.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace ytl::http {

struct AccessRecord {
  std::string method;
  std::string route;  // template ("/v1/jobs/{id}"), or "" when no route matched
  std::string path;   // decoded path, for the log only (unbounded cardinality)
  int status = 0;
  double duration_ms = 0;  // from request headers received to the last byte written
  std::string request_id;
  std::uint64_t bytes_received = 0;  // request body
  std::uint64_t bytes_sent = 0;      // response body (event streams: all events)
  std::string remote_address;
};

// Called once per finished request on an I/O thread; must be quick and thread-safe.
using AccessObserver = std::function<void(const AccessRecord& record)>;

// {"event":"http_request","method":..,"route":..,"path":..,"status":..,"duration_ms":..,
//  "request_id":..,"bytes_in":..,"bytes_out":..,"remote":..} on one line.
std::string FormatAccessLogLine(const AccessRecord& record);

}  // namespace ytl::http
