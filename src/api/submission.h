// Submission: what POST /v1/jobs carries, parsed from JSON or multipart/form-data, and the key
// that makes identical submissions share one job.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "api/api_config.h"
#include "core/status.h"
#include "http/request.h"
#include "jobs/job.h"

namespace ytl::api {

struct Submission {
  JobRequest request;                     // upload_id empty while `audio` still has to be stored
  std::optional<std::string_view> audio;  // multipart "audio" bytes (view into the request body)
  std::string audio_filename;             // the client's name for the uploaded file
};

// Why a submission could not be parsed: the HTTP status and the Status to report.
struct SubmissionError {
  int http_status = 400;
  Status status;
};

// Parses the request body. Errors: 415 for a content type other than JSON or multipart, 400 for
// malformed bodies or fields, 413 for lyrics or audio over the configured limits. Formats are
// checked against the export names and stored lower case.
std::optional<SubmissionError> ParseSubmission(const http::Request& request,
                                               const ApiConfig& config, Submission* out);

// The canonical form of a song URL for deduplication: a YouTube video id ("youtube:ID") when the
// URL names one, else the URL with a lower-case scheme and host and no fragment.
std::string CanonicalSongUrl(std::string_view url);

// SHA-256 over the audio's identity (upload id = content hash, or the canonical URL), the lyrics
// and the language: equal keys mean the same work.
std::string DedupKey(const JobRequest& request);

}  // namespace ytl::api
