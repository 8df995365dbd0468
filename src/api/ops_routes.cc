#include "api/ops_routes.h"

#include "api/openapi.h"
#include "web/assets.h"

namespace ytl::api {
namespace {

using http::Request;
using http::Response;

// The embedded web page file at `path` (see web/assets.h), or 404.
Response WebAsset(std::string_view path) {
  const web::Asset* asset = web::FindAsset(path);
  if (asset == nullptr) {
    return Response::Error(404, "not_found",
                           "no page file at '" + std::string(path) + "'; the page is at /");
  }
  Response response =
      Response::Text(200, std::string(asset->body), std::string(asset->content_type));
  response.SetHeader("Cache-Control", "no-cache");
  return response;
}

Response Ready(JobStore& store, const ServiceState& state) {
  if (state.draining.load()) {
    return Response::Error(503, "unavailable", "draining: the server is shutting down");
  }
  if (Status writable = store.CheckWritable(); !writable.ok()) {
    return Response::Error(503, "unavailable",
                           "the job store is not writable: " + writable.message());
  }
  const int alive = state.workers_alive ? state.workers_alive() : 0;
  if (alive < state.workers) {
    return Response::Error(
        503, "unavailable",
        std::to_string(alive) + " of " + std::to_string(state.workers) + " workers are alive");
  }
  return Response::Json(200, {{"status", "ready"}, {"workers", alive}});
}

}  // namespace

Status RegisterOpsRoutes(http::Router& router, JobStore& store, ServiceState& state,
                         const Metrics& metrics, const EventRelay& relay,
                         std::vector<std::pair<std::string, std::string>>* registered) {
  const auto add = [&](const char* method, const char* pattern, http::Handler handler) {
    registered->emplace_back(method, pattern);
    return router.Add(method, pattern, std::move(handler));
  };
  YTL_RETURN_IF_ERROR(add("GET", "/health", [](const Request&) {
    return Response::Json(200, {{"status", "ok"}});
  }));
  YTL_RETURN_IF_ERROR(
      add("GET", "/ready", [&store, &state](const Request&) { return Ready(store, state); }));
  YTL_RETURN_IF_ERROR(add("GET", "/metrics", [&](const Request&) {
    MetricsSnapshot snapshot;
    if (auto counts = store.CountByState(); counts.ok()) snapshot.jobs = *counts;
    snapshot.workers = state.workers;
    snapshot.busy_workers = state.workers_busy ? state.workers_busy() : 0;
    snapshot.event_streams = relay.open_streams();
    snapshot.draining = state.draining.load();
    if (state.queue_stats) snapshot.queue = state.queue_stats();
    return Response::Text(200, metrics.Render(snapshot), "text/plain; version=0.0.4");
  }));
  const std::string openapi = OpenApiDocument().dump(2);
  YTL_RETURN_IF_ERROR(add("GET", "/openapi.json", [openapi](const Request&) {
    return Response::Text(200, openapi, "application/json");
  }));
  YTL_RETURN_IF_ERROR(add("GET", "/v1/config", [&state](const Request&) {
    return Response::Json(200, {{"race_backends", state.race_backends}});
  }));
  YTL_RETURN_IF_ERROR(add("GET", "/", [](const Request&) { return WebAsset("/"); }));
  return add("GET", "/{asset}", [](const Request& request) {
    return WebAsset("/" + std::string(request.Param("asset")));
  });
}

}  // namespace ytl::api
