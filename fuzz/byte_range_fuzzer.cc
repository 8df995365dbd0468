// Range headers: DecideByteRange on arbitrary header text against file sizes from the input
// (0, small, huge). A partial answer must lie inside the file.
#include <cstdint>
#include <cstring>
#include <string_view>

#include "fuzz/fuzz_check.h"
#include "http/byte_range.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  if (size < sizeof(std::uint64_t)) return 0;
  std::uint64_t file_size = 0;
  std::memcpy(&file_size, bytes, sizeof file_size);
  const std::string_view header(reinterpret_cast<const char*>(bytes) + sizeof file_size,
                                size - sizeof file_size);
  for (std::uint64_t size_bytes : {file_size, file_size % 1000, std::uint64_t{0}}) {
    const auto decision = ytl::http::DecideByteRange(header, size_bytes);
    if (decision.kind != ytl::http::ByteRangeDecision::Kind::kPartial) continue;
    FUZZ_CHECK(decision.first <= decision.last && decision.last < size_bytes,
               "range %llu-%llu of a %llu-byte file",
               static_cast<unsigned long long>(decision.first),
               static_cast<unsigned long long>(decision.last),
               static_cast<unsigned long long>(size_bytes));
    (void)ytl::http::ContentRangeHeader(decision, size_bytes);
  }
  return 0;
}
