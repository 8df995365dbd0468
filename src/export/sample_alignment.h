// A small hand-built Alignment that the export tests share: accented text,
// text that needs escaping, gaps between words, an interpolated word, and a
// last line past 100 minutes (over an hour for SRT and VTT, over 99 minutes
// for LRC).
#pragma once

#include <string>
#include <vector>

#include "alignment/alignment.h"

namespace ytl::testing {

struct SampleWord {
  const char* text;
  double start_s;
  double end_s;
  double confidence;
  bool interpolated;
};

inline void AddSampleLine(Alignment& alignment, double start_s, double end_s,
                          const std::vector<SampleWord>& words) {
  TimedLine line;
  line.start_s = start_s;
  line.end_s = end_s;
  for (const SampleWord& w : words) {
    line.text += (line.text.empty() ? "" : " ") + std::string(w.text);
    line.confidence += w.confidence / static_cast<double>(words.size());
    line.words.push_back(static_cast<int>(alignment.words.size()));
    alignment.words.push_back({w.text, w.start_s, w.end_s, w.confidence, w.interpolated,
                               static_cast<int>(alignment.lines.size())});
  }
  alignment.lines.push_back(line);
}

inline Alignment SampleAlignment() {
  Alignment alignment;
  alignment.source = "songs/café.mp3";
  alignment.duration_s = 6010.0;
  alignment.timings_s = {{"align", 1.2345}, {"decode", 0.5}};
  AddSampleLine(alignment, 1.0, 2.9,
                {{"Déjà", 1.0, 1.42, 0.9, false},
                 {"vu,", 1.5, 1.994, 0.8, false},
                 {"café!", 2.006, 2.655, 0.25, true}});
  AddSampleLine(alignment, 3.5, 5.0,
                {{"Ask", 3.5, 3.8, 0.7, false},
                 {"{not}", 3.8, 4.1, 0.6, false},
                 {"a\\b", 4.2, 4.5, 0.5, false},
                 {"&", 4.5, 4.6, 0.5, false},
                 {"<tag>", 4.6, 5.0, 0.4, false}});
  AddSampleLine(alignment, 6005.254, 6007.5,
                {{"Über", 6005.254, 6006.0, 0.95, false}, {"naïve", 6006.1, 6007.5, 0.85, false}});
  return alignment;
}

}  // namespace ytl::testing
