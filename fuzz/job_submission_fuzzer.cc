// POST /v1/jobs bodies: ParseSubmission on JSON and multipart/form-data bodies from the input
// (first byte: content type), then what the server does with an accepted request (dedup key,
// URL host, store JSON round trip). JobRequestFromJson on the raw bytes too.
#include <cstdint>
#include <string>
#include <string_view>

#include "api/api_config.h"
#include "api/submission.h"
#include "api/url_policy.h"
#include "fuzz/fuzz_check.h"
#include "http/request.h"
#include "store/job_request_json.h"

namespace {

void CheckAccepted(const ytl::api::Submission& submission, const ytl::api::ApiConfig& config) {
  const ytl::JobRequest& request = submission.request;
  FUZZ_CHECK(!request.lyrics || request.lyrics->size() <= config.max_lyrics_bytes,
             "lyrics of %zu bytes accepted", request.lyrics->size());
  (void)ytl::api::DedupKey(request);
  const auto host = ytl::api::UrlHost(request.url);
  if (host.ok()) (void)ytl::api::IsPrivateAddress(*host);
  const auto stored = ytl::JobRequestFromJson(ytl::JobRequestToJson(request));
  FUZZ_CHECK(stored.ok(), "stored request does not read back: %s",
             stored.status().ToString().c_str());
  FUZZ_CHECK(stored->url == request.url && stored->lyrics == request.lyrics &&
                 stored->formats == request.formats,
             "stored request changed");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view input(reinterpret_cast<const char*>(bytes) + 1, size - 1);
  (void)ytl::JobRequestFromJson(input);
  ytl::http::Request request;
  request.method = "POST";
  request.target = request.path = "/v1/jobs";
  if (bytes[0] % 2 == 0) {
    request.headers.emplace_back("Content-Type", "application/json");
  } else {
    request.headers.emplace_back("Content-Type", "multipart/form-data; boundary=XyZ");
  }
  request.body = std::string(input);
  ytl::api::ApiConfig config;
  config.max_lyrics_bytes = 1024;
  config.max_upload_bytes = 4096;
  ytl::api::Submission submission;
  const auto error = ytl::api::ParseSubmission(request, config, &submission);
  if (error) {
    FUZZ_CHECK(!error->status.ok(), "an error with an OK status");
    FUZZ_CHECK(error->http_status >= 400 && error->http_status < 500, "HTTP %d",
               error->http_status);
    return 0;
  }
  CheckAccepted(submission, config);
  return 0;
}
