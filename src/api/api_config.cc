#include "api/api_config.h"

namespace ytl::api {

Status ApiConfig::Validate() const {
  if (max_upload_bytes == 0) {
    return Status::InvalidInput("max_upload_bytes is 0; set it to the largest song to accept");
  }
  if (max_lyrics_bytes == 0) {
    return Status::InvalidInput("max_lyrics_bytes is 0; set it to the largest lyric sheet");
  }
  if (!(max_duration_s > 0)) {
    return Status::InvalidInput("max_duration_s is not positive; set the longest song in seconds");
  }
  if (!(url_resolve_timeout_s > 0)) {
    return Status::InvalidInput("url_resolve_timeout_s must be positive, e.g. 5");
  }
  if (url_resolver_threads < 1) {
    return Status::InvalidInput("url_resolver_threads must be at least 1, e.g. 4");
  }
  if (max_active_jobs_per_client < 1) {
    return Status::InvalidInput("max_active_jobs_per_client must be at least 1");
  }
  if (!(event_poll_interval_s > 0)) {
    return Status::InvalidInput("event_poll_interval_s must be positive, e.g. 1");
  }
  for (const std::string& key : api_keys) {
    if (key.empty()) return Status::InvalidInput("an API key is empty; give a non-empty token");
  }
  return Status::Ok();
}

}  // namespace ytl::api
