// ViterbiDecoder: frame-synchronous Viterbi over an AlignmentGraph with beam
// and histogram pruning, keeping only segment-level (word-level)
// backpointers so that memory grows with words entered, not frames x states.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "alignment/alignment_graph.h"
#include "alignment/emission_scorer.h"
#include "core/progress.h"
#include "core/status.h"

namespace ytl {

struct ViterbiConfig {
  // States this far below the frame's best are dropped; infinity: exact search.
  float beam_nats = 400.0f;
  int max_active_states = 30000;  // histogram pruning: at most this many states per frame
  Status Validate() const;
  // No pruning at all: the exact best path, at the cost of every state every frame.
  static ViterbiConfig Exact();
};

// One stretch of the best path.
struct DecodedSegment {
  int segment = 0;       // index into AlignmentGraph::segments
  int start_frame = 0;   // first frame
  int end_frame = 0;     // one past the last frame
  float path_score = 0;  // path log-score gained over [start, end)
  float best_score = 0;  // sum of EmissionScorer::BestScore over [start, end)
};

struct DecodeResult {
  std::vector<DecodedSegment> segments;  // in time order
  bool reached_final = false;            // false: the best partial path was used instead
  float score = 0;
};

// Where a long search reports to: `ctx`'s progress for `stage`, running from `from` to `to`
// as the frames go by, and its cancellation, checked every few hundred frames.
struct SearchProgress {
  const StageContext* ctx = nullptr;  // null: no reports, never cancelled
  std::string_view stage = "align";
  double from = 0;
  double to = 1;
};

// Frames [first, last] (inclusive) in which a node may hold a path.
struct FrameRange {
  int first = 0;
  int last = 0;
};

// `word_log_prior`, if not empty, has one value per frame, added to the
// emission of every state of a kWord node (vocal-activity prior).
// `word_entry_bonus`, if not empty, has one value per frame, added once to a
// path that starts a word in that frame (onset prior).
// `node_frames`, if not empty, has one FrameRange per graph node: outside it
// the node holds no path (a search band; it makes an exact search linear in
// the song's length). The result may then miss the final node; callers check
// reached_final. Cancelled when `progress.ctx` is cancelled mid-search.
Result<DecodeResult> DecodeViterbi(const AlignmentGraph& graph, EmissionScorer& scorer,
                                   std::span<const float> word_log_prior,
                                   const ViterbiConfig& config,
                                   std::span<const FrameRange> node_frames = {},
                                   const SearchProgress& progress = {},
                                   std::span<const float> word_entry_bonus = {});

}  // namespace ytl
