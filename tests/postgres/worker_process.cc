#include "tests/postgres/worker_process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "tests/serve_process.h"

namespace ytl::testing {

WorkerProcess::WorkerProcess(const std::string& binary, std::vector<std::string> args,
                             std::string log_path)
    : log_path_(std::move(log_path)) {
  std::vector<std::string> argv = {binary, "worker"};
  argv.insert(argv.end(), args.begin(), args.end());
  const std::size_t log_start = Log().size();
  pid_ = fork();
  if (pid_ == 0) {
    const int fd = open(log_path_.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    dup2(fd, 1);
    dup2(fd, 2);
    std::vector<char*> raw;
    for (std::string& arg : argv) raw.push_back(arg.data());
    raw.push_back(nullptr);
    execv(raw[0], raw.data());
    _exit(127);
  }
  for (int i = 0; i < 600 && !started_; ++i) {
    started_ = Log().find("\"event\":\"worker_started\"", log_start) != std::string::npos;
    int status = 0;
    if (!started_ && waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return;
    }
    if (!started_) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

WorkerProcess::~WorkerProcess() {
  if (pid_ > 0) Stop(SIGKILL, 10);
}

void WorkerProcess::Signal(int signal_number) const {
  if (pid_ > 0) kill(pid_, signal_number);
}

int WorkerProcess::Stop(int signal_number, double timeout_s) {
  return StopChildProcess(pid_, signal_number, timeout_s);
}

std::string WorkerProcess::Log() const { return FileText(log_path_); }

}  // namespace ytl::testing
