// yt-dlp's info JSON: ParseMediaInfoJson on arbitrary bytes (wrongly typed fields, huge or
// negative durations), then the display name built from it.
#include <cmath>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_check.h"
#include "sources/media_info.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  const auto info =
      ytl::ParseMediaInfoJson(std::string_view(reinterpret_cast<const char*>(bytes), size));
  if (!info.ok()) {
    FUZZ_CHECK(info.status().code() == ytl::Status::Code::kInvalidInput, "%s",
               info.status().ToString().c_str());
    return 0;
  }
  (void)info->DisplayName();
  return 0;
}
