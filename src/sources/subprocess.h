// Running external programs (yt-dlp) behind a small interface, so that
// callers can be tested with fakes and the real runner never uses a shell.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/progress.h"
#include "core/status.h"

namespace ytl {

// How to run one program.
struct RunOptions {
  // Wall-clock limit; on expiry the process group gets SIGTERM, then SIGKILL
  // after `kill_grace_s`. 0 means no limit.
  double timeout_s = 60;
  // Seconds between SIGTERM and SIGKILL when stopping the process group.
  double kill_grace_s = 2;
  // Cap on stdout + stderr together; exceeding it stops the program and the
  // run fails with ResourceExhausted.
  std::size_t max_output_bytes = 64u << 20;
  // Directory the program starts in; empty keeps the caller's.
  std::string working_dir;
  // Checked while the program runs; when set the program is stopped and the
  // run fails with Cancelled. May be null.
  const CancelToken* cancel = nullptr;
  // Called on the reading thread for each complete line ('\n' or '\r'
  // terminated, terminator stripped) as it arrives. May be empty.
  std::function<void(std::string_view line)> on_stderr_line;
  std::function<void(std::string_view line)> on_stdout_line;

  // Names the field at fault and the fix.
  Status Validate() const;
};

// What a finished (or timed-out) program produced.
struct ProcessResult {
  int exit_code = -1;      // exit status; 128 + signal number when killed by a signal
  bool timed_out = false;  // the run hit RunOptions::timeout_s and was stopped
  std::string stdout_text;
  std::string stderr_text;
};

// Runs a program given as an argument vector (argv[0] is looked up on PATH
// when it has no '/'). Implementations are thread-safe: Run may be called
// concurrently from several threads.
class ProcessRunner {
 public:
  virtual ~ProcessRunner() = default;

  // Runs `argv` to completion or until stopped. A non-zero exit code or a
  // timeout is a ProcessResult, not an error. Errors: NotFound when argv[0]
  // does not exist, Unavailable when it cannot be started (not executable),
  // ResourceExhausted when the output cap is hit, Cancelled on cancel,
  // InvalidInput for an empty argv or bad options.
  virtual Result<ProcessResult> Run(const std::vector<std::string>& argv,
                                    const RunOptions& options) const = 0;
};

// The real runner: posix_spawn with an argument vector (never a shell), the
// child in its own process group with stdin on /dev/null and no inherited
// descriptors beyond 0-2, stdout and stderr read through pipes with poll().
// The child is always reaped before Run returns.
class PosixProcessRunner : public ProcessRunner {
 public:
  Result<ProcessResult> Run(const std::vector<std::string>& argv,
                            const RunOptions& options) const override;
};

}  // namespace ytl
