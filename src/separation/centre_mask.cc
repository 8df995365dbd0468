#include "separation/centre_mask.h"

#include <algorithm>
#include <cmath>

namespace ytl {

void ExtractCentre(const std::complex<float>* left, const std::complex<float>* right, int bins,
                   float side_subtraction, float floor_gain, std::complex<float>* centre) {
  const float floor_power = floor_gain * floor_gain;
  for (int b = 0; b < bins; ++b) {
    const std::complex<float> mid = 0.5f * (left[b] + right[b]);
    const std::complex<float> side = 0.5f * (left[b] - right[b]);
    const float mid_power = std::norm(mid);
    const float side_power = std::norm(side);
    float gain_power = floor_power;
    if (mid_power > 1e-20f) {
      gain_power = std::max(floor_power, 1.0f - side_subtraction * side_power / mid_power);
    }
    centre[b] = mid * std::sqrt(gain_power);
  }
}

}  // namespace ytl
