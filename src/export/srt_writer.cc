#include "export/srt_writer.h"

#include <algorithm>

#include "export/line_words.h"
#include "export/timestamp.h"

namespace ytl {

std::string WriteSrt(const Alignment& alignment) {
  std::string out;
  int cue = 0;
  for (const TimedLine& line : alignment.lines) {
    const std::string text = SingleRow(line.text);
    if (text.empty()) continue;
    const int64_t start_ms = ToTicks(line.start_s, 1000);
    const int64_t end_ms = std::max(start_ms, ToTicks(line.end_s, 1000));
    if (cue > 0) out += '\n';
    out += std::to_string(++cue) + '\n';
    out += FormatClockMillis(start_ms, ',') + " --> " + FormatClockMillis(end_ms, ',') + '\n';
    out += text + '\n';
  }
  return out;
}

}  // namespace ytl
