// An HTTP response as handlers build it: buffered, a file from disk, or a Server-Sent Events
// stream; plus JSON and error helpers and the one Status -> HTTP status mapping.
#pragma once

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"
#include "http/sse.h"

namespace ytl::http {

// Called once the event-stream response headers are sent; the handler keeps `stream` and pushes
// events from any thread. Runs on the connection's I/O thread: keep it quick.
using EventStreamOpener = std::function<void(std::shared_ptr<EventStream> stream)>;

struct Response;
// Sends the final response of a deferred request; call it once, from any thread.
using ResponseCompleter = std::function<void(Response response)>;
// Starts the work of a deferred request and returns at once; `complete` receives its response
// (on any thread, once). Runs on the connection's I/O thread: hand slow work to other threads.
using DeferredStart = std::function<void(ResponseCompleter complete)>;

struct Response {
  enum class Kind {
    kBuffered,     // `body` as is
    kFile,         // `file_path` streamed from disk in chunks, with Range support
    kEventStream,  // text/event-stream; `on_stream_open` receives the stream
    kDeferred,     // answered later: `on_deferred` gets a completer for the real response
  };

  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;  // Content-Type included
  std::string body;
  Kind kind = Kind::kBuffered;
  std::string file_path;             // kFile
  EventStreamOpener on_stream_open;  // kEventStream
  DeferredStart on_deferred;         // kDeferred

  // Replaces any header of the same name (any case).
  void SetHeader(std::string_view name, std::string value);

  // application/json body.
  static Response Json(int status, const nlohmann::json& body);
  // Plain text or any other buffered body.
  static Response Text(int status, std::string body,
                       std::string content_type = "text/plain; charset=utf-8");
  // {"error": {"code": code, "message": message}} with `status`.
  static Response Error(int status, std::string_view code, std::string_view message);
  // Error response for a non-OK Status (HttpStatusFor + ErrorCodeFor).
  static Response FromStatus(const Status& status, int resource_exhausted_http = 413);
  // 204 No Content.
  static Response NoContent();
  // Streams `path`; Content-Type from the extension when `content_type` is empty. A missing
  // file answers 404 at send time. Honours a single "Range: bytes=" range (206 / 416).
  static Response File(std::string path, std::string content_type = "");
  // A Server-Sent Events stream; `on_open` receives the stream once headers are sent.
  static Response EventStream(EventStreamOpener on_open);
  // A response that another thread builds (slow lookups): the I/O thread serves other
  // connections meanwhile. `start` runs at once with the completer; the response it completes
  // with gets the same CORS and request-id headers as any other.
  static Response Deferred(DeferredStart start);
};

// HTTP status for a Status: InvalidInput 400, NotFound 404, Cancelled 409, Unavailable 503,
// DeadlineExceeded 504, Internal 500, ResourceExhausted `resource_exhausted_http` (413 for size
// limits by default; pass 429 when the limit is a rate or queue bound), Ok 200.
int HttpStatusFor(const Status& status, int resource_exhausted_http = 413);

// Stable snake_case error code for the JSON body: "invalid_input", "not_found", ...
std::string_view ErrorCodeFor(Status::Code code);

// Reason phrase-free JSON error body text: {"error":{"code":..,"message":..}}.
std::string ErrorBody(std::string_view code, std::string_view message);

}  // namespace ytl::http
