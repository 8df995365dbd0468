// Separator: isolates the lead vocal from a full mix.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "audio/audio_buffer.h"
#include "core/progress.h"
#include "core/status.h"

namespace ytl {

class Separator {
 public:
  virtual ~Separator() = default;
  // `mix` is the decoded original (mono or stereo, any rate). Returns mono
  // vocals at the same rate and length.
  virtual Result<AudioBuffer> Separate(const AudioBuffer& mix, const StageContext& ctx) const = 0;
  virtual std::string_view name() const = 0;
  // The highest input rate that can change the output; 0: any. The pipeline decodes the
  // original at most at this rate (halving the source's), which saves memory and time on
  // long songs without changing the vocals.
  virtual int max_input_rate_hz() const { return 0; }
  // Identifies the engine and every parameter that changes its output, so
  // that cached stage outputs are reused only when they would be identical.
  virtual std::string Fingerprint() const { return std::string(name()); }
};

}  // namespace ytl
