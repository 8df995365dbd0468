// Predominant-voice masking: finds the strongest harmonic series in a frame and keeps its partials.
#pragma once

#include <vector>

namespace ytl {

struct PredominantVoiceParams {
  double sample_rate_hz = 44100;
  int fft_size = 2048;
  double min_f0_hz = 80;      // lowest fundamental searched
  double max_f0_hz = 1000;    // highest fundamental searched
  double comb_max_hz = 5000;  // partials above this are neither summed nor masked
  float strength = 0.8f;      // 0: the mask passes everything; 1: full comb on confident frames
};

// Per-frame pitch of the predominant harmonic source.
struct PitchEstimate {
  double f0_hz = 0;
  float confidence = 0;  // in [0, 1]: share of the frame's energy on the comb, above chance
};

// Harmonic summation over a log-spaced f0 grid (a third of a semitone) on a magnitude spectrum,
// then a soft comb mask around the winner's partials. Immutable after construction.
class PredominantVoiceMask {
 public:
  explicit PredominantVoiceMask(const PredominantVoiceParams& params);

  // `magnitude` has fft_size / 2 + 1 bins.
  PitchEstimate Estimate(const float* magnitude) const;

  // Multiplies `mask` (fft_size / 2 + 1 values) by the comb of `pitch`: bins near a partial keep
  // their gain, bins between partials or below 0.75 f0 lose up to strength * confidence of it.
  void Apply(const PitchEstimate& pitch, float* mask) const;

 private:
  // Comb weight in [0, 1] of frequency `hz` for fundamental `f0_hz`.
  double CombWeight(double f0_hz, double hz) const;
  float Salience(const float* magnitude, double f0_hz) const;

  PredominantVoiceParams params_;
  double bin_hz_;
  int comb_bins_;  // bins up to comb_max_hz
  std::vector<double> candidates_hz_;
};

}  // namespace ytl
