#include "sources/subprocess.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <optional>
#include <thread>
#include <utility>

extern char** environ;

namespace ytl {
namespace {

using Clock = std::chrono::steady_clock;

std::string ErrnoText(int err) { return std::strerror(err); }

// Move-only owner of a file descriptor.
class UniqueFd {
 public:
  UniqueFd() = default;
  explicit UniqueFd(int fd) : fd_(fd) {}
  UniqueFd(UniqueFd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  UniqueFd& operator=(UniqueFd&& other) noexcept {
    if (this != &other) Reset(std::exchange(other.fd_, -1));
    return *this;
  }
  UniqueFd(const UniqueFd&) = delete;
  UniqueFd& operator=(const UniqueFd&) = delete;
  ~UniqueFd() { Reset(); }

  int get() const { return fd_; }
  void Reset(int fd = -1) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = fd;
  }

 private:
  int fd_ = -1;
};

struct Pipe {
  UniqueFd read_end;
  UniqueFd write_end;
};

Result<Pipe> MakePipe() {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) {
    return Status::ResourceExhausted("cannot create a pipe for a child process: " +
                                     ErrnoText(errno) + "; close some files and retry");
  }
  Pipe p{UniqueFd(fds[0]), UniqueFd(fds[1])};
  ::fcntl(p.read_end.get(), F_SETFL, ::fcntl(p.read_end.get(), F_GETFL) | O_NONBLOCK);
  return p;
}

// Owners of the posix_spawn attribute objects.
class SpawnFileActions {
 public:
  SpawnFileActions() { ::posix_spawn_file_actions_init(&actions_); }
  ~SpawnFileActions() { ::posix_spawn_file_actions_destroy(&actions_); }
  SpawnFileActions(const SpawnFileActions&) = delete;
  SpawnFileActions& operator=(const SpawnFileActions&) = delete;
  posix_spawn_file_actions_t* get() { return &actions_; }

 private:
  posix_spawn_file_actions_t actions_;
};

class SpawnAttr {
 public:
  SpawnAttr() { ::posix_spawnattr_init(&attr_); }
  ~SpawnAttr() { ::posix_spawnattr_destroy(&attr_); }
  SpawnAttr(const SpawnAttr&) = delete;
  SpawnAttr& operator=(const SpawnAttr&) = delete;
  posix_spawnattr_t* get() { return &attr_; }

 private:
  posix_spawnattr_t attr_;
};

// Own process group, empty signal mask, default dispositions for the signals
// a parent commonly ignores or handles.
void ConfigureAttr(SpawnAttr& attr) {
  sigset_t mask;
  sigemptyset(&mask);
  sigset_t defaults;
  sigemptyset(&defaults);
  for (int sig : {SIGPIPE, SIGINT, SIGTERM, SIGQUIT, SIGHUP, SIGCHLD, SIGUSR1, SIGUSR2, SIGALRM}) {
    sigaddset(&defaults, sig);
  }
  ::posix_spawnattr_setflags(
      attr.get(), POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  ::posix_spawnattr_setpgroup(attr.get(), 0);
  ::posix_spawnattr_setsigmask(attr.get(), &mask);
  ::posix_spawnattr_setsigdefault(attr.get(), &defaults);
}

Status SpawnError(const std::string& program, int err) {
  if (err == ENOENT) {
    return Status::NotFound("program '" + program + "' not found" +
                            (program.find('/') == std::string::npos ? " on PATH" : "") +
                            "; install it or give its full path");
  }
  if (err == EACCES || err == ENOEXEC) {
    return Status::Unavailable("cannot run '" + program + "': " + ErrnoText(err) +
                               "; check that it is an executable file (chmod +x)");
  }
  return Status::Unavailable("cannot start '" + program + "': " + ErrnoText(err));
}

// Starts argv with stdout/stderr on the given pipes. Returns the child pid.
Result<pid_t> Spawn(const std::vector<std::string>& argv, const RunOptions& options, Pipe& out,
                    Pipe& err) {
  SpawnFileActions actions;
  ::posix_spawn_file_actions_addopen(actions.get(), 0, "/dev/null", O_RDONLY, 0);
  ::posix_spawn_file_actions_adddup2(actions.get(), out.write_end.get(), 1);
  ::posix_spawn_file_actions_adddup2(actions.get(), err.write_end.get(), 2);
  ::posix_spawn_file_actions_addclosefrom_np(actions.get(), 3);
  if (!options.working_dir.empty()) {
    ::posix_spawn_file_actions_addchdir_np(actions.get(), options.working_dir.c_str());
  }
  SpawnAttr attr;
  ConfigureAttr(attr);

  std::vector<char*> c_argv;
  c_argv.reserve(argv.size() + 1);
  for (const std::string& arg : argv) c_argv.push_back(const_cast<char*>(arg.c_str()));
  c_argv.push_back(nullptr);

  pid_t pid = -1;
  int rc = ::posix_spawnp(&pid, argv[0].c_str(), actions.get(), attr.get(), c_argv.data(), environ);
  if (rc != 0) return SpawnError(argv[0], rc);
  return pid;
}

// Reads a child's stdout and stderr, keeps the text up to the output cap and
// hands complete lines to the callbacks.
class OutputPump {
 public:
  OutputPump(UniqueFd out, UniqueFd err, const RunOptions& options) : options_(options) {
    streams_[0] = {std::move(out), &result_.stdout_text, {}, &options.on_stdout_line};
    streams_[1] = {std::move(err), &result_.stderr_text, {}, &options.on_stderr_line};
  }

  bool open() const { return streams_[0].fd.get() >= 0 || streams_[1].fd.get() >= 0; }
  bool over_cap() const { return total_bytes_ > options_.max_output_bytes; }
  ProcessResult& result() { return result_; }

  // Waits up to `timeout_ms` for output and reads what is there.
  void PollOnce(int timeout_ms) {
    std::array<pollfd, 2> fds{};
    std::array<Stream*, 2> owners{};
    nfds_t n = 0;
    for (Stream& s : streams_) {
      if (s.fd.get() < 0) continue;
      fds[n] = {s.fd.get(), POLLIN, 0};
      owners[n++] = &s;
    }
    if (n == 0 || ::poll(fds.data(), n, timeout_ms) <= 0) return;
    for (nfds_t i = 0; i < n; ++i) {
      if (fds[i].revents != 0) Drain(*owners[i]);
    }
  }

 private:
  struct Stream {
    UniqueFd fd;
    std::string* text = nullptr;
    std::string partial_line;
    const std::function<void(std::string_view)>* on_line = nullptr;
  };

  void Drain(Stream& s) {
    char buf[65536];
    while (true) {
      ssize_t got = ::read(s.fd.get(), buf, sizeof buf);
      if (got > 0) {
        Append(s, std::string_view(buf, static_cast<std::size_t>(got)));
        if (over_cap()) return;
        continue;
      }
      if (got < 0 && errno == EINTR) continue;
      if (got < 0 && errno == EAGAIN) return;
      Flush(s);  // EOF or a read error: the stream is done.
      s.fd.Reset();
      return;
    }
  }

  void Append(Stream& s, std::string_view data) {
    std::size_t room =
        options_.max_output_bytes - std::min(total_bytes_, options_.max_output_bytes);
    s.text->append(data.substr(0, room));
    total_bytes_ += data.size();
    if (!*s.on_line) return;
    for (char c : data) {
      if (c == '\n' || c == '\r') {
        Flush(s);
      } else if (s.partial_line.size() < kMaxLineBytes) {
        s.partial_line.push_back(c);
      }
    }
  }

  void Flush(Stream& s) {
    if (!s.partial_line.empty() && *s.on_line) (*s.on_line)(s.partial_line);
    s.partial_line.clear();
  }

  static constexpr std::size_t kMaxLineBytes = 1 << 20;
  const RunOptions& options_;
  ProcessResult result_;
  std::array<Stream, 2> streams_;
  std::size_t total_bytes_ = 0;
};

// True once the child has exited; does not reap it, so its pid (and process
// group id) stay reserved until Reap.
bool HasExited(pid_t pid) {
  siginfo_t info{};
  int rc = ::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT);
  return rc == 0 && info.si_pid == pid;
}

int Reap(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

// SIGTERM to the whole group, up to `grace_s` for the child to exit (still
// collecting output), then SIGKILL to the group for anything left.
void StopGroup(pid_t pid, double grace_s, OutputPump& pump) {
  ::kill(-pid, SIGTERM);
  const auto give_up = Clock::now() + std::chrono::duration<double>(grace_s);
  while (!HasExited(pid) && Clock::now() < give_up) {
    if (pump.open() && !pump.over_cap()) {
      pump.PollOnce(20);
    } else {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
  ::kill(-pid, SIGKILL);
}

enum class StopReason { kNone, kTimeout, kCancelled, kOutputCap };

// Pumps output until the child has exited and closed its pipes, or a limit is hit.
StopReason Supervise(pid_t pid, const RunOptions& options, OutputPump& pump) {
  const bool has_deadline = options.timeout_s > 0;
  const auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                           std::chrono::duration<double>(options.timeout_s));
  while (true) {
    if (options.cancel != nullptr && options.cancel->cancelled()) return StopReason::kCancelled;
    int wait_ms = 50;
    if (has_deadline) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
      if (left.count() <= 0) return StopReason::kTimeout;
      wait_ms = static_cast<int>(std::min<long long>(wait_ms, left.count() + 1));
    }
    if (pump.open()) {
      pump.PollOnce(wait_ms);
      if (pump.over_cap()) return StopReason::kOutputCap;
    } else if (HasExited(pid)) {
      return StopReason::kNone;
    } else {
      std::this_thread::sleep_for(std::chrono::milliseconds(std::min(wait_ms, 10)));
    }
  }
}

std::string FormatSeconds(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", s);
  return buf;
}

}  // namespace

Status RunOptions::Validate() const {
  if (!std::isfinite(timeout_s) || timeout_s < 0) {
    return Status::InvalidInput("RunOptions.timeout_s must be >= 0 (0 = no limit), got " +
                                FormatSeconds(timeout_s));
  }
  if (!std::isfinite(kill_grace_s) || kill_grace_s < 0) {
    return Status::InvalidInput("RunOptions.kill_grace_s must be >= 0, got " +
                                FormatSeconds(kill_grace_s));
  }
  if (max_output_bytes == 0) {
    return Status::InvalidInput("RunOptions.max_output_bytes must be > 0");
  }
  if (!working_dir.empty()) {
    struct stat st {};
    if (::stat(working_dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
      return Status::InvalidInput("RunOptions.working_dir '" + working_dir +
                                  "' is not an existing directory; create it or leave it empty");
    }
  }
  return Status::Ok();
}

Result<ProcessResult> PosixProcessRunner::Run(const std::vector<std::string>& argv,
                                              const RunOptions& options) const {
  if (argv.empty() || argv[0].empty()) {
    return Status::InvalidInput("no program to run: the argument vector is empty");
  }
  YTL_RETURN_IF_ERROR(options.Validate());
  if (options.cancel != nullptr && options.cancel->cancelled()) {
    return Status::Cancelled("cancelled before starting '" + argv[0] + "'");
  }
  Result<Pipe> out = MakePipe();
  if (!out.ok()) return out.status();
  Result<Pipe> err = MakePipe();
  if (!err.ok()) return err.status();

  Result<pid_t> pid = Spawn(argv, options, *out, *err);
  if (!pid.ok()) return pid.status();
  out->write_end.Reset();
  err->write_end.Reset();

  OutputPump pump(std::move(out->read_end), std::move(err->read_end), options);
  StopReason reason = Supervise(*pid, options, pump);
  if (reason != StopReason::kNone) StopGroup(*pid, options.kill_grace_s, pump);
  ProcessResult result = std::move(pump.result());
  result.exit_code = Reap(*pid);

  switch (reason) {
    case StopReason::kNone:
      break;
    case StopReason::kTimeout:
      result.timed_out = true;
      break;
    case StopReason::kCancelled:
      return Status::Cancelled("'" + argv[0] + "' was stopped on cancel");
    case StopReason::kOutputCap:
      return Status::ResourceExhausted("'" + argv[0] + "' wrote more than " +
                                       std::to_string(options.max_output_bytes) +
                                       " bytes of output and was stopped; raise the output cap "
                                       "if this much output is expected");
  }
  return result;
}

}  // namespace ytl
