#include "pipeline/stage_cache.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/content_hash.h"

namespace ytl {
namespace fs = std::filesystem;

Result<std::optional<std::string>> MemoryStageCache::Load(const std::string& key) const {
  std::lock_guard<std::mutex> lock(mu_);
  const auto it = entries_.find(key);
  if (it == entries_.end()) return std::optional<std::string>();
  return std::optional<std::string>(it->second);
}

Status MemoryStageCache::Store(const std::string& key, std::string_view bytes) const {
  std::lock_guard<std::mutex> lock(mu_);
  entries_[key] = std::string(bytes);
  return Status::Ok();
}

std::size_t MemoryStageCache::size() const {
  std::lock_guard<std::mutex> lock(mu_);
  return entries_.size();
}

Result<std::optional<std::string>> DirectoryStageCache::Load(const std::string& key) const {
  const fs::path path = fs::path(dir_) / Sha256Hex(key);
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::optional<std::string>();
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) return Status::Unavailable("stage cache entry " + path.string() + " is unreadable");
  return std::optional<std::string>(bytes.str());
}

Status DirectoryStageCache::Store(const std::string& key, std::string_view bytes) const {
  std::error_code ec;
  fs::create_directories(dir_, ec);
  const fs::path path = fs::path(dir_) / Sha256Hex(key);
  const fs::path partial = path.string() + "." + std::to_string(getpid()) + ".partial";
  {
    std::ofstream out(partial, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) {
      fs::remove(partial, ec);
      return Status::Unavailable("cannot write stage cache entry under " + dir_);
    }
  }
  fs::rename(partial, path, ec);
  if (ec) {
    fs::remove(partial, ec);
    return Status::Unavailable("cannot write stage cache entry under " + dir_ + ": " +
                               ec.message());
  }
  return Status::Ok();
}

}  // namespace ytl
