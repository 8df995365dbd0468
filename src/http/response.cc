#include "http/response.h"

#include "http/request.h"

namespace ytl::http {

void Response::SetHeader(std::string_view name, std::string value) {
  for (auto& [key, existing] : headers) {
    if (EqualsIgnoreCase(key, name)) {
      existing = std::move(value);
      return;
    }
  }
  headers.emplace_back(std::string(name), std::move(value));
}

Response Response::Json(int status, const nlohmann::json& body) {
  Response response;
  response.status = status;
  response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  response.headers.emplace_back("Content-Type", "application/json");
  return response;
}

Response Response::Text(int status, std::string body, std::string content_type) {
  Response response;
  response.status = status;
  response.body = std::move(body);
  response.headers.emplace_back("Content-Type", std::move(content_type));
  return response;
}

Response Response::Error(int status, std::string_view code, std::string_view message) {
  return Text(status, ErrorBody(code, message), "application/json");
}

Response Response::FromStatus(const Status& status, int resource_exhausted_http) {
  return Error(HttpStatusFor(status, resource_exhausted_http), ErrorCodeFor(status.code()),
               status.message());
}

Response Response::NoContent() {
  Response response;
  response.status = 204;
  return response;
}

Response Response::File(std::string path, std::string content_type) {
  Response response;
  response.kind = Kind::kFile;
  response.file_path = std::move(path);
  if (!content_type.empty()) response.headers.emplace_back("Content-Type", std::move(content_type));
  return response;
}

Response Response::EventStream(EventStreamOpener on_open) {
  Response response;
  response.kind = Kind::kEventStream;
  response.on_stream_open = std::move(on_open);
  return response;
}

Response Response::Deferred(DeferredStart start) {
  Response response;
  response.kind = Kind::kDeferred;
  response.on_deferred = std::move(start);
  return response;
}

int HttpStatusFor(const Status& status, int resource_exhausted_http) {
  switch (status.code()) {
    case Status::Code::kOk:
      return 200;
    case Status::Code::kInvalidInput:
      return 400;
    case Status::Code::kNotFound:
      return 404;
    case Status::Code::kUnavailable:
      return 503;
    case Status::Code::kCancelled:
      return 409;
    case Status::Code::kDeadlineExceeded:
      return 504;
    case Status::Code::kResourceExhausted:
      return resource_exhausted_http;
    case Status::Code::kInternal:
      return 500;
  }
  return 500;
}

std::string_view ErrorCodeFor(Status::Code code) { return StatusCodeName(code); }

std::string ErrorBody(std::string_view code, std::string_view message) {
  nlohmann::json body;
  body["error"]["code"] = code;
  body["error"]["message"] = message;
  // Replace invalid UTF-8 rather than throwing: messages may quote user input.
  return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace ytl::http
