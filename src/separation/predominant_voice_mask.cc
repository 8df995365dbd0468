#include "separation/predominant_voice_mask.h"

#include <algorithm>
#include <cmath>

namespace ytl {
namespace {

constexpr int kMaxHarmonics = 20;
constexpr float kHarmonicDecay = 0.8f;  // weight of partial h is decay^(h-1): fights subharmonics

}  // namespace

PredominantVoiceMask::PredominantVoiceMask(const PredominantVoiceParams& params)
    : params_(params), bin_hz_(params.sample_rate_hz / params.fft_size) {
  const int bins = params.fft_size / 2 + 1;
  comb_bins_ = std::min(bins, static_cast<int>(params.comb_max_hz / bin_hz_) + 1);
  const double step = std::pow(2.0, 1.0 / 36.0);
  for (double f0 = params.min_f0_hz; f0 <= params.max_f0_hz; f0 *= step) {
    candidates_hz_.push_back(f0);
  }
}

float PredominantVoiceMask::Salience(const float* magnitude, double f0_hz) const {
  float salience = 0.0f;
  float weight = 1.0f;
  for (int h = 1; h <= kMaxHarmonics; ++h) {
    const int bin = static_cast<int>(std::lround(h * f0_hz / bin_hz_));
    if (bin + 1 >= comb_bins_) break;
    if (bin < 1) continue;
    const float peak = std::max({magnitude[bin - 1], magnitude[bin], magnitude[bin + 1]});
    salience += weight * peak;
    weight *= kHarmonicDecay;
  }
  return salience;
}

double PredominantVoiceMask::CombWeight(double f0_hz, double hz) const {
  if (hz < 0.75 * f0_hz) return 0.0;
  const double harmonic = std::max(1.0, std::round(hz / f0_hz));
  const double partial_hz = harmonic * f0_hz;
  const double width_hz = std::max(bin_hz_, 0.025 * partial_hz);
  const double distance = (hz - partial_hz) / width_hz;
  return std::exp(-0.5 * distance * distance);
}

PitchEstimate PredominantVoiceMask::Estimate(const float* magnitude) const {
  PitchEstimate best;
  float best_salience = 0.0f;
  for (double f0 : candidates_hz_) {
    const float s = Salience(magnitude, f0);
    if (s > best_salience) {
      best_salience = s;
      best.f0_hz = f0;
    }
  }
  if (best_salience <= 0.0f) return best;
  const int first_bin = std::max(1, static_cast<int>(0.75 * params_.min_f0_hz / bin_hz_));
  double on_comb = 0, total = 0, comb_share = 0;
  for (int b = first_bin; b < comb_bins_; ++b) {
    const double weight = CombWeight(best.f0_hz, b * bin_hz_);
    const double power = static_cast<double>(magnitude[b]) * magnitude[b];
    on_comb += weight * power;
    total += power;
    comb_share += weight;
  }
  if (total <= 0) return best;
  const double chance = comb_share / std::max(1, comb_bins_ - first_bin);
  const double above_chance = (on_comb / total - chance) / std::max(1e-6, 1.0 - chance);
  best.confidence = static_cast<float>(std::clamp(2.0 * above_chance, 0.0, 1.0));
  return best;
}

void PredominantVoiceMask::Apply(const PitchEstimate& pitch, float* mask) const {
  const float depth = params_.strength * pitch.confidence;
  if (depth <= 0.0f || pitch.f0_hz <= 0) return;
  for (int b = 0; b < comb_bins_; ++b) {
    const double weight = CombWeight(pitch.f0_hz, b * bin_hz_);
    mask[b] *= 1.0f - depth * (1.0f - static_cast<float>(weight));
  }
}

}  // namespace ytl
