// Decoded audio held in memory.
#pragma once

#include <cstddef>
#include <vector>

namespace ytl {

// Planar float samples in [-1, 1]. `channels` has one vector per channel, all
// of the same length.
struct AudioBuffer {
  int sample_rate_hz = 0;
  std::vector<std::vector<float>> channels;

  std::size_t frames() const { return channels.empty() ? 0 : channels[0].size(); }
  double duration_s() const {
    return sample_rate_hz > 0 ? static_cast<double>(frames()) / sample_rate_hz : 0.0;
  }
};

}  // namespace ytl
