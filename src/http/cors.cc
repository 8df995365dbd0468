#include "http/cors.h"

#include <algorithm>

namespace ytl::http {
namespace {

constexpr const char* kExposedHeaders = "X-Request-Id, Content-Range, Accept-Ranges, Retry-After";
constexpr const char* kAllowedHeaders = "Content-Type, Last-Event-ID, X-Request-Id, Range";

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

}  // namespace

CorsPolicy::CorsPolicy(std::vector<std::string> allowed_origins)
    : allowed_origins_(std::move(allowed_origins)),
      any_origin_(std::find(allowed_origins_.begin(), allowed_origins_.end(), "*") !=
                  allowed_origins_.end()) {}

bool CorsPolicy::IsPreflight(const Request& request) {
  return request.method == "OPTIONS" && request.Header("Origin") &&
         request.Header("Access-Control-Request-Method");
}

std::optional<std::string> CorsPolicy::AllowOrigin(const Request& request) const {
  auto origin = request.Header("Origin");
  if (!origin) return std::nullopt;
  if (any_origin_) return std::string("*");
  for (const std::string& allowed : allowed_origins_) {
    if (allowed == *origin) return allowed;
  }
  return std::nullopt;
}

Response CorsPolicy::Preflight(const Request& request,
                               const std::vector<std::string>& allowed_methods) const {
  auto allow_origin = AllowOrigin(request);
  if (!allow_origin) {
    return Response::Error(403, "cors_origin_not_allowed",
                           "origin '" + std::string(*request.Header("Origin")) +
                               "' may not call this API; add it to the allowed CORS origins");
  }
  Response response = Response::NoContent();
  response.SetHeader("Access-Control-Allow-Origin", *allow_origin);
  response.SetHeader("Access-Control-Allow-Methods", Join(allowed_methods));
  auto requested = request.Header("Access-Control-Request-Headers");
  response.SetHeader("Access-Control-Allow-Headers",
                     requested ? std::string(*requested) : std::string(kAllowedHeaders));
  response.SetHeader("Access-Control-Max-Age", "600");
  if (!any_origin_) response.SetHeader("Vary", "Origin");
  return response;
}

void CorsPolicy::Decorate(const Request& request, Response* response) const {
  auto allow_origin = AllowOrigin(request);
  if (!allow_origin) return;
  response->SetHeader("Access-Control-Allow-Origin", *allow_origin);
  response->SetHeader("Access-Control-Expose-Headers", kExposedHeaders);
  if (!any_origin_) response->SetHeader("Vary", "Origin");
}

}  // namespace ytl::http
