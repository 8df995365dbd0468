#include "alignment/viterbi_decoder.h"

#include <gtest/gtest.h>

#include <cmath>

namespace ytl {
namespace {

// Scores from a fixed [frame][senone] matrix; `vowels` are the senones that
// BestVowelScore looks at.
class MatrixScorer : public EmissionScorer {
 public:
  explicit MatrixScorer(std::vector<std::vector<float>> m, std::vector<int> vowels = {})
      : m_(std::move(m)), vowels_(std::move(vowels)) {}
  int frames() const override { return static_cast<int>(m_.size()); }
  float Score(int frame, int senone) override { return m_[frame][senone]; }
  float BestScore(int frame) override {
    float best = -1e30f;
    for (float v : m_[frame]) best = std::max(best, v);
    return best;
  }
  float BestVowelScore(int frame) override {
    float best = -1e30f;
    for (int s : vowels_) best = std::max(best, m_[frame][s]);
    return best;
  }

 private:
  std::vector<std::vector<float>> m_;
  std::vector<int> vowels_;
};

const float kHalf = std::log(0.5f);

// start -> [word 0: one-state node of senone 0] -> ... -> final, in order;
// words listed in `optional` can be skipped.
AlignmentGraph Chain(const std::vector<int>& senones, const std::vector<bool>& optional) {
  AlignmentGraph g;
  g.start = g.AddNull();
  int prev = g.start;
  for (std::size_t w = 0; w < senones.size(); ++w) {
    const int in = g.AddNull(g.AddSegment(SegmentKind::kWord, static_cast<int>(w)));
    g.Connect(prev, in, 0.0f);
    const int node = g.AddHmm({{senones[w], kHalf, kHalf}}, SegmentKind::kWord);
    g.Connect(in, node, 0.0f);
    const int out = g.AddNull();
    g.Connect(node, out, 0.0f);
    if (optional[w]) g.Connect(prev, out, -2.0f);
    prev = out;
  }
  g.final = g.AddNull();
  g.Connect(prev, g.final, 0.0f);
  return g;
}

// Each frame favours one senone strongly.
std::vector<std::vector<float>> Favouring(const std::vector<int>& per_frame, int senones) {
  std::vector<std::vector<float>> m;
  for (int s : per_frame) {
    std::vector<float> row(senones, -10.0f);
    row[s] = 0.0f;
    m.push_back(row);
  }
  return m;
}

TEST(ViterbiDecoder, FindsTheKnownBoundaries) {
  const AlignmentGraph g = Chain({0, 1, 2}, {false, false, false});
  MatrixScorer scorer(Favouring({0, 0, 0, 1, 1, 1, 1, 1, 2, 2}, 3));
  auto r = DecodeViterbi(g, scorer, {}, ViterbiConfig{});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_TRUE(r->reached_final);
  ASSERT_EQ(r->segments.size(), 3u);
  EXPECT_EQ(r->segments[0].start_frame, 0);
  EXPECT_EQ(r->segments[1].start_frame, 3);
  EXPECT_EQ(r->segments[2].start_frame, 8);
  EXPECT_EQ(r->segments[2].end_frame, 10);
  // A path through each word's best senone matches the free best score but
  // for the transition costs.
  EXPECT_NEAR(r->segments[1].path_score, 5 * kHalf, 1e-3);
  EXPECT_FLOAT_EQ(r->segments[1].best_score, 0.0f);
}

// A held note whose vowel drifts (frames 3-6 fit vowel 3, not the word's vowel 0) stays in
// its word through a best-vowel state instead of going to the pause (senone 2) before word 1.
TEST(ViterbiDecoder, ABestVowelStateHoldsANoteWhoseVowelDrifts) {
  const std::vector<int> frames = {0, 0, 0, 3, 3, 3, 3, 1, 1, 1};
  auto with_hold = [](bool hold) {
    AlignmentGraph g;
    g.start = g.AddNull();
    const int in0 = g.AddNull(g.AddSegment(SegmentKind::kWord, 0));
    g.Connect(g.start, in0, 0.0f);
    const int vowel = g.AddHmm({{0, kHalf, kHalf}}, SegmentKind::kWord);
    g.Connect(in0, vowel, 0.0f);
    const int end0 = g.AddNull();
    g.Connect(vowel, end0, 0.0f);
    if (hold) {
      const int held = g.AddHmm({{kBestVowelSenone, kHalf, kHalf}}, SegmentKind::kWord);
      g.Connect(vowel, held, 0.0f);
      g.Connect(held, end0, 0.0f);
    }
    const int pause = g.AddNull(g.AddSegment(SegmentKind::kSilence, -1));
    const int in1 = g.AddNull(g.AddSegment(SegmentKind::kWord, 1));
    g.Connect(end0, pause, -1.0f);
    g.Connect(end0, in1, 0.0f);
    const int sil = g.AddHmm({{2, kHalf, kHalf}}, SegmentKind::kSilence);
    g.Connect(pause, sil, 0.0f);
    g.Connect(sil, in1, 0.0f);
    const int word1 = g.AddHmm({{1, kHalf, kHalf}}, SegmentKind::kWord);
    g.Connect(in1, word1, 0.0f);
    g.final = g.AddNull();
    g.Connect(word1, g.final, 0.0f);
    return g;
  };
  // The pause fits the drifted frames better than the word's own vowel does.
  std::vector<std::vector<float>> m = Favouring(frames, 4);
  for (int t = 3; t < 7; ++t) m[t][2] = -3.0f;

  MatrixScorer plain_scorer(m, {0, 3});
  auto plain = DecodeViterbi(with_hold(false), plain_scorer, {}, ViterbiConfig{});
  ASSERT_TRUE(plain.ok()) << plain.status().ToString();
  ASSERT_EQ(plain->segments.size(), 3u);
  EXPECT_EQ(plain->segments[0].end_frame, 3);  // the note's tail went to the pause

  MatrixScorer held_scorer(m, {0, 3});
  auto held = DecodeViterbi(with_hold(true), held_scorer, {}, ViterbiConfig{});
  ASSERT_TRUE(held.ok()) << held.status().ToString();
  ASSERT_EQ(held->segments.size(), 2u);
  EXPECT_EQ(held->segments[0].end_frame, 7);
  EXPECT_EQ(held->segments[1].start_frame, 7);
  EXPECT_GT(held->score, plain->score);
}

// Counts reports and cancels the search once it has seen `cancel_after` of them.
class CancellingProgress : public ProgressSink {
 public:
  CancellingProgress(CancelToken& token, int cancel_after)
      : token_(token), cancel_after_(cancel_after) {}
  void OnProgress(std::string_view stage, double fraction) override {
    EXPECT_EQ(stage, "align");
    EXPECT_GE(fraction, last_);
    last_ = fraction;
    if (++reports_ == cancel_after_) token_.Cancel();
  }
  int reports_ = 0;
  double last_ = 0;

 private:
  CancelToken& token_;
  int cancel_after_;
};

// A long search (an hour of frames on a whole song) reports its progress within the span it
// was given and stops soon after it is cancelled, mid-search.
TEST(ViterbiDecoder, ReportsProgressAndStopsWhenCancelledMidSearch) {
  const AlignmentGraph g = Chain({0, 1}, {false, false});
  std::vector<int> frames(5000, 0);
  std::fill(frames.begin() + 2500, frames.end(), 1);
  MatrixScorer scorer(Favouring(frames, 2));
  CancelToken never;
  CancellingProgress counting(never, -1);
  const StageContext whole{&counting, &never};
  auto r = DecodeViterbi(g, scorer, {}, ViterbiConfig{}, {}, {&whole, "align", 0.2, 0.4});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->segments.size(), 2u);
  EXPECT_EQ(counting.reports_, 9);  // every 500 frames
  EXPECT_GT(counting.last_, 0.2);
  EXPECT_LT(counting.last_, 0.4);

  CancelToken token;
  CancellingProgress cancelling(token, 2);
  const StageContext stopped{&cancelling, &token};
  auto cancelled = DecodeViterbi(g, scorer, {}, ViterbiConfig{}, {}, {&stopped});
  EXPECT_EQ(cancelled.status().code(), Status::Code::kCancelled);
  EXPECT_EQ(cancelling.reports_, 2);
}

TEST(ViterbiDecoder, SkipsAnOptionalWordThatIsNotThere) {
  const AlignmentGraph g = Chain({0, 1, 2}, {false, true, false});
  MatrixScorer scorer(Favouring({0, 0, 0, 0, 2, 2, 2, 2}, 3));
  auto r = DecodeViterbi(g, scorer, {}, ViterbiConfig{});
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->segments.size(), 2u);
  EXPECT_EQ(g.segments[r->segments[1].segment].word, 2);
  EXPECT_EQ(r->segments[1].start_frame, 4);
}

TEST(ViterbiDecoder, PriorKeepsWordsOutOfUnvoicedFrames) {
  // start -> garbage (senone 3) -> word 0 -> final; the word's senone fits
  // everywhere but the prior forbids the first four frames.
  AlignmentGraph g;
  g.start = g.AddNull();
  const int gin = g.AddNull(g.AddSegment(SegmentKind::kGarbage, -1));
  g.Connect(g.start, gin, 0.0f);
  const int garbage = g.AddHmm({{3, kHalf, kHalf}}, SegmentKind::kGarbage);
  g.Connect(gin, garbage, 0.0f);
  const int win = g.AddNull(g.AddSegment(SegmentKind::kWord, 0));
  g.Connect(g.start, win, 0.0f);
  g.Connect(garbage, win, 0.0f);
  const int word = g.AddHmm({{0, kHalf, kHalf}}, SegmentKind::kWord);
  g.Connect(win, word, 0.0f);
  g.final = g.AddNull();
  g.Connect(word, g.final, 0.0f);
  std::vector<std::vector<float>> m(8, {0.0f, -10.0f, -10.0f, -1.0f});
  MatrixScorer scorer(m);
  const std::vector<float> prior = {-20, -20, -20, -20, 0, 0, 0, 0};
  auto r = DecodeViterbi(g, scorer, prior, ViterbiConfig{});
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->segments.size(), 2u);
  EXPECT_EQ(g.segments[r->segments[0].segment].kind, SegmentKind::kGarbage);
  EXPECT_EQ(r->segments[1].start_frame, 4);
  auto without = DecodeViterbi(g, scorer, {}, ViterbiConfig{});
  ASSERT_TRUE(without.ok());
  ASSERT_EQ(without->segments.size(), 1u) << "without the prior the word takes every frame";
}

// Two words on the same senone ("ah ah" on one held vowel): every boundary scores the same,
// so only the entry bonus (a new note's onset) can say where the second word starts.
TEST(ViterbiDecoder, EntryBonusPutsAnAmbiguousBoundaryOnTheOnset) {
  const AlignmentGraph g = Chain({0, 0}, {false, false});
  MatrixScorer scorer(Favouring(std::vector<int>(12, 0), 1));
  for (int onset : {3, 7, 10}) {
    std::vector<float> bonus(12, 0.0f);
    bonus[onset] = 5.0f;
    bonus[0] = 5.0f;  // the first word starts at frame 0 whatever the bonus says
    auto r = DecodeViterbi(g, scorer, {}, ViterbiConfig::Exact(), {}, {}, bonus);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    ASSERT_EQ(r->segments.size(), 2u);
    EXPECT_EQ(r->segments[1].start_frame, onset);
    // Paid once per word entered: the path's score is its twelve transitions (ten loops,
    // two exits; the emissions are 0) plus the two bonuses.
    EXPECT_NEAR(r->score, 12 * kHalf + 10.0f, 1e-3);
  }
}

// The bonus tips the balance only where the acoustics leave it open; a bonus shorter than the
// input counts as zero past its end.
TEST(ViterbiDecoder, AWeakEntryBonusDoesNotOutweighTheAcoustics) {
  const AlignmentGraph g = Chain({0, 1}, {false, false});
  MatrixScorer scorer(Favouring({0, 0, 0, 0, 1, 1, 1, 1}, 2));
  const std::vector<float> bonus = {0, 0, 1.0f};  // a weak onset one frame into word 0
  auto r = DecodeViterbi(g, scorer, {}, ViterbiConfig::Exact(), {}, {}, bonus);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->segments.size(), 2u);
  EXPECT_EQ(r->segments[1].start_frame, 4);
}

TEST(ViterbiDecoder, ReportsAPartialPathWhenTheEndIsUnreachable) {
  const AlignmentGraph g = Chain({0, 1, 2}, {false, false, false});
  MatrixScorer scorer(Favouring({0, 1}, 3));  // two frames for three words
  auto r = DecodeViterbi(g, scorer, {}, ViterbiConfig{});
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->reached_final);
  EXPECT_EQ(r->segments.size(), 2u);
}

// A word that must last five frames, sung where another word matches better:
// the true path trails the locally best one by 3 nats a frame until the end.
TEST(ViterbiDecoder, ExactSearchKeepsAPathThatABeamLoses) {
  AlignmentGraph g;
  g.start = g.AddNull();
  int prev = g.start;
  for (int w = 0; w < 3; ++w) {
    const int in = g.AddNull(g.AddSegment(SegmentKind::kWord, w));
    g.Connect(prev, in, 0.0f);
    const std::vector<GraphState> states(w == 1 ? 5 : 1, GraphState{w, kHalf, kHalf});
    const int node = g.AddHmm(states, SegmentKind::kWord);
    g.Connect(in, node, 0.0f);
    prev = g.AddNull();
    g.Connect(node, prev, 0.0f);
  }
  g.final = g.AddNull();
  g.Connect(prev, g.final, 0.0f);
  std::vector<std::vector<float>> m(10, {0.0f, -3.0f, -1000.0f});
  m.resize(12, {-1000.0f, -1000.0f, 0.0f});
  MatrixScorer scorer(m);
  ViterbiConfig narrow;
  narrow.beam_nats = 10.0f;
  auto pruned = DecodeViterbi(g, scorer, {}, narrow);
  ASSERT_TRUE(pruned.ok());
  auto exact = DecodeViterbi(g, scorer, {}, ViterbiConfig::Exact());
  ASSERT_TRUE(exact.ok());
  ASSERT_TRUE(exact->reached_final);
  ASSERT_EQ(exact->segments.size(), 3u);
  EXPECT_EQ(exact->segments[1].start_frame, 5);
  EXPECT_EQ(exact->segments[2].start_frame, 10);
  EXPECT_GT(exact->score, pruned->score + 100.0f) << "the beam should have lost the true path";
}

// An exact search over many frames enters every word at every frame; the
// decoder compacts those records on the way and must still backtrace right.
TEST(ViterbiDecoder, ExactSearchOverALongInputKeepsTheBoundaries) {
  constexpr int kWords = 6;
  constexpr int kFramesPerWord = 20000;
  const AlignmentGraph g = Chain({0, 1, 2, 3, 4, 5}, std::vector<bool>(kWords, false));
  std::vector<int> per_frame;
  for (int w = 0; w < kWords; ++w) per_frame.insert(per_frame.end(), kFramesPerWord, w);
  MatrixScorer scorer(Favouring(per_frame, kWords));
  auto r = DecodeViterbi(g, scorer, {}, ViterbiConfig::Exact());
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(r->reached_final);
  ASSERT_EQ(r->segments.size(), static_cast<std::size_t>(kWords));
  for (int w = 0; w < kWords; ++w) {
    EXPECT_EQ(g.segments[r->segments[w].segment].word, w);
    EXPECT_EQ(r->segments[w].start_frame, w * kFramesPerWord) << "word " << w;
  }
}

TEST(ViterbiConfig, ExactIsValid) { EXPECT_TRUE(ViterbiConfig::Exact().Validate().ok()); }

TEST(ViterbiConfig, RejectsANonPositiveBeam) {
  ViterbiConfig c;
  c.beam_nats = 0;
  EXPECT_FALSE(c.Validate().ok());
}

TEST(ViterbiDecoder, ABandKeepsEachNodeInsideItsFrames) {
  // Acoustically word 1 fits frames 3-7, but its band only allows 6-9.
  const AlignmentGraph g = Chain({0, 1, 2}, {false, false, false});
  MatrixScorer scorer(Favouring({0, 0, 0, 1, 1, 1, 1, 1, 2, 2}, 3));
  std::vector<FrameRange> band(g.nodes.size(), FrameRange{0, 9});
  for (std::size_t n = 0; n < g.nodes.size(); ++n) {
    if (g.nodes[n].n_states > 0 && g.states[g.nodes[n].first_state].senone == 1) band[n] = {6, 9};
  }
  auto r = DecodeViterbi(g, scorer, {}, ViterbiConfig::Exact(), band);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_TRUE(r->reached_final);
  ASSERT_EQ(r->segments.size(), 3u);
  EXPECT_EQ(r->segments[1].start_frame, 6);
  EXPECT_LE(r->segments[1].end_frame, 10);
}

TEST(ViterbiDecoder, ABandThatNoPathFitsMissesTheFinalNode) {
  const AlignmentGraph g = Chain({0, 1}, {false, false});
  MatrixScorer scorer(Favouring({0, 0, 1, 1}, 2));
  // Every emitting node confined to frame 0: nothing can cover frames 1-3.
  std::vector<FrameRange> band(g.nodes.size(), FrameRange{0, 0});
  auto r = DecodeViterbi(g, scorer, {}, ViterbiConfig::Exact(), band);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_FALSE(r->reached_final);
}

TEST(ViterbiDecoder, RefusesABandOfTheWrongSize) {
  const AlignmentGraph g = Chain({0}, {false});
  MatrixScorer scorer(Favouring({0}, 1));
  std::vector<FrameRange> band(1, FrameRange{0, 0});
  EXPECT_FALSE(DecodeViterbi(g, scorer, {}, ViterbiConfig::Exact(), band).ok());
}

}  // namespace
}  // namespace ytl
