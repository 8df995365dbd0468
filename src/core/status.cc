#include "core/status.h"

namespace ytl {

std::string Status::ToString() const {
  const char* name = "ok";
  switch (code_) {
    case Code::kOk:
      return "ok";
    case Code::kInvalidInput:
      name = "invalid input";
      break;
    case Code::kNotFound:
      name = "not found";
      break;
    case Code::kUnavailable:
      name = "unavailable";
      break;
    case Code::kCancelled:
      name = "cancelled";
      break;
    case Code::kDeadlineExceeded:
      name = "deadline exceeded";
      break;
    case Code::kResourceExhausted:
      name = "resource exhausted";
      break;
    case Code::kInternal:
      name = "internal error";
      break;
  }
  return std::string(name) + ": " + message_;
}

std::string_view StatusCodeName(Status::Code code) {
  switch (code) {
    case Status::Code::kOk:
      return "ok";
    case Status::Code::kInvalidInput:
      return "invalid_input";
    case Status::Code::kNotFound:
      return "not_found";
    case Status::Code::kUnavailable:
      return "unavailable";
    case Status::Code::kCancelled:
      return "cancelled";
    case Status::Code::kDeadlineExceeded:
      return "deadline_exceeded";
    case Status::Code::kResourceExhausted:
      return "resource_exhausted";
    case Status::Code::kInternal:
      return "internal";
  }
  return "internal";
}

}  // namespace ytl
