// BlobDir: immutable blobs kept as files under one folder, named by key.
//
// A blob lives at <root>/<first two characters of key>/<key>. Writes go to a
// temporary file that is fsync'ed and renamed into place (then the folder is
// fsync'ed), so readers see either no blob or all of it, even after a crash,
// and concurrent writers of the same key (threads or processes) are safe.
// Keys are checked by the caller (store/blob_keys.h). Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

namespace ytl {

class BlobDir {
 public:
  // Creates `root` (and parents) when missing.
  static Result<BlobDir> Open(std::string root);

  const std::string& root() const { return root_; }
  std::string PathFor(const std::string& key) const;

  // Writes the blob unless it already exists (blobs are content-addressed:
  // the same key holds the same bytes).
  Status Put(const std::string& key, std::string_view bytes) const;

  // nullopt when there is no blob under `key`.
  Result<std::optional<std::string>> Get(const std::string& key) const;
  bool Has(const std::string& key) const;

  // Creates and removes a probe file; OK when the folder is writable.
  Status CheckWritable() const;

 private:
  explicit BlobDir(std::string root) : root_(std::move(root)) {}
  std::string root_;
};

}  // namespace ytl
