// SearchBand: time windows that confine the aligner's exact search, one per
// word, and their translation to the frames of every graph node.
//
// A band makes the exact Viterbi cost grow with the song's length instead of
// its square, and it is how known line times (LRC tags, LRCLIB synced
// lyrics) steer the alignment: a line's words stay between its own hint and
// the next line's hint, with a tolerance for the hints' own error.
#pragma once

#include <optional>
#include <vector>

#include "alignment/alignment_graph.h"
#include "alignment/viterbi_decoder.h"
#include "lyrics/lyric_sheet.h"

namespace ytl {

// Seconds in which a word may be sung (its whole extent).
struct WordWindow {
  double start_s = 0;
  double end_s = 0;
  // The word's first phone is over by then: how a line's start hint pins
  // the line's first word, not only bounds it.
  std::optional<double> first_phone_end_s;
};

struct HintBandConfig {
  double before_s = 2.5;  // a hinted line may start this much before its hint
  double after_s = 2.5;   // ... and its words reach this much past the next hint
  // The first phone of a hinted line ends at most this long after hint +
  // after_s: a line cannot start long after its hint.
  double first_phone_s = 1.0;
};

// One window per word of `sheet` in reading order, or nullopt when no line
// has a start hint. Lines without hints lie between the hinted lines around
// them. Hints out of order are ignored (a hint must not precede the one
// before it).
std::optional<std::vector<WordWindow>> WindowsFromHints(const LyricSheet& sheet, double duration_s,
                                                        const HintBandConfig& config);

// The frames each node of `graph` may be active in: a word node inside its
// word's window (a first phone also before first_phone_end_s); silence and garbage before word k
// from the previous word's window start to word k's window end. `windows` holds one per graph word;
// frame t covers [offset_s + t * frame_s, ...). Every range is clamped to
// [0, frames - 1].
std::vector<FrameRange> NodeFrameRanges(const AlignmentGraph& graph,
                                        const std::vector<WordWindow>& windows, double offset_s,
                                        double frame_s, int frames);

}  // namespace ytl
