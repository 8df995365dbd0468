// ServeProcess: runs the real `yt-lyrics serve` binary for end-to-end tests, on a free loopback
// port read back from its "listening on" log line.
#pragma once

#include <sys/types.h>

#include <atomic>
#include <string>
#include <utility>
#include <vector>

#include "http/testing/http_test_client.h"

namespace ytl::testing {

// How to start the binary: every argument after its path, and variables added to the
// environment (over the test's own).
struct ServeLaunch {
  std::vector<std::string> args;
  std::vector<std::pair<std::string, std::string>> env;
};

class ServeProcess {
 public:
  // Starts `binary serve --listen 127.0.0.1:0 --data-dir data_dir args...` with stdout and
  // stderr appended to `log_path`, and waits (up to 60 s) for its listening line.
  ServeProcess(std::string binary, std::string data_dir, std::vector<std::string> args,
               std::string log_path);
  // Starts `binary launch.args...` with launch.env, logging and waiting the same way; it may
  // listen on any host (0.0.0.0 included) and is reached through 127.0.0.1.
  ServeProcess(std::string binary, ServeLaunch launch, std::string log_path);
  ~ServeProcess();  // SIGKILL if still running

  bool started() const { return port_ > 0; }
  int port() const { return port_; }
  // Sends `signal_number` and waits up to `timeout_s` for the exit; the exit code, or -1 when it
  // did not exit in time (then it is killed), or 128+N when a signal N ended it.
  int Stop(int signal_number, double timeout_s = 60);
  // The log written so far.
  std::string Log() const;

  http::testing::ClientResponse Call(const std::string& method, const std::string& target,
                                     const std::string& body = "",
                                     const http::testing::Headers& headers = {}) const;
  // POST `body` as JSON.
  http::testing::ClientResponse PostJson(const std::string& target, const std::string& json,
                                         const http::testing::Headers& headers = {}) const;

 private:
  pid_t pid_ = -1;
  // Read by requests while Stop() clears it from another thread (a draining test).
  std::atomic<int> port_ = 0;
  std::string log_path_;
};

// A multipart/form-data body with boundary "ytlboundary": (name, filename or "", data) parts.
struct FormPart {
  std::string name;
  std::string filename;
  std::string data;
};
std::string MultipartBody(const std::vector<FormPart>& parts);
inline constexpr const char* kMultipartType = "multipart/form-data; boundary=ytlboundary";

// Sends `signal_number` to child `pid` (after SIGCONT, so that a stopped
// child acts on it) and reaps it within `timeout_s`, else SIGKILLs it. Returns
// the exit code, 128+N when signal N ended it, -1 when it had to be killed;
// sets `pid` to -1.
int StopChildProcess(pid_t& pid, int signal_number, double timeout_s);

// The whole text of a file ("" when it cannot be read).
std::string FileText(const std::string& path);

}  // namespace ytl::testing
