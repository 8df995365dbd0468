// "Range: bytes=..." requests (RFC 7233) against a file of known size.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace ytl::http {

struct ByteRangeDecision {
  enum class Kind {
    kFull,           // no usable Range: send 200 with the whole file
    kPartial,        // send 206 bytes [first, last] with Content-Range
    kUnsatisfiable,  // send 416 with "Content-Range: bytes */size"
  };
  Kind kind = Kind::kFull;
  std::uint64_t first = 0;  // kPartial: inclusive
  std::uint64_t last = 0;   // kPartial: inclusive
};

// Decides how to answer `range_header` ("" when absent) for a file of `size` bytes. Supports
// "bytes=a-b", "bytes=a-" and "bytes=-n"; "b" past the end is clamped. A header that is not
// syntactically valid, uses another unit, or asks for several ranges is ignored (kFull): the RFC
// lets servers ignore Range, and one 200 is simpler for clients than multipart/byteranges.
ByteRangeDecision DecideByteRange(std::string_view range_header, std::uint64_t size);

// "bytes a-b/size" for a partial response.
std::string ContentRangeHeader(const ByteRangeDecision& decision, std::uint64_t size);

}  // namespace ytl::http
