// A parsed lyric sheet: the words to align, grouped in lines and sections.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace ytl {

// One sung word as it appears on the sheet.
struct LyricWord {
  std::string text;       // as written, punctuation kept: "Don't," or "(oh)"
  std::string spoken;     // what is sung, for pronunciation: lower case, no
                          // punctuation, numbers spelled out ("twenty one")
  bool optional = false;  // a parenthesised ad-lib: may be absent in the audio
  bool vocable = false;   // "ooh", "ah", "mmm": a syllable held on one vowel (IsVocable)
};

struct LyricLine {
  std::string text;  // the line as written (tags and repeat marks removed)
  std::vector<LyricWord> words;
  int section = 0;  // index of the section (blank-line or [Tag] separated)
  // When the line is known to start near a time (an LRC line tag, LRCLIB
  // synced lyrics), that time in seconds; the aligner searches around it.
  std::optional<double> start_hint_s;
};

struct LyricSheet {
  std::string language = "en";   // ISO 639-1 code used for numbers and pronunciations
  std::vector<LyricLine> lines;  // in singing order, repeats expanded

  std::size_t word_count() const {
    std::size_t n = 0;
    for (const auto& line : lines) n += line.words.size();
    return n;
  }
};

}  // namespace ytl
