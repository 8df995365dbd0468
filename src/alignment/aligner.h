// Aligner: places every lyric word of a sheet in time.
#pragma once

#include <string>
#include <string_view>

#include "alignment/alignment.h"
#include "audio/audio_buffer.h"
#include "core/progress.h"
#include "core/status.h"
#include "lyrics/lyric_sheet.h"
#include "vad/voice_activity.h"

namespace ytl {

class Aligner {
 public:
  virtual ~Aligner() = default;
  // `vocals` is mono 16 kHz. Returns an Alignment with one TimedWord per
  // LyricWord of `sheet` (optional words included), in reading order, and
  // one TimedLine per line; source/duration/timings are left to the caller.
  virtual Result<Alignment> Align(const AudioBuffer& vocals, const VocalActivity& activity,
                                  const LyricSheet& sheet, const StageContext& ctx) const = 0;
  virtual std::string_view name() const = 0;
  // Identifies the engine and every parameter that changes its output (for
  // the stage cache).
  virtual std::string Fingerprint() const { return std::string(name()); }
};

}  // namespace ytl
