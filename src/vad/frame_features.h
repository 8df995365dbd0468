// FrameFeatures: per-frame measurements that tell singing from accompaniment and silence.
#pragma once

#include <vector>

#include "core/progress.h"
#include "core/status.h"

namespace ytl {

struct FrameFeatures {
  double frame_s = 0.01;
  std::vector<float> energy_db;    // mean square of the window, in dBFS
  std::vector<float> harmonicity;  // highest normalised autocorrelation peak, 80-1000 Hz, [0, 1]
  std::vector<float> flatness;     // spectral flatness over 100-4000 Hz, [0, 1]; 1 = white noise
};

// Computes the features of frames `frame_s` apart, each over a Hann window of `window_s`
// centred on the frame. Reports progress as stage "vad" and returns Cancelled when asked to.
Result<FrameFeatures> ComputeFrameFeatures(const std::vector<float>& samples, int sample_rate_hz,
                                           double frame_s, double window_s,
                                           const StageContext& ctx);

}  // namespace ytl
