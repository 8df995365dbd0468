// WorkerProcess: runs the real `yt-lyrics worker` binary for multi-process
// tests and waits for its "worker_started" log line.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace ytl::testing {

class WorkerProcess {
 public:
  // Starts `binary worker args...` with stdout and stderr appended to
  // `log_path`, and waits (up to 60 s) until it logs that it started.
  WorkerProcess(const std::string& binary, std::vector<std::string> args, std::string log_path);
  ~WorkerProcess();  // SIGKILL if still running

  bool started() const { return started_; }
  // Sends a signal without waiting (SIGSTOP, SIGCONT, ...).
  void Signal(int signal_number) const;
  // Sends `signal_number` and waits up to `timeout_s` for the exit: the exit
  // code, 128+N when signal N ended it, -1 when it had to be killed.
  int Stop(int signal_number, double timeout_s = 60);
  std::string Log() const;

 private:
  pid_t pid_ = -1;
  bool started_ = false;
  std::string log_path_;
};

}  // namespace ytl::testing
