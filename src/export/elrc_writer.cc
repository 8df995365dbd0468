#include "export/elrc_writer.h"

#include <algorithm>
#include <vector>

#include "export/line_words.h"
#include "export/lrc_writer.h"
#include "export/timestamp.h"

namespace ytl {
namespace {

// "<w1><w2>...<end>" for one line whose tag is at `line_centis`.
std::string WordTags(const std::vector<const TimedWord*>& words, int64_t line_centis) {
  std::vector<double> times_s;
  for (const TimedWord* word : words) times_s.push_back(word->start_s);
  times_s.push_back(words.back()->end_s);
  std::vector<int64_t> centis = MonotoneTicks(times_s, 100);
  std::string out;
  for (size_t i = 0; i < centis.size(); ++i) {
    out += '<' + FormatMinutesCentis(std::max(centis[i], line_centis)) + '>';
    if (i < words.size()) {
      out += SingleRow(words[i]->text);
      if (i + 1 < words.size()) out += ' ';
    }
  }
  return out;
}

}  // namespace

std::string WriteElrc(const Alignment& alignment, const SongInfo& song) {
  std::string out = WriteLrcHeader(alignment, song);
  std::vector<double> starts_s;
  for (const TimedLine& line : alignment.lines) starts_s.push_back(line.start_s);
  const std::vector<int64_t> centis = MonotoneTicks(starts_s, 100);
  for (size_t i = 0; i < alignment.lines.size(); ++i) {
    const TimedLine& line = alignment.lines[i];
    const std::vector<const TimedWord*> words = LineWords(alignment, line);
    out += '[' + FormatMinutesCentis(centis[i]) + ']';
    out += words.empty() ? SingleRow(line.text) : WordTags(words, centis[i]);
    out += '\n';
  }
  return out;
}

}  // namespace ytl
