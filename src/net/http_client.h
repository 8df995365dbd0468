// A small HTTP/1.1 client over libcurl: buffered requests, streamed responses (Server-Sent Events,
// large bodies), multipart form posts and resumable downloads to a file.
//
// Transport failures are Status errors naming the method and URL; an HTTP error status (404, 503)
// is not: Send() returns the response and the caller decides. Thread-safe: every call uses its own
// curl handle, so one HttpClient may be shared between threads.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/progress.h"
#include "core/status.h"

namespace ytl::net {

struct HttpRequest {
  std::string method = "GET";                                // "GET", "POST", "DELETE", ...
  std::string url;                                           // absolute http(s) URL
  std::vector<std::pair<std::string, std::string>> headers;  // sent as given, in order
  std::string body;                                          // request body (empty: none)
  double timeout_s = 30.0;          // the whole exchange; 0 = no limit (streams, downloads)
  double connect_timeout_s = 10.0;  // name lookup, TCP and TLS connect
  double idle_timeout_s = 0.0;      // stop when no byte arrives for this long; 0 = no idle limit
  const CancelToken* cancel = nullptr;  // checked while transferring; may be null
};

struct HttpResponse {
  int status = 0;                                            // HTTP status code
  std::vector<std::pair<std::string, std::string>> headers;  // lower-case names, in order
  std::string body;                                          // empty for Stream() and Download()

  // The first header named `name` (any case), or nullopt.
  std::optional<std::string_view> Header(std::string_view name) const;
};

// Receives each piece of a streamed body as it arrives; `head` holds the status and headers.
// Return false to stop the transfer (Stream() then returns the response normally).
using ChunkCallback = std::function<bool(const HttpResponse& head, std::string_view chunk)>;

// Download progress: bytes on disk so far and the full size (-1 when the server does not say).
using ProgressCallback = std::function<void(std::int64_t bytes_done, std::int64_t bytes_total)>;

// A text field of a multipart/form-data body.
struct FormField {
  std::string name;
  std::string value;
};

// A file field of a multipart/form-data body, read from disk while sending.
struct FormFile {
  std::string name;            // the field name
  std::filesystem::path path;  // the file to send
  std::string filename;        // sent as filename=; the path's file name when empty
  std::string content_type;    // "application/octet-stream" when empty
};

// "yt-lyrics/<version> (+https://github.com/yt-lyrics)", the default User-Agent.
std::string DefaultUserAgent();

// Percent-encodes `text` for a URL query value (RFC 3986 unreserved characters kept).
std::string UrlEncode(std::string_view text);

// "a=1&b=x%20y" from name/value pairs (both encoded); pairs with an empty value are kept.
std::string QueryString(const std::vector<std::pair<std::string, std::string>>& params);

class HttpClient {
 public:
  explicit HttpClient(std::string user_agent = DefaultUserAgent());

  // Sends `request` and buffers the whole response body (at most 256 MiB: ResourceExhausted).
  // Unavailable when the server cannot be reached, DeadlineExceeded on a time-out, Cancelled
  // when the request's CancelToken fires.
  Result<HttpResponse> Send(const HttpRequest& request) const;

  // Sends `request` and hands the body to `on_chunk` piece by piece, on the calling thread.
  // Set request.timeout_s = 0 and an idle_timeout_s for long-lived streams.
  Result<HttpResponse> Stream(const HttpRequest& request, const ChunkCallback& on_chunk) const;

  // POSTs a multipart/form-data body made of `fields` and, when given, one file read from disk
  // (request.method and request.body are ignored). InvalidInput when the file cannot be read.
  Result<HttpResponse> PostForm(const HttpRequest& request, const std::vector<FormField>& fields,
                                const std::optional<FormFile>& file) const;

  // GETs request.url into `path`, resuming from the file's current size with a Range request
  // when it exists (a server answering 200 instead of 206 restarts it from zero; 416 on a
  // non-empty file means it is already complete). Any non-2xx answer is an error naming the URL
  // and status, and leaves what was already on disk. The caller verifies and renames the file.
  Result<HttpResponse> Download(const HttpRequest& request, const std::filesystem::path& path,
                                const ProgressCallback& on_progress = nullptr) const;

 private:
  std::string user_agent_;
};

}  // namespace ytl::net
