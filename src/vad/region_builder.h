// Turns a per-frame voice probability into sung regions.
#pragma once

#include <vector>

#include "vad/voice_activity.h"

namespace ytl {

struct RegionParams {
  double frame_s = 0.01;       // hop of the probability
  double smoothing_s = 0.05;   // width of the median filter applied first
  float on_threshold = 0.6f;   // a region starts when the smoothed probability rises above this
  float off_threshold = 0.4f;  // ... and ends when it falls below this
  double min_gap_s = 0.4;      // shorter gaps between regions are closed (pauses between words)
  double min_region_s = 0.2;   // shorter regions, after closing gaps, are dropped
  double pad_s = 0.1;          // regions are widened by this on each side (soft onsets)
};

// Median smoothing, hysteresis thresholds, gap closing, short-region removal, then padding.
// Returns sorted, non-overlapping regions within [0, probability.size() * frame_s].
std::vector<VoicedRegion> BuildRegions(const std::vector<float>& probability,
                                       const RegionParams& params);

}  // namespace ytl
