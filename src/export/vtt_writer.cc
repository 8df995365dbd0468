#include "export/vtt_writer.h"

#include <algorithm>
#include <vector>

#include "export/line_words.h"
#include "export/timestamp.h"

namespace ytl {
namespace {

std::string EscapeCueText(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string WordText(const TimedWord& word, const VttOptions& options) {
  const std::string text = EscapeCueText(SingleRow(word.text));
  return options.class_spans ? "<c>" + text + "</c>" : text;
}

// The cue payload with word tags, each clamped into [start_ms, end_ms].
std::string TimedCueText(const std::vector<const TimedWord*>& words, int64_t start_ms,
                         int64_t end_ms, const VttOptions& options) {
  std::vector<double> starts_s;
  for (const TimedWord* word : words) starts_s.push_back(word->start_s);
  const std::vector<int64_t> millis = MonotoneTicks(starts_s, 1000);
  std::string out = WordText(*words[0], options);
  for (size_t i = 1; i < words.size(); ++i) {
    out += ' ';
    out += '<' + FormatClockMillis(std::clamp(millis[i], start_ms, end_ms), '.') + '>';
    out += WordText(*words[i], options);
  }
  return out;
}

}  // namespace

std::string WriteVtt(const Alignment& alignment, const VttOptions& options) {
  std::string out = "WEBVTT\n";
  for (const TimedLine& line : alignment.lines) {
    const std::string text = SingleRow(line.text);
    if (text.empty()) continue;
    const int64_t start_ms = ToTicks(line.start_s, 1000);
    const int64_t end_ms = std::max(start_ms, ToTicks(line.end_s, 1000));
    const std::vector<const TimedWord*> words = LineWords(alignment, line);
    out +=
        '\n' + FormatClockMillis(start_ms, '.') + " --> " + FormatClockMillis(end_ms, '.') + '\n';
    if (options.word_timestamps && !words.empty()) {
      out += TimedCueText(words, start_ms, end_ms, options);
    } else {
      out += EscapeCueText(text);
    }
    out += '\n';
  }
  return out;
}

}  // namespace ytl
