// EmissionScorer: per-frame log-likelihoods of senones, the input of the
// Viterbi decoder. Real audio uses SenoneScorer; tests use a fixed matrix.
#pragma once

namespace ytl {

class EmissionScorer {
 public:
  virtual ~EmissionScorer() = default;
  virtual int frames() const = 0;
  // Natural-log likelihood of `senone` at `frame`. Callers go through frames
  // in increasing order; implementations may cache one frame at a time.
  virtual float Score(int frame, int senone) = 0;
  // The best score any phone of the model reaches at `frame`: the reference
  // that word confidences are measured against.
  virtual float BestScore(int frame) = 0;
  // The best score any vowel of the model reaches at `frame` (for kBestVowelSenone states).
  virtual float BestVowelScore(int frame) = 0;
};

}  // namespace ytl
