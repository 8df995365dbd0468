#include "http/access_log.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace ytl::http {

std::string FormatAccessLogLine(const AccessRecord& record) {
  nlohmann::json line;
  line["event"] = "http_request";
  line["method"] = record.method;
  line["route"] = record.route;
  line["path"] = record.path;
  line["status"] = record.status;
  line["duration_ms"] = std::round(record.duration_ms * 1000.0) / 1000.0;
  line["request_id"] = record.request_id;
  line["bytes_in"] = record.bytes_received;
  line["bytes_out"] = record.bytes_sent;
  line["remote"] = record.remote_address;
  return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace ytl::http
