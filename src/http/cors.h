// CORS (Fetch standard): which origins may call the API, and preflight answers.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "http/request.h"
#include "http/response.h"

namespace ytl::http {

class CorsPolicy {
 public:
  // `allowed_origins`: exact origins ("https://app.example") or "*"; empty disables CORS.
  explicit CorsPolicy(std::vector<std::string> allowed_origins);

  // True for an OPTIONS request with Origin and Access-Control-Request-Method.
  static bool IsPreflight(const Request& request);

  // Answer to a preflight for a path whose routes allow `allowed_methods`: 204 with the
  // Access-Control-Allow-* headers, or 403 when the origin is not allowed.
  Response Preflight(const Request& request, const std::vector<std::string>& allowed_methods) const;

  // Adds Allow-Origin / Expose-Headers / Vary to `response` when the request's origin is allowed.
  void Decorate(const Request& request, Response* response) const;

 private:
  // The Access-Control-Allow-Origin value for `request`, or nullopt when not allowed.
  std::optional<std::string> AllowOrigin(const Request& request) const;

  std::vector<std::string> allowed_origins_;
  bool any_origin_ = false;
};

}  // namespace ytl::http
