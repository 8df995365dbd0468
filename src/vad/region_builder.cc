#include "vad/region_builder.h"

#include <algorithm>
#include <cmath>

namespace ytl {
namespace {

std::vector<float> MedianSmooth(const std::vector<float>& values, int half) {
  std::vector<float> smoothed(values.size());
  std::vector<float> window;
  const int n = static_cast<int>(values.size());
  for (int i = 0; i < n; ++i) {
    window.assign(values.begin() + std::max(0, i - half),
                  values.begin() + std::min(n, i + half + 1));
    std::nth_element(window.begin(), window.begin() + window.size() / 2, window.end());
    smoothed[i] = window[window.size() / 2];
  }
  return smoothed;
}

std::vector<VoicedRegion> Hysteresis(const std::vector<float>& p, const RegionParams& params) {
  std::vector<VoicedRegion> regions;
  bool inside = false;
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (!inside && p[i] > params.on_threshold) {
      regions.push_back({i * params.frame_s, 0});
      inside = true;
    } else if (inside && p[i] < params.off_threshold) {
      regions.back().end_s = i * params.frame_s;
      inside = false;
    }
  }
  if (inside) regions.back().end_s = p.size() * params.frame_s;
  return regions;
}

// Joins regions whose gap is shorter than `min_gap_s` (overlaps included).
std::vector<VoicedRegion> CloseGaps(const std::vector<VoicedRegion>& regions, double min_gap_s) {
  std::vector<VoicedRegion> closed;
  for (const VoicedRegion& r : regions) {
    if (!closed.empty() && r.start_s - closed.back().end_s < min_gap_s) {
      closed.back().end_s = std::max(closed.back().end_s, r.end_s);
    } else {
      closed.push_back(r);
    }
  }
  return closed;
}

}  // namespace

std::vector<VoicedRegion> BuildRegions(const std::vector<float>& probability,
                                       const RegionParams& params) {
  const int half = static_cast<int>(std::lround(params.smoothing_s / params.frame_s / 2));
  const std::vector<float> smoothed = MedianSmooth(probability, half);
  std::vector<VoicedRegion> regions = CloseGaps(Hysteresis(smoothed, params), params.min_gap_s);
  std::erase_if(regions,
                [&](const VoicedRegion& r) { return r.end_s - r.start_s < params.min_region_s; });
  const double duration_s = probability.size() * params.frame_s;
  for (VoicedRegion& r : regions) {
    r.start_s = std::max(0.0, r.start_s - params.pad_s);
    r.end_s = std::min(duration_s, r.end_s + params.pad_s);
  }
  return CloseGaps(regions, 0.0);
}

}  // namespace ytl
