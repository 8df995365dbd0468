// ApiConfig: the limits and access rules of the job API (HTTP routes under /v1).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/status.h"

namespace ytl::api {

struct ApiConfig {
  // Bearer tokens accepted on /v1 routes; empty: the API is open to anyone who can reach it.
  std::vector<std::string> api_keys;
  // true: URLs whose host resolves to loopback, private, link-local or metadata addresses are
  // accepted (tests, home servers). false refuses them (SSRF protection).
  bool allow_private_urls = false;
  // Largest uploaded song in bytes; larger uploads answer 413.
  std::size_t max_upload_bytes = 200u << 20;
  // Largest lyric sheet in bytes; larger sheets answer 413.
  std::size_t max_lyrics_bytes = 64u << 10;
  // Longest song in seconds. Uploads whose container declares more answer 422 at submission;
  // a URL's song is only known after its download, so that job fails (resource_exhausted).
  double max_duration_s = 3600;
  // Seconds a song URL's host may take to resolve (SSRF check) before the submission answers
  // 422; the lookup runs on a resolver thread, never on an HTTP I/O thread.
  double url_resolve_timeout_s = 5;
  // Threads that resolve song URL hosts; more concurrent lookups wait in a queue.
  int url_resolver_threads = 4;
  // Jobs one client (remote address) may have queued or running at once; more answer 429.
  int max_active_jobs_per_client = 20;
  // Seconds an idle event stream waits for a store notification before re-reading the store.
  double event_poll_interval_s = 1.0;

  // Names the first bad field and the fix.
  Status Validate() const;
};

}  // namespace ytl::api
