// SpectralVoiceActivity: finds sung regions from energy, harmonicity and spectral flatness.
#pragma once

#include "vad/region_builder.h"
#include "vad/vocal_onsets.h"
#include "vad/voice_activity.h"

namespace ytl {

struct SpectralVoiceActivityConfig {
  double frame_s = 0.01;    // hop of the probability track
  double window_s = 0.032;  // analysis window of each frame

  double silence_dbfs = -60;      // frames quieter than this are never voiced (digital silence)
  double floor_percentile = 0.2;  // of the non-silent frame energies: the accompaniment floor
  double peak_percentile = 0.95;  // of the non-silent frame energies: the loud singing level

  // The probability is sigmoid(sum of weight * (feature - centre)); energy is relative, in
  // [0, 1] between the floor and the peak levels.
  float energy_weight = 8.0f;
  float energy_centre = 0.4f;
  float harmonicity_weight = 2.0f;  // weak: the residual accompaniment is harmonic too
  float harmonicity_centre = 0.7f;
  float flatness_weight = -4.0f;  // negative: noise-like frames are less likely voice
  float flatness_centre = 0.3f;

  RegionParams regions;     // smoothing and region rules; its frame_s is overwritten by frame_s
  VocalOnsetConfig onsets;  // the onset track; its frame_s is overwritten by frame_s

  // Names the first invalid field and its valid range.
  Status Validate() const;
};

// Works on the separated vocals, mono, any rate (16 kHz in the pipeline). The energy is judged
// relative to percentiles of the whole song, so quiet and loud masters behave alike.
// Thread-compatible: Detect() is const and keeps its state on the stack.
class SpectralVoiceActivity : public VoiceActivity {
 public:
  // `config` must have passed Validate().
  explicit SpectralVoiceActivity(const SpectralVoiceActivityConfig& config) : config_(config) {}

  Result<VocalActivity> Detect(const AudioBuffer& vocals, const StageContext& ctx) const override;
  std::string Fingerprint() const override;

 private:
  SpectralVoiceActivityConfig config_;
};

}  // namespace ytl
