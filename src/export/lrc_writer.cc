#include "export/lrc_writer.h"

#include <vector>

#include "export/line_words.h"
#include "export/timestamp.h"

namespace ytl {
namespace {

void AppendTag(std::string& out, std::string_view key, const std::string& value) {
  const std::string row = SingleRow(value);
  if (row.empty()) return;
  out += '[';
  out += key;
  out += ':';
  out += row;
  out += "]\n";
}

}  // namespace

std::string WriteLrcHeader(const Alignment& alignment, const SongInfo& song) {
  std::string out;
  AppendTag(out, "ti", song.title);
  AppendTag(out, "ar", song.artist);
  AppendTag(out, "al", song.album);
  if (alignment.duration_s > 0) {
    std::string length = FormatMinutesCentis(ToTicks(alignment.duration_s, 1) * 100);
    length.erase(length.find('.'));  // whole seconds: "mm:ss"
    out += "[length:" + length + "]\n";
  }
  out += "[re:yt-lyrics]\n";
  return out;
}

std::string WriteLrc(const Alignment& alignment, const SongInfo& song) {
  std::string out = WriteLrcHeader(alignment, song);
  std::vector<double> starts_s;
  for (const TimedLine& line : alignment.lines) starts_s.push_back(line.start_s);
  const std::vector<int64_t> centis = MonotoneTicks(starts_s, 100);
  for (size_t i = 0; i < alignment.lines.size(); ++i) {
    out += '[' + FormatMinutesCentis(centis[i]) + ']' + SingleRow(alignment.lines[i].text) + '\n';
  }
  return out;
}

}  // namespace ytl
