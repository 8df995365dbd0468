#include "alignment/acoustic_model.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "alignment/alignment_graph_builder.h"
#include "alignment/hmm_aligner.h"
#include "alignment/senone_scorer.h"

namespace ytl {
namespace {

const std::string kModelDir = std::string(YTL_POCKETSPHINX_MODEL_DIR) + "/en-us";

class AcousticModelTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(kModelDir + "/mdef")) {
      GTEST_SKIP() << "no en-us model at " << kModelDir << "; apt-get install pocketsphinx-en-us";
    }
    auto model = AcousticModel::Load(kModelDir);
    ASSERT_TRUE(model.ok()) << model.status().ToString();
    model_ = std::make_unique<AcousticModel>(std::move(*model));
  }
  std::unique_ptr<AcousticModel> model_;
};

TEST_F(AcousticModelTest, HasTheEnUsPhoneSetAndSenones) {
  EXPECT_EQ(model_->ci_phone_count(), 42);
  EXPECT_EQ(model_->senone_count(), 5126);
  EXPECT_EQ(model_->feature_dim(), 39);
  EXPECT_EQ(model_->stream_count(), 3);
  EXPECT_GE(model_->CiPhoneId("AH"), 0);
  EXPECT_EQ(model_->CiPhoneId("QQ"), -1);
  EXPECT_EQ(model_->CiPhoneName(model_->silence_phone()), "SIL");
  EXPECT_TRUE(model_->IsFiller(model_->silence_phone()));
  EXPECT_TRUE(model_->IsFiller(model_->CiPhoneId("+NSN+")));
  EXPECT_FALSE(model_->IsFiller(model_->CiPhoneId("AH")));
}

TEST_F(AcousticModelTest, KnownTriphoneMapsToContextDependentSenones) {
  const int ah = model_->CiPhoneId("AH"), hh = model_->CiPhoneId("HH"), l = model_->CiPhoneId("L");
  const int tri = model_->FindTriphone(ah, hh, l, WordPosition::kInternal);
  ASSERT_GE(tri, model_->ci_phone_count()) << "AH(HH,L) internal should be in the model";
  const PhoneHmm hmm = model_->Hmm(tri);
  ASSERT_EQ(hmm.senones.size(), 3u);
  for (int s : hmm.senones) {
    EXPECT_GE(s, model_->ci_senone_count());
    EXPECT_LT(s, model_->senone_count());
    EXPECT_EQ(model_->SenoneCodebook(s), ah);
  }
  EXPECT_EQ(model_->PhoneId(ah, hh, l, WordPosition::kInternal), tri);
}

TEST_F(AcousticModelTest, CiPhoneHmmHasNormalisedTransitions) {
  const PhoneHmm hmm = model_->Hmm(model_->CiPhoneId("AH"));
  for (std::size_t j = 0; j < hmm.senones.size(); ++j) {
    EXPECT_LT(hmm.senones[j], model_->ci_senone_count());
    EXPECT_NEAR(std::exp(hmm.self_logp[j]) + std::exp(hmm.next_logp[j]), 1.0, 1e-4);
  }
}

TEST_F(AcousticModelTest, DensitiesPeakAtTheirOwnMean) {
  std::vector<float> feature(39, 0.0f), out(model_->densities());
  model_->DensityLogLikelihoods(0, 0, feature.data(), out.data());
  for (float v : out) EXPECT_TRUE(std::isfinite(v));
}

TEST(AcousticModelLoad, MissingDirectoryIsNotFound) {
  auto model = AcousticModel::Load("/nonexistent/model");
  ASSERT_FALSE(model.ok());
  EXPECT_EQ(model.status().code(), Status::Code::kNotFound);
}

// The fewest frames a path spends in word `k`: each of its states holds at least one.
int MinFramesOfWord(const AlignmentGraph& graph, int k) {
  int states = 0;
  for (const GraphNode& node : graph.nodes) {
    if (node.kind == SegmentKind::kWord && node.word == k) states += node.n_states;
  }
  return states;
}

TEST_F(AcousticModelTest, AVocablesVowelIsHeldLongerThanAWordsVowel) {
  const int uw = model_->CiPhoneId("UW");
  std::vector<GraphWord> words(2);
  words[0].pronunciations = {{uw}};
  words[0].vocable = true;  // "ooh"
  words[1].pronunciations = {{uw}};
  GraphOptions options;
  ASSERT_GT(options.vocable_vowel_min_frames, options.vowel_min_frames);
  const AlignmentGraph graph = BuildAlignmentGraph(*model_, words, options);
  EXPECT_EQ(MinFramesOfWord(graph, 0), options.vocable_vowel_min_frames);
  EXPECT_EQ(MinFramesOfWord(graph, 1), options.vowel_min_frames);
  options.vocable_vowel_min_frames = 0;
  const AlignmentGraph plain = BuildAlignmentGraph(*model_, words, options);
  EXPECT_EQ(MinFramesOfWord(plain, 0), options.vowel_min_frames);
}

TEST_F(AcousticModelTest, ASecondScorerReplaysTheBestScoresTheFirstRecorded) {
  FeatureMatrix features;
  features.dim = model_->feature_dim();
  features.frames = 5;
  for (int i = 0; i < features.dim * features.frames; ++i) {
    features.values.push_back(static_cast<float>(std::sin(0.7 * i)));
  }
  FrameBestScores bests;
  SenoneScorer first(*model_, features, 4, &bests);
  SenoneScorer plain(*model_, features, 4);
  for (int t = 0; t < features.frames; ++t) {
    const float best = first.BestScore(t);
    EXPECT_EQ(best, plain.BestScore(t));
    EXPECT_EQ(bests.best[t], best);
    EXPECT_EQ(bests.best_vowel[t], plain.BestVowelScore(t));
    EXPECT_LE(bests.best_vowel[t], best);
  }
  bests.best[2] = 123.0f;  // a replay returns what was recorded, without scoring the frame
  SenoneScorer second(*model_, features, 4, &bests);
  EXPECT_EQ(second.BestScore(2), 123.0f);
  EXPECT_EQ(second.BestVowelScore(4), bests.best_vowel[4]);
  FrameBestScores other_song{{1.0f, 2.0f}, {1.0f, 2.0f}};  // another length: recorded afresh
  SenoneScorer third(*model_, features, 4, &other_song);
  EXPECT_EQ(third.BestScore(0), plain.BestScore(0));
  EXPECT_EQ(other_song.best.size(), 5u);
}

// Nodes of word `k` with a best-vowel state.
int HoldsOfWord(const AlignmentGraph& graph, int k) {
  int holds = 0;
  for (const GraphNode& node : graph.nodes) {
    if (node.kind != SegmentKind::kWord || node.word != k) continue;
    for (int s = node.first_state; s < node.first_state + node.n_states; ++s) {
      holds += graph.states[s].senone == kBestVowelSenone;
    }
  }
  return holds;
}

TEST_F(AcousticModelTest, AWordHoldsItsNoteAfterItsLastVowelOnlyWhenAsked) {
  const int ah = model_->CiPhoneId("AH"), t = model_->CiPhoneId("T"), iy = model_->CiPhoneId("IY");
  std::vector<GraphWord> words(2);
  words[0].pronunciations = {{ah, t, iy, t}, {t, iy}};  // two vowels; an alternative
  words[1].pronunciations = {{t}};                      // no vowel: nothing to hold
  GraphOptions options;
  ASSERT_FALSE(options.hold_notes);
  EXPECT_EQ(HoldsOfWord(BuildAlignmentGraph(*model_, words, options), 0), 0);
  options.hold_notes = true;
  const AlignmentGraph held = BuildAlignmentGraph(*model_, words, options);
  EXPECT_EQ(HoldsOfWord(held, 0), 2);  // one per pronunciation, after IY
  EXPECT_EQ(HoldsOfWord(held, 1), 0);
  // Each frame held pays its cost.
  for (const GraphNode& node : held.nodes) {
    if (node.n_states == 1 && held.states[node.first_state].senone == kBestVowelSenone) {
      EXPECT_EQ(held.states[node.first_state].self_logp, options.hold_frame_logp);
    }
  }
}

// The CI phones of the kSilence nodes that lead into word `k`.
std::vector<int> PausePhonesBefore(const AcousticModel& model, const AlignmentGraph& graph, int k) {
  std::vector<int> phones;
  for (const GraphNode& node : graph.nodes) {
    if (node.kind != SegmentKind::kSilence || node.word != k) continue;
    const int senone = graph.states[node.first_state].senone;
    for (int ci = 0; ci < model.ci_phone_count(); ++ci) {
      if (model.Hmm(ci).senones.front() == senone) phones.push_back(ci);
    }
  }
  return phones;
}

TEST_F(AcousticModelTest, APauseInsideASungLineIsSilenceAndALineBreakMayBeNoise) {
  const int ah = model_->CiPhoneId("AH"), sil = model_->silence_phone();
  const int noise = model_->CiPhoneId("+NSN+");
  std::vector<GraphWord> words(3);
  for (GraphWord& w : words) w.pronunciations = {{ah}};
  words[0].line_start = true;
  words[2].line_start = true;  // words 0-1 are one line, word 2 starts the next
  GraphOptions options;
  ASSERT_FALSE(options.noise_between_words);
  const AlignmentGraph sung = BuildAlignmentGraph(*model_, words, options);
  EXPECT_EQ(PausePhonesBefore(*model_, sung, 1), std::vector<int>{sil});
  const std::vector<int> at_break = PausePhonesBefore(*model_, sung, 2);
  EXPECT_NE(std::find(at_break.begin(), at_break.end(), noise), at_break.end());

  options.noise_between_words = true;  // the speech profile
  const AlignmentGraph spoken = BuildAlignmentGraph(*model_, words, options);
  const std::vector<int> in_line = PausePhonesBefore(*model_, spoken, 1);
  EXPECT_NE(std::find(in_line.begin(), in_line.end(), sil), in_line.end());
  EXPECT_NE(std::find(in_line.begin(), in_line.end(), noise), in_line.end());
  EXPECT_TRUE(AlignerConfigFor(AlignedContent::kSpeech).graph.noise_between_words);
  EXPECT_FALSE(AlignerConfigFor(AlignedContent::kSinging).graph.noise_between_words);
}

}  // namespace
}  // namespace ytl
