// JobRoutes: the /v1 job API (submit, read, list, cancel, events, lyrics, audio, uploads).
//
// Handlers run on the HTTP I/O threads and only touch the store; the pipeline runs on the worker
// pool, which ServiceState::job_queued wakes.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "api/api_config.h"
#include "api/client_quota.h"
#include "api/event_relay.h"
#include "api/host_resolver.h"
#include "api/service_state.h"
#include "api/url_check_pool.h"
#include "http/router.h"
#include "store/job_store.h"

namespace ytl::api {

class JobRoutes {
 public:
  // Every reference must outlive the routes (and the server that calls them). `resolver` looks
  // up song URL hosts for the SSRF check (null: the system's); it must outlive the routes.
  JobRoutes(JobStore& store, const ApiConfig& config, ServiceState& state, EventRelay& relay,
            const HostResolver* resolver = nullptr);

  // Registers the routes on `router`; appends (method, pattern) of each to `registered`.
  Status Register(http::Router& router,
                  std::vector<std::pair<std::string, std::string>>* registered);

 private:
  http::Response Submit(const http::Request& request);
  http::Response Upload(const http::Request& request);
  http::Response Get(const http::Request& request);
  http::Response List(const http::Request& request);
  http::Response Cancel(const http::Request& request);
  http::Response Events(const http::Request& request);
  http::Response Lyrics(const http::Request& request);
  http::Response Audio(const http::Request& request);

  // Stores uploaded bytes after the size, media and duration checks; the upload id or an error
  // response.
  Result<std::string> StoreUpload(std::string_view bytes, const std::string& filename,
                                  http::Response* error);
  // 415 when FFmpeg cannot read the stored upload, 422 when its container declares more than
  // max_duration_s; nullopt when it may be queued. `name` names it in the message.
  std::optional<http::Response> CheckUploadAudio(const std::string& upload_id,
                                                 const std::string& name);
  // Checks the client's quota and creates (or finds) the job: 202, 200 (existing) or an error.
  // Thread-safe: runs on an I/O thread, or on a resolver thread after a URL check.
  http::Response Enqueue(const JobRequest& job_request, const std::string& client);

  JobStore& store_;
  const ApiConfig& config_;
  ServiceState& state_;
  EventRelay& relay_;
  ClientQuota quota_;
  std::unique_ptr<HostResolver> system_resolver_;  // when no resolver was given
  std::unique_ptr<UrlCheckPool> url_checks_;       // last: its threads stop first
};

}  // namespace ytl::api
