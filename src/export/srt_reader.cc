#include "export/srt_reader.h"

#include <string>
#include <vector>

#include "export/cue_timing.h"
#include "export/text_rows.h"

namespace ytl {
namespace {

bool IsCueNumber(std::string_view row) {
  return !row.empty() && row.find_first_not_of("0123456789") == std::string_view::npos;
}

}  // namespace

Result<Alignment> ParseSrt(std::string_view text) {
  const std::vector<std::string_view> rows = SplitRows(text);
  Alignment alignment;
  size_t i = 0;
  while (i < rows.size()) {
    if (TrimBlanks(rows[i]).empty()) {
      ++i;
      continue;
    }
    if (IsCueNumber(TrimBlanks(rows[i])) && i + 1 < rows.size()) ++i;
    const auto timing = ParseCueTiming(TrimBlanks(rows[i]), ',');
    if (!timing) {
      return Status::InvalidInput("SRT row " + std::to_string(i + 1) + " (\"" +
                                  std::string(rows[i].substr(0, 60)) +
                                  "\") should be \"HH:MM:SS,mmm --> HH:MM:SS,mmm\" with the end "
                                  "not before the start; fix the cue or re-export the file");
    }
    TimedLine line;
    line.start_s = timing->start_s;
    line.end_s = timing->end_s;
    for (++i; i < rows.size() && !TrimBlanks(rows[i]).empty(); ++i) {
      line.text += (line.text.empty() ? "" : " ") + std::string(TrimBlanks(rows[i]));
    }
    alignment.lines.push_back(std::move(line));
  }
  return alignment;
}

}  // namespace ytl
