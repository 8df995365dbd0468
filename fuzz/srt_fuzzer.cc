// SubRip: ParseSrt on arbitrary bytes, and the round trip of generated alignments (WriteSrt,
// then ParseSrt): line text, start and end within half a millisecond.
#include <cmath>
#include <cstdint>
#include <string_view>

#include "export/srt_reader.h"
#include "export/srt_writer.h"
#include "fuzz/fuzz_alignment.h"
#include "fuzz/fuzz_check.h"

namespace {

constexpr double kHalfMilliS = 0.0005 + 1e-6;

void CheckParsedSrtWritesBack(std::string_view text) {
  const auto read = ytl::ParseSrt(text);
  if (!read.ok()) return;
  for (const auto& line : read->lines) {
    FUZZ_CHECK(line.end_s >= line.start_s, "cue ends %f before it starts %f", line.end_s,
               line.start_s);
  }
  (void)ytl::WriteSrt(*read);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  CheckParsedSrtWritesBack(std::string_view(reinterpret_cast<const char*>(bytes), size));
  FuzzedDataProvider data(bytes, size);
  const ytl::Alignment original =
      ytl::fuzz::ConsumeWellFormedAlignment(data, {.punctuation = ",.!?'&-<>[]{}\\"});
  const auto read = ytl::ParseSrt(ytl::WriteSrt(original));
  FUZZ_CHECK(read.ok(), "%s", read.status().ToString().c_str());
  FUZZ_CHECK(read->lines.size() == original.lines.size(), "%zu cues, wrote %zu", read->lines.size(),
             original.lines.size());
  for (std::size_t i = 0; i < original.lines.size(); ++i) {
    const ytl::TimedLine& want = original.lines[i];
    const ytl::TimedLine& got = read->lines[i];
    FUZZ_CHECK(got.text == want.text, "cue %zu '%s' vs '%s'", i, got.text.c_str(),
               want.text.c_str());
    FUZZ_CHECK(std::abs(got.start_s - want.start_s) <= kHalfMilliS, "cue %zu start", i);
    FUZZ_CHECK(std::abs(got.end_s - want.end_s) <= kHalfMilliS, "cue %zu end", i);
  }
  return 0;
}
