// Checks on the names of stored blobs (artifact keys, upload ids), which
// become file names: no separators, no dot files, bounded length.
#pragma once

#include <string>

#include "core/status.h"

namespace ytl {

// Artifact keys: 1..128 of [A-Za-z0-9._-], not starting with '.'.
Status ValidateArtifactKey(const std::string& key);

// Upload ids: 64 lower-case hex digits (a SHA-256).
Status ValidateUploadId(const std::string& upload_id);

}  // namespace ytl
