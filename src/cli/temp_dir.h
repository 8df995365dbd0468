// TempDir: a private scratch folder removed with everything in it when the
// owner goes away (also on errors and Ctrl-C, which unwind normally).
#pragma once

#include <string>

#include "core/status.h"

namespace ytl::cli {

class TempDir {
 public:
  // Creates a fresh folder under $TMPDIR (or /tmp) named yt-lyrics.XXXXXX.
  static Result<TempDir> Create();

  TempDir(TempDir&& other) noexcept;
  TempDir& operator=(TempDir&& other) noexcept;
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir();

  const std::string& path() const { return path_; }

 private:
  explicit TempDir(std::string path) : path_(std::move(path)) {}
  std::string path_;
};

}  // namespace ytl::cli
