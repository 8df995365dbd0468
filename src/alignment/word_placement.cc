#include "alignment/word_placement.h"

#include <algorithm>

namespace ytl {
namespace {

double Weight(const std::string& text) { return 1.0 + static_cast<double>(text.size()); }

// Spreads words [first, last) evenly (by letter weight) over [from_s, to_s].
void Interpolate(std::vector<TimedWord>& words, std::size_t first, std::size_t last, double from_s,
                 double to_s) {
  double total = 0;
  for (std::size_t i = first; i < last; ++i) total += Weight(words[i].text);
  double t = from_s;
  const double span = std::max(0.0, to_s - from_s);
  for (std::size_t i = first; i < last; ++i) {
    const double len = total > 0 ? span * Weight(words[i].text) / total : 0.0;
    words[i].start_s = t;
    words[i].end_s = t + len;
    words[i].interpolated = true;
    words[i].confidence = 0;
    t += len;
  }
}

void FillGaps(std::vector<TimedWord>& words, const std::vector<bool>& trusted, double duration_s) {
  std::size_t i = 0;
  while (i < words.size()) {
    if (trusted[i]) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < words.size() && !trusted[j]) ++j;
    const double from_s = i > 0 ? words[i - 1].end_s : 0.0;
    double to_s = j < words.size() ? words[j].start_s : duration_s;
    if (i == 0 && j < words.size()) {
      // Before the first placed word: keep the run tight against it.
      to_s = words[j].start_s;
      Interpolate(words, i, j, std::max(0.0, to_s - 0.4 * (j - i)), to_s);
    } else if (j == words.size() && i > 0) {
      Interpolate(words, i, j, from_s, std::min(duration_s, from_s + 0.4 * (j - i)));
    } else {
      Interpolate(words, i, j, from_s, to_s);
    }
    i = j;
  }
}

}  // namespace

Alignment AssembleAlignment(const LyricSheet& sheet, const std::vector<WordPlacement>& placements,
                            double min_confidence, double duration_s) {
  Alignment out;
  out.language = sheet.language;
  std::vector<bool> trusted;
  for (std::size_t l = 0; l < sheet.lines.size(); ++l) {
    TimedLine line;
    line.text = sheet.lines[l].text;
    for (const LyricWord& w : sheet.lines[l].words) {
      const std::size_t index = out.words.size();
      TimedWord tw;
      tw.text = w.text;
      tw.line = static_cast<int>(l);
      if (index < placements.size()) {
        const WordPlacement& p = placements[index];
        tw.start_s = p.start_s;
        tw.end_s = p.end_s;
        tw.confidence = p.confidence;
        trusted.push_back(p.placed && p.confidence >= min_confidence);
      } else {
        trusted.push_back(false);
      }
      line.words.push_back(static_cast<int>(index));
      out.words.push_back(tw);
    }
    out.lines.push_back(std::move(line));
  }
  FillGaps(out.words, trusted, duration_s);
  for (TimedLine& line : out.lines) {
    if (line.words.empty()) continue;
    line.start_s = out.words[line.words.front()].start_s;
    line.end_s = out.words[line.words.back()].end_s;
    double sum = 0;
    for (int w : line.words) sum += out.words[w].confidence;
    line.confidence = sum / static_cast<double>(line.words.size());
  }
  return out;
}

}  // namespace ytl
