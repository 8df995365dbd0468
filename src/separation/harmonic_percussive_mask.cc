#include "separation/harmonic_percussive_mask.h"

#include <algorithm>

#include "separation/sliding_median.h"

namespace ytl {
namespace {

// Writes the median across time of each bin into `masks` (frames [first, last)).
void TimeMedians(const MagnitudeBlock& block, int first, int last, int half,
                 MagnitudeBlock& masks) {
  SlidingMedian window(2 * half + 1);
  for (int b = 0; b < block.bins; ++b) {
    window.Clear();
    for (int f = std::max(0, first - half); f <= std::min(block.frames - 1, first + half); ++f) {
      window.Add(block.frame(f)[b]);
    }
    for (int f = first; f < last; ++f) {
      masks.frame(f - first)[b] = window.Median();
      if (f - half >= 0) window.Remove(block.frame(f - half)[b]);
      if (f + half + 1 < block.frames) window.Add(block.frame(f + half + 1)[b]);
    }
  }
}

// Turns the harmonic medians in `mask` into the soft mask of one frame.
void FrameMask(const float* magnitude, int bins, int half, const HarmonicMaskParams& params,
               SlidingMedian& window, float* mask) {
  window.Clear();
  for (int b = 0; b <= std::min(bins - 1, half); ++b) window.Add(magnitude[b]);
  for (int b = 0; b < bins; ++b) {
    const float percussive = window.Median();
    if (b - half >= 0) window.Remove(magnitude[b - half]);
    if (b + half + 1 < bins) window.Add(magnitude[b + half + 1]);
    const float h2 = mask[b] * mask[b];
    const float p2 = percussive * percussive;
    float m = h2 + p2 > 1e-20f ? h2 / (h2 + p2) : 1.0f;
    if (b >= params.keep_from_bin) m += params.keep_fraction * (1.0f - m);
    mask[b] = m;
  }
}

}  // namespace

void HarmonicMasks(const MagnitudeBlock& block, int first, int last,
                   const HarmonicMaskParams& params, MagnitudeBlock& masks) {
  masks.Resize(last - first, block.bins);
  TimeMedians(block, first, last, params.time_kernel_frames / 2, masks);
  const int half_freq = params.freq_kernel_bins / 2;
  SlidingMedian window(2 * half_freq + 1);
  for (int f = first; f < last; ++f) {
    FrameMask(block.frame(f), block.bins, half_freq, params, window, masks.frame(f - first));
  }
}

}  // namespace ytl
