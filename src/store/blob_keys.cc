#include "store/blob_keys.h"

#include <algorithm>

namespace ytl {
namespace {

bool IsKeyChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == '-';
}

bool IsLowerHex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }

}  // namespace

Status ValidateArtifactKey(const std::string& key) {
  if (key.empty() || key.size() > 128 || key.front() == '.' ||
      !std::all_of(key.begin(), key.end(), IsKeyChar)) {
    return Status::InvalidInput("artifact key \"" + key.substr(0, 140) +
                                "\" is not valid; use 1 to 128 characters of [A-Za-z0-9._-] "
                                "that do not start with '.'");
  }
  return Status::Ok();
}

Status ValidateUploadId(const std::string& upload_id) {
  if (upload_id.size() != 64 || !std::all_of(upload_id.begin(), upload_id.end(), IsLowerHex)) {
    return Status::InvalidInput("upload id \"" + upload_id.substr(0, 80) +
                                "\" is not valid; use the id returned by the upload (64 "
                                "lower-case hex digits)");
  }
  return Status::Ok();
}

}  // namespace ytl
