// The files of web/, compiled in by embed_assets.cmake. Internal to ytl_web: use assets.h.
#pragma once

#include <cstddef>
#include <string_view>

namespace ytl::web::internal {

// One file of web/: its name (no directory, like "app.js") and its bytes.
struct EmbeddedFile {
  std::string_view name;
  std::string_view bytes;
};

extern const EmbeddedFile kEmbeddedFiles[];
extern const std::size_t kEmbeddedFileCount;

}  // namespace ytl::web::internal
