// VocalOnsets: where new sung notes and syllables begin in the isolated vocals.
//
// A sung word starts where the voice changes: a consonant, a new vowel, or a new pitch on a
// held vowel ("ah ah ah" on a melody). The speech acoustic model hears the first two but not
// the third (its cepstra ignore pitch), so long vocalises leave the aligner guessing. This is
// a SuperFlux-style onset strength (Böck and Widmer, 2013): the rise of the log-magnitude
// spectrum over the frame two hops earlier, maximum-filtered across frequency so that
// vibrato does not count as a new note, minus its local mean, scaled to [0, 1].
#pragma once

#include <vector>

#include "core/progress.h"
#include "core/status.h"

namespace ytl {

struct VocalOnsetConfig {
  double frame_s = 0.01;    // hop of the onset track (the vocal activity's)
  double window_s = 0.064;  // analysis window: resolves harmonics 16 Hz apart
  double low_hz = 100;      // band that carries sung pitch and consonants
  double high_hz = 5000;
  int lag_frames = 2;  // compare each frame with the one this many hops earlier
  // Width of the maximum filter across frequency: +-2 bins of 15.6 Hz follow a +-50 cent
  // vibrato up to the 4th harmonic of A3 (the 24-bands-per-octave SuperFlux filter is wider).
  int max_filter_bins = 5;
  double mean_window_s = 0.5;      // local mean subtracted (a steady texture is no onset)
  double scale_percentile = 0.98;  // of the positive values: maps to 1
  Status Validate() const;
};

// Onset strength per frame (frame f centred at (f + 0.5) * frame_s), in [0, 1]; as many frames
// as ceil(samples / hop). Reports progress as stage "vad" from 0.9 to 1; cancellable.
Result<std::vector<float>> ComputeVocalOnsets(const std::vector<float>& samples, int sample_rate_hz,
                                              const VocalOnsetConfig& config,
                                              const StageContext& ctx);

}  // namespace ytl
