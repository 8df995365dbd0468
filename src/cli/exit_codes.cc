#include "cli/exit_codes.h"

namespace ytl::cli {

int ExitCodeFor(const Status& status) {
  switch (status.code()) {
    case Status::Code::kOk:
      return kExitOk;
    case Status::Code::kInvalidInput:
      return kExitInvalidInput;
    case Status::Code::kNotFound:
      return kExitNotFound;
    case Status::Code::kUnavailable:
      return kExitUnavailable;
    case Status::Code::kCancelled:
      return kExitCancelled;
    case Status::Code::kDeadlineExceeded:
    case Status::Code::kResourceExhausted:
      return kExitLimit;
    case Status::Code::kInternal:
      return kExitInternal;
  }
  return kExitInternal;
}

}  // namespace ytl::cli
