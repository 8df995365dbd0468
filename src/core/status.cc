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

}  // namespace ytl
