// The audio decoder entry point on arbitrary bytes: the input is written to a temporary file
// and decoded as an upload would be, with a 60 s duration limit. Any Status is fine; crashes,
// leaks and over-long audio are not.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "audio/decoder.h"
#include "core/progress.h"
#include "fuzz/fuzz_check.h"

namespace {

const std::string& ScratchPath() {
  static const std::string path = [] {
    std::string pattern = "/tmp/ytl-audio-fuzz-XXXXXX";
    const int fd = mkstemp(pattern.data());
    if (fd < 0) std::abort();
    close(fd);
    return pattern;
  }();
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  const std::string& path = ScratchPath();
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) std::abort();
  if (size > 0 && std::fwrite(bytes, 1, size, file) != size) std::abort();
  std::fclose(file);
  ytl::DecodeOptions options;
  options.max_duration_s = 60;
  options.max_original_rate_hz = 24000;  // as the pipeline decodes for the DSP separator
  ytl::NullProgress progress;
  const auto audio = ytl::DecodeFile(path, options, {&progress, nullptr});
  if (!audio.ok()) return 0;
  const double seconds = audio->original.duration_s();
  FUZZ_CHECK(seconds <= options.max_duration_s + 1, "decoded %f s over the %f s limit", seconds,
             options.max_duration_s);
  const int rate = audio->original.sample_rate_hz;
  FUZZ_CHECK(rate <= options.max_original_rate_hz || rate % 2 == 1,
             "the original is at %d Hz, over the %d Hz asked for", rate,
             options.max_original_rate_hz);
  return 0;
}
