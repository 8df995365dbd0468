// multipart/form-data: the first input row is the Content-Type header, the rest the body.
// Parts must lie inside the body, and no more than the limit may come back.
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_check.h"
#include "http/header_params.h"
#include "http/multipart.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(bytes), size);
  const std::size_t newline = input.find('\n');
  const std::string_view content_type = input.substr(0, newline);
  const std::string_view body =
      newline == std::string_view::npos ? std::string_view() : input.substr(newline + 1);
  (void)ytl::http::ParseHeaderValue(content_type);
  ytl::http::MultipartLimits limits;
  limits.max_parts = 8;
  limits.max_part_bytes = 4096;
  limits.max_part_header_bytes = 512;
  const auto parts = ytl::http::ParseMultipart(content_type, body, limits);
  if (!parts.ok()) return 0;
  FUZZ_CHECK(parts->size() <= limits.max_parts, "%zu parts", parts->size());
  for (const auto& part : *parts) {
    FUZZ_CHECK(part.data.data() >= body.data() &&
                   part.data.data() + part.data.size() <= body.data() + body.size(),
               "part '%s' lies outside the body", part.name.c_str());
    FUZZ_CHECK(part.data.size() <= limits.max_part_bytes, "part of %zu bytes", part.data.size());
    FUZZ_CHECK(!part.name.empty(), "a part without a name");
  }
  return 0;
}
