// MagnitudeBlock: STFT magnitudes of consecutive frames, the input of the separator's masks.
#pragma once

#include <vector>

namespace ytl {

// Frame-major: the magnitude of bin b in frame f is values[f * bins + b].
struct MagnitudeBlock {
  int frames = 0;
  int bins = 0;
  std::vector<float> values;

  void Resize(int frame_count, int bin_count) {
    frames = frame_count;
    bins = bin_count;
    values.assign(static_cast<std::size_t>(frame_count) * bin_count, 0.0f);
  }
  float* frame(int f) { return values.data() + static_cast<std::size_t>(f) * bins; }
  const float* frame(int f) const { return values.data() + static_cast<std::size_t>(f) * bins; }
};

}  // namespace ytl
