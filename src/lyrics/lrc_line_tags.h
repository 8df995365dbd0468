// LRC markup on a lyric-sheet line: leading "[mm:ss.xx]" line tags, enhanced "<mm:ss.xx>" word
// tags, and the "[key:value]" ID tags LRC files start with ([ar:], [ti:], [offset:], ...).
//
// Time tags are read as the LRC reader reads them (export/timestamp.h ParseMinutesSeconds):
// "[m:ss]" to "[mm:ss.xxx]", any number of minute digits. A line may carry several time tags
// ("[00:12.00][01:40.00]chorus"): it is sung at each of those times.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ytl {

struct LrcLineTags {
  std::vector<double> times_s;     // the leading time tags, in writing order
  std::string text;                // the rest of the line, word tags removed, trimmed
  bool id_tag = false;             // the whole line is one LRC ID tag ("[ar: Artist]")
  std::optional<double> offset_s;  // [offset:+250] as seconds (only on an ID tag line)
};

// Reads `line` (valid UTF-8, no line break). A line without time tags keeps its text as is
// apart from word tags; "[Chorus: Ann]" is not an ID tag (only LRC's own keys are).
LrcLineTags ReadLrcLineTags(std::string_view line);

// `text` with every "<mm:ss.xx>" word tag removed and spaces around them collapsed.
std::string StripLrcWordTags(std::string_view text);

}  // namespace ytl
