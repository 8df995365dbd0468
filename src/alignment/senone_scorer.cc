#include "alignment/senone_scorer.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "alignment/alignment_graph_builder.h"

namespace ytl {
namespace {

int CodebookCount(const AcousticModel& model) {
  int n = 1;
  for (int s = 0; s < model.senone_count(); ++s) n = std::max(n, model.SenoneCodebook(s) + 1);
  return n;
}

}  // namespace

SenoneScorer::SenoneScorer(const AcousticModel& model, const FeatureMatrix& features, int top_n,
                           FrameBestScores* bests)
    : model_(model),
      features_(features),
      top_n_(std::clamp(top_n, 1, std::min(64, model.densities()))),
      density_scratch_(model.densities()),
      top_(static_cast<std::size_t>(CodebookCount(model)) * model.stream_count() * top_n_),
      top_ready_(static_cast<std::size_t>(CodebookCount(model)) * model.stream_count()),
      senone_score_(model.senone_count()),
      senone_ready_(model.senone_count()),
      bests_(bests) {
  if (bests_ != nullptr) {
    const std::size_t frames = static_cast<std::size_t>(features.frames);
    replay_ = bests_->best.size() == frames && bests_->best_vowel.size() == frames;
    if (!replay_) {
      bests_->best.assign(frames, 0.0f);
      bests_->best_vowel.assign(frames, 0.0f);
    }
  }
  for (int ci = 0; ci < model.ci_phone_count(); ++ci) {
    if (!IsVowelPhone(model.CiPhoneName(ci))) continue;
    for (int s : model.Hmm(ci).senones) vowel_senones_.push_back(s);
  }
}

void SenoneScorer::StartFrame(int frame) {
  if (frame == frame_) return;
  frame_ = frame;
  std::fill(top_ready_.begin(), top_ready_.end(), 0);
  std::fill(senone_ready_.begin(), senone_ready_.end(), 0);
}

const SenoneScorer::TopDensity* SenoneScorer::TopDensities(int codebook, int stream) {
  const std::size_t slot = static_cast<std::size_t>(codebook) * model_.stream_count() + stream;
  TopDensity* top = &top_[slot * top_n_];
  if (top_ready_[slot]) return top;
  model_.DensityLogLikelihoods(codebook, stream, features_.frame(frame_), density_scratch_.data());
  // Insertion into a sorted top-n list: no allocation, one pass.
  int filled = 0;
  for (int k = 0; k < static_cast<int>(density_scratch_.size()); ++k) {
    const float v = density_scratch_[k];
    if (filled == top_n_ && v <= top[filled - 1].log_likelihood) continue;
    int i = filled < top_n_ ? filled++ : filled - 1;
    for (; i > 0 && top[i - 1].log_likelihood < v; --i) top[i] = top[i - 1];
    top[i] = {k, v};
  }
  top_ready_[slot] = 1;
  return top;
}

float SenoneScorer::Score(int frame, int senone) {
  StartFrame(frame);
  if (senone_ready_[senone]) return senone_score_[senone];
  const int codebook = model_.SenoneCodebook(senone);
  float total = 0;
  for (int s = 0; s < model_.stream_count(); ++s) {
    const TopDensity* top = TopDensities(codebook, s);
    float terms[64];
    float best = -std::numeric_limits<float>::infinity();
    const int n = std::min(top_n_, 64);
    for (int i = 0; i < n; ++i) {
      terms[i] = top[i].log_likelihood + model_.LogMixtureWeight(senone, s, top[i].index);
      best = std::max(best, terms[i]);
    }
    float sum = 0;
    for (int i = 0; i < n; ++i) sum += std::exp(terms[i] - best);
    total += best + std::log(sum);
  }
  senone_score_[senone] = total;
  senone_ready_[senone] = 1;
  return total;
}

float SenoneScorer::BestVowelScore(int frame) {
  if (replay_) return bests_->best_vowel[frame];
  if (frame == vowel_frame_) return vowel_score_;
  float best = -std::numeric_limits<float>::infinity();
  for (int s : vowel_senones_) best = std::max(best, Score(frame, s));
  vowel_frame_ = frame;
  vowel_score_ = best;
  return best;
}

float SenoneScorer::BestScore(int frame) {
  if (replay_) return bests_->best[frame];
  float best = -std::numeric_limits<float>::infinity();
  for (int s = 0; s < model_.ci_senone_count(); ++s) best = std::max(best, Score(frame, s));
  if (bests_ != nullptr) {
    bests_->best[frame] = best;
    bests_->best_vowel[frame] = BestVowelScore(frame);  // its senones are scored by now
  }
  return best;
}

}  // namespace ytl
