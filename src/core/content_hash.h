// SHA-256 content hashes, for content-addressed stage outputs and uploads.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace ytl {

// Lower-case hex SHA-256 of `bytes`.
std::string Sha256Hex(std::string_view bytes);

// Lower-case hex SHA-256 of a file's content, read in chunks.
Result<std::string> Sha256OfFile(const std::string& path);

}  // namespace ytl
