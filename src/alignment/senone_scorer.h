// SenoneScorer: evaluates a PTM AcousticModel on a FeatureMatrix, lazily and
// one frame at a time (only the codebooks and senones that are asked for).
//
// Not thread-safe (caches the current frame); use one per decoder. Holds
// references: `model` and `features` must outlive it.
#pragma once

#include <cstdint>
#include <vector>

#include "alignment/acoustic_model.h"
#include "alignment/emission_scorer.h"
#include "alignment/feature_matrix.h"

namespace ytl {

// Each frame's BestScore and BestVowelScore, recorded by one SenoneScorer for a later one over
// the same features: the later one then evaluates only the senones its search asks for, not
// every codebook of the model on every frame.
struct FrameBestScores {
  std::vector<float> best;
  std::vector<float> best_vowel;
};

class SenoneScorer : public EmissionScorer {
 public:
  // `top_n` densities per codebook and stream are mixed into each senone. With `bests`: when it
  // holds a score for every frame, BestScore and BestVowelScore return those; otherwise they
  // are recorded into it as they are asked for. It must outlive the scorer.
  SenoneScorer(const AcousticModel& model, const FeatureMatrix& features, int top_n,
               FrameBestScores* bests = nullptr);

  int frames() const override { return features_.frames; }
  float Score(int frame, int senone) override;
  // Best score among the context-independent senones of all phones.
  float BestScore(int frame) override;
  // Best score among the context-independent senones of the vowels.
  float BestVowelScore(int frame) override;

 private:
  struct TopDensity {
    int index;
    float log_likelihood;
  };
  void StartFrame(int frame);
  const TopDensity* TopDensities(int codebook, int stream);

  const AcousticModel& model_;
  const FeatureMatrix& features_;
  int top_n_;
  int frame_ = -1;
  std::vector<float> density_scratch_;
  std::vector<TopDensity> top_;          // [codebook][stream][top_n]
  std::vector<std::uint8_t> top_ready_;  // [codebook][stream]
  std::vector<float> senone_score_;
  std::vector<std::uint8_t> senone_ready_;
  std::vector<int> vowel_senones_;
  FrameBestScores* bests_;
  bool replay_ = false;
  int vowel_frame_ = -1;
  float vowel_score_ = 0;
};

}  // namespace ytl
