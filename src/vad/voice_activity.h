// VoiceActivity: finds the sung regions in the isolated vocals.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "audio/audio_buffer.h"
#include "core/progress.h"
#include "core/status.h"

namespace ytl {

struct VoicedRegion {
  double start_s = 0;
  double end_s = 0;
};

struct VocalActivity {
  double frame_s = 0.01;              // hop of `probability`
  std::vector<float> probability;     // per frame, in [0, 1]: how likely voice is present
  std::vector<VoicedRegion> regions;  // sorted, non-overlapping sung regions
  // Per frame (same hop), in [0, 1]: how strongly a new note or syllable starts there; empty
  // when the engine does not measure it.
  std::vector<float> onset;
};

class VoiceActivity {
 public:
  virtual ~VoiceActivity() = default;
  // `vocals` is mono 16 kHz (the separator's output, resampled).
  virtual Result<VocalActivity> Detect(const AudioBuffer& vocals,
                                       const StageContext& ctx) const = 0;
  // Identifies the engine and every parameter that changes its output (for
  // the stage cache).
  virtual std::string Fingerprint() const { return "voice-activity"; }
};

}  // namespace ytl
