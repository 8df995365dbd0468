// JobApiClient: one yt-lyrics backend's job API (/v1/jobs) seen from a client: submit a song,
// read a job's state, cancel it, fetch its lyrics.
//
// Errors: a backend that cannot be reached (connection refused, time-out) gives Unavailable or
// DeadlineExceeded (see IsUnreachable); a backend that answers with an HTTP error gives
// InvalidInput (4xx) or Internal (5xx) carrying the API's own message. Thread-safe.
#pragma once

#include <filesystem>
#include <string>

#include "core/status.h"
#include "net/http_client.h"

namespace ytl::race {

// The song to sync: exactly one of `url` and `audio_file`.
struct JobRequest {
  std::string url;                   // http(s) URL the backend downloads with yt-dlp
  std::filesystem::path audio_file;  // local file, uploaded as multipart "audio"
  std::string lyrics;                // lyric sheet text; empty: transcribe
  std::string language;              // ISO 639-1; empty: the backend's default
};

// A job as GET /v1/jobs/{id} describes it.
struct JobSnapshot {
  std::string id;
  std::string state;  // queued | running | succeeded | failed | cancelled
  std::string stage;
  double progress = 0;
  std::string error;  // when failed
};

// True when `status` says the backend could not be reached at all.
bool IsUnreachable(const Status& status);

class JobApiClient {
 public:
  // `http` must outlive the client. `base_url` is the backend's origin and path prefix.
  JobApiClient(const net::HttpClient& http, std::string base_url, std::string api_key);

  const std::string& base_url() const { return base_url_; }

  Result<JobSnapshot> Submit(const JobRequest& request) const;
  Result<JobSnapshot> Get(const std::string& job_id) const;
  Status Cancel(const std::string& job_id) const;
  // The lyrics in `format` (json, lrc, elrc, srt, vtt, ass), as the backend exports them.
  Result<std::string> Lyrics(const std::string& job_id, const std::string& format) const;

 private:
  net::HttpRequest Request(const std::string& method, const std::string& path) const;
  Result<std::string> Checked(const Result<net::HttpResponse>& response,
                              const std::string& what) const;

  const net::HttpClient& http_;
  std::string base_url_;
  std::string api_key_;
};

}  // namespace ytl::race
