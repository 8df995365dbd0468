// JobRoutes: the /v1 job API (submit, read, list, cancel, events, lyrics, audio, uploads).
//
// Handlers run on the HTTP I/O threads and only touch the store; the pipeline runs on the worker
// pool, which ServiceState::job_queued wakes.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "api/api_config.h"
#include "api/client_quota.h"
#include "api/event_relay.h"
#include "api/service_state.h"
#include "http/router.h"
#include "store/job_store.h"

namespace ytl::api {

class JobRoutes {
 public:
  // Every reference must outlive the routes (and the server that calls them).
  JobRoutes(JobStore& store, const ApiConfig& config, ServiceState& state, EventRelay& relay);

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

  // Stores uploaded bytes after the size and media checks; the upload id or an error response.
  Result<std::string> StoreUpload(std::string_view bytes, const std::string& filename,
                                  http::Response* error);

  JobStore& store_;
  const ApiConfig& config_;
  ServiceState& state_;
  EventRelay& relay_;
  ClientQuota quota_;
};

}  // namespace ytl::api
