// Test-only access to the jamendo-dev evaluation songs and their word annotations.
#pragma once

#include <string>
#include <vector>

namespace ytl::testing {

struct AnnotatedWord {
  double start_s = 0;
  double end_s = 0;
};

struct AnnotatedSong {
  std::string name;      // e.g. "Fantasma_-_Los_Rombos"
  std::string mp3_path;  // <dir>/mp3/<name>.mp3
  std::vector<AnnotatedWord> words;
};

// The songs of `dir` (the jamendo-dev folder) that have both an mp3 and a words CSV, sorted by
// name; empty when `dir` does not exist.
std::vector<AnnotatedSong> LoadJamendoSongs(const std::string& dir);

// Mean energy inside word spans over mean energy further than `margin_s` from any word, in dB,
// of mono `samples` at `sample_rate_hz`: how much a signal is dominated by the singing. Energy is
// taken after the 0.97 pre-emphasis of MFCC front ends, so it weighs what the recogniser hears.
double VocalContrastDb(const std::vector<float>& samples, int sample_rate_hz,
                       const std::vector<AnnotatedWord>& words, double margin_s);

}  // namespace ytl::testing
