#include "export/ass_writer.h"

#include <algorithm>
#include <vector>

#include "export/line_words.h"
#include "export/timestamp.h"

namespace ytl {
namespace {

constexpr char kHeaderTail[] =
    "ScriptType: v4.00+\n"
    "PlayResX: 1280\n"
    "PlayResY: 720\n"
    "WrapStyle: 0\n"
    "ScaledBorderAndShadow: yes\n"
    "\n"
    "[V4+ Styles]\n"
    "Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, "
    "Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, "
    "Shadow, Alignment, MarginL, MarginR, MarginV, Encoding\n"
    "Style: Default,Arial,48,&H00FFFFFF,&H0000A5FF,&H00000000,&H80000000,0,0,0,0,100,100,0,0,1,2,"
    "1,2,40,40,40,1\n"
    "\n"
    "[Events]\n"
    "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n";

std::string K(int64_t centis) { return "{\\k" + std::to_string(centis) + "}"; }

// Karaoke text for a line spanning [start_cs, end_cs]. Boundaries are the
// word starts and ends, clamped into the line and kept in order.
std::string KaraokeText(const std::vector<const TimedWord*>& words, int64_t start_cs,
                        int64_t end_cs) {
  std::string out;
  int64_t at = start_cs;
  for (size_t i = 0; i < words.size(); ++i) {
    const int64_t word_start = std::clamp(ToTicks(words[i]->start_s, 100), at, end_cs);
    const int64_t word_end = std::clamp(ToTicks(words[i]->end_s, 100), word_start, end_cs);
    if (word_start > at) out += K(word_start - at);
    out += K(word_end - word_start) + EscapeAssText(SingleRow(words[i]->text));
    if (i + 1 < words.size()) out += ' ';
    at = word_end;
  }
  if (end_cs > at) out += K(end_cs - at);
  return out;
}

}  // namespace

std::string EscapeAssText(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '{' || c == '}') {
      out += '\\';
      out += c;
    } else if (c == '\\') {
      out += "\\\u2060";
    } else {
      out += c;
    }
  }
  return out;
}

std::string WriteAss(const Alignment& alignment, const SongInfo& song) {
  std::string out = "[Script Info]\n; Written by yt-lyrics\n";
  const std::string title = SingleRow(song.title);
  if (!title.empty()) out += "Title: " + title + '\n';
  out += kHeaderTail;
  for (const TimedLine& line : alignment.lines) {
    const int64_t start_cs = ToTicks(line.start_s, 100);
    const int64_t end_cs = std::max(start_cs, ToTicks(line.end_s, 100));
    const std::vector<const TimedWord*> words = LineWords(alignment, line);
    out += "Dialogue: 0," + FormatAssTime(start_cs) + ',' + FormatAssTime(end_cs) +
           ",Default,,0,0,0,,";
    out += words.empty() ? K(end_cs - start_cs) + EscapeAssText(SingleRow(line.text))
                         : KaraokeText(words, start_cs, end_cs);
    out += '\n';
  }
  return out;
}

}  // namespace ytl
