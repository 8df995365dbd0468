// FeatureExtractor: MFCC + 1s_c_d_dd features (39 per 10 ms frame, batch
// CMN) for the PocketSphinx en-us model, computed with sphinxbase's public
// front end (<sphinxbase/fe.h>, <sphinxbase/feat.h>).
//
// Each Extract() call is an independent utterance (its own CMN). Extract() is
// const and builds its own sphinxbase objects, so concurrent calls are safe.
#pragma once

#include <string>

#include "alignment/feature_matrix.h"
#include "audio/audio_buffer.h"
#include "core/status.h"

namespace ytl {

// Front-end parameters; the defaults are the en-us model's feat.params.
struct FeatureConfig {
  double lower_filter_hz = 130;   // -lowerf
  double upper_filter_hz = 6800;  // -upperf
  int filter_count = 25;          // -nfilt
  int lifter = 22;                // -lifter
  bool remove_noise = true;       // sphinxbase spectral noise subtraction
  Status Validate() const;
};

class FeatureExtractor {
 public:
  explicit FeatureExtractor(FeatureConfig config) : config_(config) {}

  static constexpr int kFrameRateHz = 100;

  // `audio` must be mono 16 kHz. Samples [begin, end) of channel 0 form the
  // utterance; frame t of the result starts at sample begin + 160 t.
  Result<FeatureMatrix> Extract(const AudioBuffer& audio, std::size_t begin, std::size_t end) const;
  Result<FeatureMatrix> Extract(const AudioBuffer& audio) const {
    return Extract(audio, 0, audio.frames());
  }

 private:
  FeatureConfig config_;
};

}  // namespace ytl
