// Status and Result<T>: the one error type of yt-lyrics.
//
// Modules return a Status (or a Result<T>) instead of throwing. Only cli/
// maps a Status to an exit code and only http/ maps it to an HTTP status.
// Messages say what failed, on which input, and what to do next.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace ytl {

class [[nodiscard]] Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidInput,  // the user's input is wrong (bad file, bad lyrics, bad flag)
    kNotFound,      // a file, job or resource does not exist
    kUnavailable,   // a dependency (yt-dlp, network, engine) is missing or failing
    kCancelled,     // the user or the server asked to stop
    kDeadlineExceeded,
    kResourceExhausted,  // a configured limit was hit
    kInternal,           // a bug or an unexpected library failure
  };

  Status() = default;

  static Status Ok() { return Status(); }
  static Status InvalidInput(std::string msg) { return {Code::kInvalidInput, std::move(msg)}; }
  static Status NotFound(std::string msg) { return {Code::kNotFound, std::move(msg)}; }
  static Status Unavailable(std::string msg) { return {Code::kUnavailable, std::move(msg)}; }
  static Status Cancelled(std::string msg) { return {Code::kCancelled, std::move(msg)}; }
  static Status DeadlineExceeded(std::string msg) {
    return {Code::kDeadlineExceeded, std::move(msg)};
  }
  static Status ResourceExhausted(std::string msg) {
    return {Code::kResourceExhausted, std::move(msg)};
  }
  static Status Internal(std::string msg) { return {Code::kInternal, std::move(msg)}; }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

  // "invalid input: <message>" style text for logs.
  std::string ToString() const;

 private:
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}

  Code code_ = Code::kOk;
  std::string message_;
};

// Holds either a value or a non-OK Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}         // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {  // NOLINT: implicit by design
    assert(!status_.ok() && "a Result built from a Status must carry an error");
  }

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }

  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }

 private:
  Status status_;
  std::optional<T> value_;
};

// The machine-readable name of a code: "invalid_input", "not_found", ...
std::string_view StatusCodeName(Status::Code code);

}  // namespace ytl

// Returns early from the enclosing function when `expr` yields a non-OK Status.
#define YTL_RETURN_IF_ERROR(expr)              \
  do {                                         \
    ::ytl::Status ytl_status_ = (expr);        \
    if (!ytl_status_.ok()) return ytl_status_; \
  } while (0)
