// WordPlacement: where the decoder put each lyric word, and how the final
// Alignment (with interpolated times for unplaced words) is assembled.
#pragma once

#include <vector>

#include "alignment/alignment.h"
#include "lyrics/lyric_sheet.h"

namespace ytl {

struct WordPlacement {
  bool placed = false;  // the decoder put this word on the best path
  double start_s = 0;
  double end_s = 0;
  double confidence = 0;  // in [0, 1]
};

// Builds the words and lines of an Alignment from `placements` (one per word
// of `sheet`, in reading order). Words not placed, or placed with confidence
// below `min_confidence`, get times interpolated between placed neighbours
// (proportionally to their length in letters) and `interpolated = true`.
// `duration_s` bounds words after the last placed one.
Alignment AssembleAlignment(const LyricSheet& sheet, const std::vector<WordPlacement>& placements,
                            double min_confidence, double duration_s);

}  // namespace ytl
