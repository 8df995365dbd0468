// StageCache: where the pipeline keeps stage outputs, content-addressed, so
// that an interrupted job resumes at its last finished stage and a repeated
// request costs nothing.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

namespace ytl {

// Keys are built by the pipeline from the audio's content hash and every
// parameter of the stages that produced the output. Implementations must be
// thread-safe. The cache is best-effort: a failed Store never fails a sync.
class StageCache {
 public:
  virtual ~StageCache() = default;
  // nullopt when absent.
  virtual Result<std::optional<std::string>> Load(const std::string& key) const = 0;
  virtual Status Store(const std::string& key, std::string_view bytes) const = 0;
};

// Keeps everything in memory; for tests and single runs.
class MemoryStageCache : public StageCache {
 public:
  Result<std::optional<std::string>> Load(const std::string& key) const override;
  Status Store(const std::string& key, std::string_view bytes) const override;
  std::size_t size() const;

 private:
  mutable std::mutex mu_;
  mutable std::map<std::string, std::string> entries_;
};

// Keeps each entry as a file under a folder (named by the key's SHA-256);
// written to a temporary name and renamed, so readers never see half an entry.
class DirectoryStageCache : public StageCache {
 public:
  explicit DirectoryStageCache(std::string dir) : dir_(std::move(dir)) {}
  Result<std::optional<std::string>> Load(const std::string& key) const override;
  Status Store(const std::string& key, std::string_view bytes) const override;

 private:
  std::string dir_;
};

}  // namespace ytl
