// Test support: a scratch directory and shell-generated media files.
#pragma once

#include <string>
#include <vector>

namespace ytl::testing {

// A fresh directory under the system temp dir, removed with its contents on
// destruction.
class ScratchDir {
 public:
  ScratchDir();
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  const std::string& path() const { return path_; }
  // `path()/name`.
  std::string File(const std::string& name) const;

 private:
  std::string path_;
};

// Runs `command` through /bin/sh with its output discarded; true on exit 0.
bool RunQuiet(const std::string& command);

// Writes `bytes` to `path`, replacing it.
bool WriteFile(const std::string& path, const std::string& bytes);
// The first `count` bytes of `from` written to `to`.
bool CopyPrefix(const std::string& from, const std::string& to, long count);
long FileSize(const std::string& path);

// Lag (in samples) of `b` relative to `a` in [-max_lag, max_lag] that best
// correlates them over a[begin, end): b[i + lag] ~ a[i].
int BestLag(const std::vector<float>& a, const std::vector<float>& b, std::size_t begin,
            std::size_t end, int max_lag);

}  // namespace ytl::testing
