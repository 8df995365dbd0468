// LRC and enhanced LRC: ParseLrc on arbitrary bytes, its output written back, and the round trip
// of generated alignments (WriteLrc / WriteElrc, then ParseLrc) within half a centisecond.
#include <cmath>
#include <cstdint>
#include <string_view>

#include "export/elrc_writer.h"
#include "export/lrc_reader.h"
#include "export/lrc_writer.h"
#include "fuzz/fuzz_alignment.h"
#include "fuzz/fuzz_check.h"

namespace {

constexpr double kHalfCentiS = 0.005 + 1e-6;

void CheckParsedLrcWritesBack(std::string_view text) {
  const auto read = ytl::ParseLrc(text);
  if (!read.ok()) return;
  for (const auto& line : read->alignment.lines) {
    FUZZ_CHECK(line.start_s >= 0 && std::isfinite(line.start_s), "line start %f", line.start_s);
  }
  const auto again = ytl::ParseLrc(ytl::WriteElrc(read->alignment, read->song));
  FUZZ_CHECK(again.ok(), "written back LRC does not parse: %s", again.status().ToString().c_str());
}

void CheckRoundTrip(const ytl::Alignment& original, bool enhanced) {
  const std::string text = enhanced ? ytl::WriteElrc(original) : ytl::WriteLrc(original);
  const auto read = ytl::ParseLrc(text);
  FUZZ_CHECK(read.ok(), "%s", read.status().ToString().c_str());
  const ytl::Alignment& back = read->alignment;
  FUZZ_CHECK(back.lines.size() == original.lines.size(), "%zu lines, wrote %zu", back.lines.size(),
             original.lines.size());
  for (std::size_t i = 0; i < original.lines.size(); ++i) {
    FUZZ_CHECK(back.lines[i].text == original.lines[i].text, "line %zu text '%s' vs '%s'", i,
               back.lines[i].text.c_str(), original.lines[i].text.c_str());
    FUZZ_CHECK(std::abs(back.lines[i].start_s - original.lines[i].start_s) <= kHalfCentiS,
               "line %zu start %.6f vs %.6f", i, back.lines[i].start_s, original.lines[i].start_s);
  }
  if (!enhanced) return;
  FUZZ_CHECK(back.words.size() == original.words.size(), "%zu words, wrote %zu", back.words.size(),
             original.words.size());
  for (std::size_t i = 0; i < original.words.size(); ++i) {
    FUZZ_CHECK(back.words[i].text == original.words[i].text, "word %zu '%s' vs '%s'", i,
               back.words[i].text.c_str(), original.words[i].text.c_str());
    FUZZ_CHECK(back.words[i].line == original.words[i].line, "word %zu line", i);
    FUZZ_CHECK(std::abs(back.words[i].start_s - original.words[i].start_s) <= kHalfCentiS,
               "word %zu start %.6f vs %.6f", i, back.words[i].start_s, original.words[i].start_s);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(bytes), size);
  CheckParsedLrcWritesBack(text);
  FuzzedDataProvider data(bytes, size);
  const bool enhanced = data.ConsumeBool();
  // LRC has no escapes: '<' and '[' in lyrics could read as tags, so words leave them out.
  const ytl::Alignment original =
      ytl::fuzz::ConsumeWellFormedAlignment(data, {.punctuation = ",.!?'&-{}>]\\"});
  CheckRoundTrip(original, enhanced);
  return 0;
}
