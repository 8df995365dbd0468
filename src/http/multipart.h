// A multipart/form-data (RFC 7578) parser over a request body already in memory.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace ytl::http {

struct MultipartLimits {
  std::size_t max_parts = 32;                      // more parts: ResourceExhausted
  std::size_t max_part_bytes = 512 * 1024 * 1024;  // a larger part body: ResourceExhausted
  std::size_t max_part_header_bytes = 8 * 1024;    // a larger part header block: InvalidInput
};

// One part. Views point into the body passed to ParseMultipart: keep it alive while using them.
struct MultipartPart {
  std::string name;                     // Content-Disposition name=
  std::optional<std::string> filename;  // filename= (present for file fields)
  std::string content_type;             // "text/plain" when the part has none
  std::string_view data;                // the part body, without the CRLF before the boundary
};

// The boundary= parameter of a "multipart/form-data; boundary=..." Content-Type (quoted or not).
// InvalidInput when the type is not multipart/form-data or the boundary is missing or too long.
Result<std::string> MultipartBoundary(std::string_view content_type);

// Splits `body` into parts. InvalidInput for malformed bodies (missing boundary lines, missing
// terminator, bad part headers, a part without a name); ResourceExhausted for limit breaches.
Result<std::vector<MultipartPart>> ParseMultipart(std::string_view content_type,
                                                  std::string_view body,
                                                  const MultipartLimits& limits = {});

}  // namespace ytl::http
