#include "alignment/viterbi_decoder.h"

#include <algorithm>
#include <functional>
#include <limits>
#include <queue>
#include <string>

namespace ytl {
namespace {

constexpr float kNeg = -1e30f;
constexpr std::size_t kMinRecordsForCompaction = 1 << 16;

// A partial path arriving at a node: its score, its last segment record, and
// the segment it is about to start (set by a null node with a segment).
struct Token {
  float score = kNeg;
  int hist = -1;
  int pending = -1;
};

// One entered segment on some partial path.
struct Record {
  int segment;
  int start_frame;
  int prev;
  float entry_score;
};

// Frames between two checks of the caller's cancellation (and progress reports).
constexpr int kFramesPerCheck = 500;

class ViterbiSearch {
 public:
  ViterbiSearch(const AlignmentGraph& g, EmissionScorer& scorer, std::span<const float> prior,
                const ViterbiConfig& config, std::span<const FrameRange> node_frames,
                std::span<const float> entry_bonus)
      : g_(g),
        scorer_(scorer),
        prior_(prior),
        entry_bonus_(entry_bonus),
        node_frames_(node_frames),
        config_(config),
        exact_(config.beam_nats == std::numeric_limits<float>::infinity() &&
               config.max_active_states == std::numeric_limits<int>::max()),
        score_(g.states.size(), kNeg),
        hist_(g.states.size(), -1),
        entry_(g.nodes.size()),
        null_tok_(g.nodes.size()),
        queued_(g.nodes.size(), 0),
        in_work_(g.nodes.size(), 0) {}

  Result<DecodeResult> Run(const SearchProgress& progress) {
    const int frames = scorer_.frames();
    best_free_.resize(frames);
    Relax(g_.start, Token{0.0f, -1, -1});
    for (int t = 0; t < frames; ++t) {
      if (progress.ctx != nullptr && t % kFramesPerCheck == 0 && t > 0) {
        if (progress.ctx->cancelled())
          return Status::Cancelled("alignment cancelled; nothing was saved");
        progress.ctx->Report(progress.stage, progress.from + (progress.to - progress.from) *
                                                                 static_cast<double>(t) / frames);
      }
      frame_ = t;
      if (t > 0) PushExits();
      PropagateNulls();
      EvaluateFrame(t);
      Prune();
      if (records_.size() > 2 * live_records_ + kMinRecordsForCompaction) CompactRecords();
    }
    final_tok_ = Token{};
    frame_ = frames;
    PushExits();
    PropagateNulls();
    return Backtrace(frames);
  }

 private:
  // Offers `tok` to node `n`: a null node's token or an emitting node's entry.
  void Relax(int n, const Token& tok) {
    const bool is_null = g_.nodes[n].n_states == 0;
    Token& slot = is_null ? null_tok_[n] : entry_[n];
    if (tok.score <= slot.score) return;
    slot = tok;
    if (queued_[n]) return;
    queued_[n] = 1;
    if (is_null) {
      null_heap_.push(n);
    } else {
      entered_.push_back(n);
    }
  }

  void PushExits() {
    for (int n : active_) {
      const GraphNode& node = g_.nodes[n];
      const int last = node.first_state + node.n_states - 1;
      if (score_[last] <= kNeg) continue;
      const Token exit{score_[last] + g_.states[last].next_logp, hist_[last], -1};
      for (const GraphArc& arc : node.next) {
        Relax(arc.to, Token{exit.score + arc.logp, exit.hist, exit.pending});
      }
    }
  }

  void PropagateNulls() {
    while (!null_heap_.empty()) {
      const int n = null_heap_.top();
      null_heap_.pop();
      Token tok = null_tok_[n];
      null_tok_[n] = Token{};
      queued_[n] = 0;
      if (n == g_.final) final_tok_ = tok;
      const int segment = g_.nodes[n].segment;
      if (segment >= 0) {
        tok.pending = segment;
        if (g_.segments[segment].kind == SegmentKind::kWord &&
            frame_ < static_cast<int>(entry_bonus_.size())) {
          tok.score += entry_bonus_[frame_];
        }
      }
      for (const GraphArc& arc : g_.nodes[n].next) {
        Relax(arc.to, Token{tok.score + arc.logp, tok.hist, tok.pending});
      }
    }
  }

  bool OutsideBand(int n, int t) const {
    return !node_frames_.empty() && (t < node_frames_[n].first || t > node_frames_[n].last);
  }

  void EvaluateNode(int n, int t) {
    const GraphNode& node = g_.nodes[n];
    if (OutsideBand(n, t)) {
      for (int s = node.first_state; s < node.first_state + node.n_states; ++s) score_[s] = kNeg;
      return;
    }
    const float prior =
        (node.kind == SegmentKind::kWord && t < static_cast<int>(prior_.size())) ? prior_[t] : 0.0f;
    for (int s = node.first_state + node.n_states - 1; s >= node.first_state; --s) {
      float best = score_[s] > kNeg ? score_[s] + g_.states[s].self_logp : kNeg;
      int hist = hist_[s];
      if (s > node.first_state && score_[s - 1] > kNeg) {
        const float adv = score_[s - 1] + g_.states[s - 1].next_logp;
        if (adv > best) best = adv, hist = hist_[s - 1];
      }
      if (s == node.first_state && entry_[n].score > best) {
        const Token& e = entry_[n];
        best = e.score;
        hist = e.hist;
        if (e.pending >= 0) {
          records_.push_back({e.pending, t, e.hist, e.score});
          hist = static_cast<int>(records_.size()) - 1;
        }
      }
      if (best <= kNeg) {
        score_[s] = kNeg;
        continue;
      }
      const int senone = g_.states[s].senone;
      score_[s] =
          best +
          (senone == kBestVowelSenone ? scorer_.BestVowelScore(t) : scorer_.Score(t, senone)) +
          prior;
      hist_[s] = hist;
      frame_best_ = std::max(frame_best_, score_[s]);
    }
  }

  void EvaluateFrame(int t) {
    frame_best_ = kNeg;
    std::vector<int> work = active_;
    for (int n : work) in_work_[n] = 1;
    for (int n : entered_) {
      if (!in_work_[n]) work.push_back(n);
      in_work_[n] = 1;
    }
    for (int n : work) EvaluateNode(n, t);
    for (int n : work) {
      entry_[n] = Token{};
      queued_[n] = 0;
      in_work_[n] = 0;
    }
    entered_.clear();
    active_ = std::move(work);
    best_free_[t] = scorer_.BestScore(t);
  }

  void Prune() {
    if (exact_) {
      DropDeadNodes(kNeg);
      return;
    }
    float threshold = frame_best_ - config_.beam_nats;
    std::vector<float> alive;
    for (int n : active_) {
      const GraphNode& node = g_.nodes[n];
      for (int s = node.first_state; s < node.first_state + node.n_states; ++s) {
        if (score_[s] >= threshold) alive.push_back(score_[s]);
      }
    }
    if (static_cast<int>(alive.size()) > config_.max_active_states) {
      auto kth = alive.begin() + config_.max_active_states;
      std::nth_element(alive.begin(), kth, alive.end(), std::greater<float>());
      threshold = std::max(threshold, *kth + 1e-3f);
    }
    DropDeadNodes(threshold);
  }

  // Kills states scoring below `threshold` and drops nodes left without any.
  void DropDeadNodes(float threshold) {
    std::vector<int> kept;
    for (int n : active_) {
      const GraphNode& node = g_.nodes[n];
      bool any = false;
      for (int s = node.first_state; s < node.first_state + node.n_states; ++s) {
        if (score_[s] < threshold) score_[s] = kNeg;
        any = any || score_[s] > kNeg;
      }
      if (any) kept.push_back(n);
    }
    active_ = std::move(kept);
  }

  // Drops the segment records no live state can backtrace to (most of them
  // in an exact search) and renumbers the rest; records only point back.
  void CompactRecords() {
    constexpr int kLive = -2;
    std::vector<int> remap(records_.size(), -1);
    for (int n : active_) {
      const GraphNode& node = g_.nodes[n];
      for (int s = node.first_state; s < node.first_state + node.n_states; ++s) {
        if (score_[s] <= kNeg) continue;
        for (int h = hist_[s]; h >= 0 && remap[h] != kLive; h = records_[h].prev) remap[h] = kLive;
      }
    }
    std::size_t kept = 0;
    for (std::size_t h = 0; h < records_.size(); ++h) {
      if (remap[h] != kLive) continue;
      Record r = records_[h];
      if (r.prev >= 0) r.prev = remap[r.prev];
      remap[h] = static_cast<int>(kept);
      records_[kept++] = r;
    }
    records_.resize(kept);
    for (int n : active_) {
      const GraphNode& node = g_.nodes[n];
      for (int s = node.first_state; s < node.first_state + node.n_states; ++s) {
        if (score_[s] > kNeg && hist_[s] >= 0) hist_[s] = remap[hist_[s]];
      }
    }
    live_records_ = kept;
  }

  Token BestPartial() const {
    Token best;
    for (int n : active_) {
      const GraphNode& node = g_.nodes[n];
      for (int s = node.first_state; s < node.first_state + node.n_states; ++s) {
        if (score_[s] > best.score) best = Token{score_[s], hist_[s], -1};
      }
    }
    return best;
  }

  DecodeResult Backtrace(int frames) {
    DecodeResult result;
    Token end = final_tok_;
    result.reached_final = end.score > kNeg;
    if (!result.reached_final) end = BestPartial();
    result.score = end.score;
    int next_start = frames;
    float next_score = end.score;
    for (int h = end.hist; h >= 0; h = records_[h].prev) {
      const Record& r = records_[h];
      DecodedSegment seg{r.segment, r.start_frame, next_start, next_score - r.entry_score, 0.0f};
      for (int t = r.start_frame; t < next_start; ++t) seg.best_score += best_free_[t];
      result.segments.push_back(seg);
      next_start = r.start_frame;
      next_score = r.entry_score;
    }
    std::reverse(result.segments.begin(), result.segments.end());
    return result;
  }

  const AlignmentGraph& g_;
  EmissionScorer& scorer_;
  std::span<const float> prior_;
  std::span<const float> entry_bonus_;
  std::span<const FrameRange> node_frames_;
  ViterbiConfig config_;
  bool exact_;  // no beam and no histogram limit: nothing is ever pruned
  std::vector<float> score_;
  std::vector<int> hist_;
  std::vector<Token> entry_;
  std::vector<Token> null_tok_;
  std::vector<std::uint8_t> queued_;
  std::vector<std::uint8_t> in_work_;
  std::priority_queue<int, std::vector<int>, std::greater<int>> null_heap_;
  std::vector<int> entered_;
  std::vector<int> active_;
  std::vector<Record> records_;
  std::size_t live_records_ = 0;  // records kept by the last compaction
  std::vector<float> best_free_;
  Token final_tok_;
  float frame_best_ = kNeg;
  int frame_ = 0;  // the frame the null nodes now propagate into
};

}  // namespace

ViterbiConfig ViterbiConfig::Exact() {
  ViterbiConfig c;
  c.beam_nats = std::numeric_limits<float>::infinity();
  c.max_active_states = std::numeric_limits<int>::max();
  return c;
}

Status ViterbiConfig::Validate() const {
  if (!(beam_nats > 0)) return Status::InvalidInput("ViterbiConfig beam_nats must be > 0");
  if (max_active_states < 10) {
    return Status::InvalidInput("ViterbiConfig max_active_states must be >= 10");
  }
  return Status::Ok();
}

Result<DecodeResult> DecodeViterbi(const AlignmentGraph& graph, EmissionScorer& scorer,
                                   std::span<const float> word_log_prior,
                                   const ViterbiConfig& config,
                                   std::span<const FrameRange> node_frames,
                                   const SearchProgress& progress,
                                   std::span<const float> word_entry_bonus) {
  YTL_RETURN_IF_ERROR(config.Validate());
  if (!node_frames.empty() && node_frames.size() != graph.nodes.size()) {
    return Status::Internal("search band has " + std::to_string(node_frames.size()) +
                            " node ranges for a graph of " + std::to_string(graph.nodes.size()) +
                            " nodes");
  }
  if (graph.start < 0 || graph.final < 0 || graph.nodes[graph.start].n_states != 0 ||
      graph.nodes[graph.final].n_states != 0) {
    return Status::Internal("alignment graph has no null start/final node");
  }
  for (const GraphState& s : graph.states) {
    if (s.senone < 0 && s.senone != kBestVowelSenone) {
      return Status::Internal("alignment graph state without a senone");
    }
  }
  ViterbiSearch search(graph, scorer, word_log_prior, config, node_frames, word_entry_bonus);
  return search.Run(progress);
}

}  // namespace ytl
