// yt-dlp's console output: every input row through ParseDownloadProgress (a fraction in [0, 1]
// or nothing), and the whole input as the stderr of a failed run through YtDlpFailureStatus
// (never OK, never empty).
#include <cmath>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_check.h"
#include "sources/subprocess.h"
#include "sources/yt_dlp_messages.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view text(reinterpret_cast<const char*>(bytes) + 1, size - 1);
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const auto fraction = ytl::ParseDownloadProgress(text.substr(start, end - start));
    FUZZ_CHECK(!fraction || (*fraction >= 0 && *fraction <= 1), "progress %f", *fraction);
    start = end + 1;
  }
  ytl::ProcessResult result;
  result.exit_code = 1 + bytes[0] % 200;
  result.timed_out = bytes[0] >= 250;
  result.stderr_text = std::string(text);
  const ytl::Status status = ytl::YtDlpFailureStatus(result, "https://example.com/watch?v=x");
  FUZZ_CHECK(!status.ok() && !status.message().empty(), "failure status %s",
             status.ToString().c_str());
  return 0;
}
