// An HTTP request as handlers see it: parsed target, headers, body and routing results.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/url.h"

namespace ytl::http {

// Case-insensitive ASCII comparison, for header names and tokens.
bool EqualsIgnoreCase(std::string_view a, std::string_view b);

struct Request {
  std::string method;  // upper case as sent: "GET", "POST", ...
  std::string target;  // raw request-target: "/v1/jobs/a%20b?x=1"
  std::string path;    // percent-decoded path: "/v1/jobs/a b"
  QueryParams query;   // decoded query parameters, in order
  std::vector<std::pair<std::string, std::string>> headers;  // as received, in order
  std::string body;        // whole body (bounded by ServerConfig::max_body_bytes)
  std::string request_id;  // echoed as X-Request-Id on the response
  std::string route;       // matched route template, e.g. "/v1/jobs/{id}"
  std::map<std::string, std::string, std::less<>> params;  // decoded path parameters
  std::string remote_address;                              // peer "ip:port"

  // First header named `name` (any case), or nullopt.
  std::optional<std::string_view> Header(std::string_view name) const;
  // First query parameter named `name`, or nullopt.
  std::optional<std::string_view> QueryParam(std::string_view name) const;
  // Path parameter from the route template; empty when the route has none of that name.
  std::string_view Param(std::string_view name) const;
};

}  // namespace ytl::http
