// Word-onset accuracy, scored the JamendoLyrics way.
#pragma once

#include <string>
#include <vector>

namespace ytl::bench {

// Accuracy of one song's predicted onsets against the reference.
struct OnsetScore {
  double mean_abs_error_s = 0;  // AAE
  double median_abs_error_s = 0;
  double within_300ms = 0;  // fraction of onsets within 0.3 s (PCO), in [0, 1]
  std::size_t reference_words = 0;
  std::size_t placed_words = 0;  // reference words the prediction had a time for
};

struct ScoredWord {
  std::string text;
  double onset_s = 0;
};

// Matches `predicted` to `reference` in order by normalised text (a longest
// common subsequence, so inserted or dropped words do not shift the rest) and
// scores every reference word. A reference word with no match takes the onset
// of the next matched word (the benchmark's rule for dropped words), or of the
// last one at the end. Empty `predicted` scores every word at 0 s.
OnsetScore ScoreOnsets(const std::vector<ScoredWord>& reference,
                       const std::vector<ScoredWord>& predicted);

// Averages per-song scores (each song weighs the same, as the benchmark does).
OnsetScore AverageScores(const std::vector<OnsetScore>& songs);

}  // namespace ytl::bench
