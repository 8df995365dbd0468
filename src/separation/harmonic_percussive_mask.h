// Harmonic/percussive separation by median filtering (Fitzgerald, DAFx 2010).
#pragma once

#include "separation/magnitude_block.h"

namespace ytl {

struct HarmonicMaskParams {
  int time_kernel_frames = 17;  // odd; median across time finds sustained (harmonic) energy
  int freq_kernel_bins = 17;    // odd; median across frequency finds broadband (percussive) energy
  int keep_from_bin = 0;        // from this bin on, part of the percussive energy is kept
  float keep_fraction = 0.5f;   // the part kept from keep_from_bin on: consonants live there
};

// Soft Wiener mask H^2 / (H^2 + P^2) of the harmonic part for frames [first, last) of `block`.
// `masks` is resized to (last - first) x block.bins; values in [0, 1]. The time median uses the
// frames of `block` around each frame (fewer at the block's edges).
void HarmonicMasks(const MagnitudeBlock& block, int first, int last,
                   const HarmonicMaskParams& params, MagnitudeBlock& masks);

}  // namespace ytl
