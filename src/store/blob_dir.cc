#include "store/blob_dir.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

namespace ytl {
namespace {

namespace fs = std::filesystem;

// Owns a POSIX file descriptor.
class UniqueFd {
 public:
  explicit UniqueFd(int fd) : fd_(fd) {}
  ~UniqueFd() {
    if (fd_ >= 0) ::close(fd_);
  }
  UniqueFd(const UniqueFd&) = delete;
  UniqueFd& operator=(const UniqueFd&) = delete;
  int get() const { return fd_; }
  // Closes now and reports the error close() gives (delayed write errors).
  int Close() {
    int rc = ::close(fd_);
    fd_ = -1;
    return rc;
  }

 private:
  int fd_;
};

Status IoError(const std::string& what, const std::string& path) {
  return Status::Unavailable(what + " " + path + " failed: " + std::strerror(errno) +
                             "; check that the data dir is writable and the disk is not full");
}

Status WriteAll(int fd, std::string_view bytes, const std::string& path) {
  while (!bytes.empty()) {
    ssize_t written = ::write(fd, bytes.data(), bytes.size());
    if (written < 0 && errno == EINTR) continue;
    if (written < 0) return IoError("writing", path);
    bytes.remove_prefix(static_cast<size_t>(written));
  }
  return Status::Ok();
}

Status SyncDir(const std::string& dir) {
  UniqueFd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() < 0 || ::fsync(fd.get()) != 0) return IoError("syncing folder", dir);
  return Status::Ok();
}

std::string TempName(const std::string& dir) {
  static std::atomic<std::uint64_t> counter{0};
  return dir + "/.tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter.fetch_add(1));
}

// Writes `bytes` to `path` through a synced temporary file and a rename.
Status WriteFileAtomically(const std::string& dir, const std::string& path,
                           std::string_view bytes) {
  const std::string temp = TempName(dir);
  UniqueFd fd(::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644));
  if (fd.get() < 0) return IoError("creating", temp);
  Status status = WriteAll(fd.get(), bytes, temp);
  if (status.ok() && ::fsync(fd.get()) != 0) status = IoError("syncing", temp);
  if (fd.Close() != 0 && status.ok()) status = IoError("closing", temp);
  if (status.ok() && ::rename(temp.c_str(), path.c_str()) != 0) status = IoError("renaming", temp);
  if (!status.ok()) {
    ::unlink(temp.c_str());
    return status;
  }
  return SyncDir(dir);
}

}  // namespace

Result<BlobDir> BlobDir::Open(std::string root) {
  std::error_code error;
  fs::create_directories(root, error);
  if (error) {
    return Status::Unavailable("cannot create blob folder " + root + ": " + error.message() +
                               "; check the data dir path and its permissions");
  }
  return BlobDir(std::move(root));
}

std::string BlobDir::PathFor(const std::string& key) const {
  return root_ + "/" + key.substr(0, 2) + "/" + key;
}

Status BlobDir::Put(const std::string& key, std::string_view bytes) const {
  if (Has(key)) return Status::Ok();
  const std::string dir = root_ + "/" + key.substr(0, 2);
  std::error_code error;
  fs::create_directories(dir, error);
  if (error) {
    return Status::Unavailable("cannot create blob folder " + dir + ": " + error.message() +
                               "; check that the data dir is writable");
  }
  return WriteFileAtomically(dir, PathFor(key), bytes);
}

Result<std::optional<std::string>> BlobDir::Get(const std::string& key) const {
  if (!Has(key)) return std::optional<std::string>();
  const std::string path = PathFor(key);
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError("opening", path);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) return IoError("reading", path);
  return std::optional<std::string>(std::move(bytes).str());
}

bool BlobDir::Has(const std::string& key) const {
  std::error_code error;
  return fs::is_regular_file(PathFor(key), error);
}

Status BlobDir::CheckWritable() const {
  const std::string probe = TempName(root_);
  UniqueFd fd(::open(probe.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644));
  if (fd.get() < 0) return IoError("creating probe file", probe);
  Status status = WriteAll(fd.get(), "ok", probe);
  fd.Close();
  ::unlink(probe.c_str());
  return status;
}

}  // namespace ytl
