// OpsRoutes: the routes for platforms and operators: /health, /ready, /metrics, /openapi.json,
// the pages' settings at /v1/config, and the web pages at / and /race (embedded from web/, see
// web/assets.h).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "api/event_relay.h"
#include "api/metrics.h"
#include "api/service_state.h"
#include "http/router.h"
#include "store/job_store.h"

namespace ytl::api {

// Registers the routes; every reference must outlive the router. Appends (method, pattern) of
// each to `registered`. /health, /ready, /metrics, /openapi.json and /v1/config need no API key.
Status RegisterOpsRoutes(http::Router& router, JobStore& store, ServiceState& state,
                         const Metrics& metrics, const EventRelay& relay,
                         std::vector<std::pair<std::string, std::string>>* registered);

}  // namespace ytl::api
