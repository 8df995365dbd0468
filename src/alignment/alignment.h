// The result of syncing: every lyric word with a start and an end time.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace ytl {

struct TimedWord {
  std::string text;          // as written on the sheet
  double start_s = 0;
  double end_s = 0;
  double confidence = 0;     // in [0, 1]
  bool interpolated = false; // time estimated from neighbours, not placed by the aligner
  int line = 0;              // index into Alignment::lines
};

struct TimedLine {
  std::string text;
  double start_s = 0;
  double end_s = 0;
  double confidence = 0;
  std::vector<int> words;    // indices into Alignment::words
};

enum class SyncMode { kAligned, kTranscribed };

struct Alignment {
  std::string source;        // what the user gave: a path or a URL
  double duration_s = 0;     // of the decoded audio
  std::string language = "en";
  SyncMode mode = SyncMode::kAligned;
  std::string lyrics_source = "user";  // "user", "lrclib" or "transcribed"
  std::vector<TimedLine> lines;
  std::vector<TimedWord> words;          // every lyric word, in reading order
  std::map<std::string, double> timings_s;  // stage name -> seconds spent
};

}  // namespace ytl
