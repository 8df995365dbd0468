#include "vad/spectral_voice_activity.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/fingerprint.h"
#include "vad/frame_features.h"

namespace ytl {
namespace {

Status FieldError(const std::string& field, const std::string& rule) {
  return Status::InvalidInput("SpectralVoiceActivityConfig." + field + " " + rule);
}

// The `fraction` percentile of the energies above `silence_db`; `silence_db` when there are none.
float Percentile(const std::vector<float>& energy_db, float silence_db, double fraction) {
  std::vector<float> loud;
  for (float e : energy_db) {
    if (e > silence_db) loud.push_back(e);
  }
  if (loud.empty()) return silence_db;
  const auto at = loud.begin() + static_cast<long>(fraction * (loud.size() - 1));
  std::nth_element(loud.begin(), at, loud.end());
  return *at;
}

float Sigmoid(float z) { return 1.0f / (1.0f + std::exp(-z)); }

std::vector<float> VoiceProbability(const FrameFeatures& features,
                                    const SpectralVoiceActivityConfig& config) {
  const float silence_db = static_cast<float>(config.silence_dbfs);
  const float floor_db = Percentile(features.energy_db, silence_db, config.floor_percentile);
  const float peak_db = Percentile(features.energy_db, silence_db, config.peak_percentile);
  const float range_db = std::max(6.0f, peak_db - floor_db);
  std::vector<float> probability(features.energy_db.size(), 0.0f);
  for (std::size_t f = 0; f < probability.size(); ++f) {
    if (features.energy_db[f] <= silence_db) continue;
    const float energy = std::clamp((features.energy_db[f] - floor_db) / range_db, 0.0f, 1.2f);
    const float z =
        config.energy_weight * (energy - config.energy_centre) +
        config.harmonicity_weight * (features.harmonicity[f] - config.harmonicity_centre) +
        config.flatness_weight * (features.flatness[f] - config.flatness_centre);
    probability[f] = Sigmoid(z);
  }
  return probability;
}

}  // namespace

Status SpectralVoiceActivityConfig::Validate() const {
  if (frame_s <= 0 || frame_s > 0.1) return FieldError("frame_s", "must be in (0, 0.1]");
  if (window_s < frame_s || window_s > 0.2) {
    return FieldError("window_s", "must be in [frame_s, 0.2]");
  }
  if (floor_percentile < 0 || peak_percentile > 1 || floor_percentile >= peak_percentile) {
    return FieldError("floor_percentile", "must be below peak_percentile, both in [0, 1]");
  }
  if (regions.off_threshold > regions.on_threshold || regions.on_threshold >= 1 ||
      regions.off_threshold <= 0) {
    return FieldError("regions.off_threshold",
                      "must be in (0, on_threshold] with on_threshold below 1");
  }
  if (regions.smoothing_s < 0) return FieldError("regions.smoothing_s", "must be >= 0");
  if (regions.min_gap_s < 0) return FieldError("regions.min_gap_s", "must be >= 0");
  if (regions.min_region_s < 0) return FieldError("regions.min_region_s", "must be >= 0");
  if (regions.pad_s < 0) return FieldError("regions.pad_s", "must be >= 0");
  VocalOnsetConfig onset_check = onsets;
  onset_check.frame_s = frame_s;
  YTL_RETURN_IF_ERROR(onset_check.Validate());
  return Status::Ok();
}

Result<VocalActivity> SpectralVoiceActivity::Detect(const AudioBuffer& vocals,
                                                    const StageContext& ctx) const {
  YTL_RETURN_IF_ERROR(config_.Validate());
  if (vocals.channels.size() != 1 || vocals.sample_rate_hz < 8000) {
    return Status::InvalidInput("voice activity needs mono audio at >= 8 kHz but got " +
                                std::to_string(vocals.channels.size()) + " channels at " +
                                std::to_string(vocals.sample_rate_hz) +
                                " Hz; separate and resample first");
  }
  Result<FrameFeatures> features = ComputeFrameFeatures(vocals.channels[0], vocals.sample_rate_hz,
                                                        config_.frame_s, config_.window_s, ctx);
  if (!features.ok()) return features.status();
  VocalActivity activity;
  activity.frame_s = config_.frame_s;
  activity.probability = VoiceProbability(*features, config_);
  RegionParams params = config_.regions;
  params.frame_s = config_.frame_s;
  activity.regions = BuildRegions(activity.probability, params);
  VocalOnsetConfig onsets = config_.onsets;
  onsets.frame_s = config_.frame_s;
  Result<std::vector<float>> onset =
      ComputeVocalOnsets(vocals.channels[0], vocals.sample_rate_hz, onsets, ctx);
  if (!onset.ok()) return onset.status();
  activity.onset = std::move(*onset);
  ctx.Report("vad", 1.0);
  return activity;
}

std::string SpectralVoiceActivity::Fingerprint() const {
  const SpectralVoiceActivityConfig& c = config_;
  const RegionParams& r = c.regions;
  const VocalOnsetConfig& o = c.onsets;
  return ytl::Fingerprint("spectral-vad")
      .Add("frame", c.frame_s)
      .Add("window", c.window_s)
      .Add("silence", c.silence_dbfs)
      .Add("floor", c.floor_percentile)
      .Add("peak", c.peak_percentile)
      .Add("ew", c.energy_weight)
      .Add("ec", c.energy_centre)
      .Add("hw", c.harmonicity_weight)
      .Add("hc", c.harmonicity_centre)
      .Add("fw", c.flatness_weight)
      .Add("fc", c.flatness_centre)
      .Add("smooth", r.smoothing_s)
      .Add("on", r.on_threshold)
      .Add("off", r.off_threshold)
      .Add("gap", r.min_gap_s)
      .Add("min", r.min_region_s)
      .Add("pad", r.pad_s)
      .Add("onset-window", o.window_s)
      .Add("onset-band", o.low_hz)
      .Add("onset-band-high", o.high_hz)
      .Add("onset-lag", o.lag_frames)
      .Add("onset-max", o.max_filter_bins)
      .Add("onset-mean", o.mean_window_s)
      .Add("onset-scale", o.scale_percentile)
      .str();
}

}  // namespace ytl
