// Recognizer: turns sung or spoken vocals into timed words without lyrics.
//
// Used when no lyric sheet is given (SyncMode::kTranscribed). One
// implementation per engine: sphinx_recognizer.h for PocketSphinx.
#pragma once

#include <string_view>

#include "alignment/alignment.h"
#include "audio/audio_buffer.h"
#include "core/progress.h"
#include "core/status.h"
#include "vad/voice_activity.h"

namespace ytl {

class Recognizer {
 public:
  virtual ~Recognizer() = default;

  // Transcribes each voiced region of `activity` into one TimedLine.
  // `vocals16k` is mono 16 kHz. Returns an Alignment with mode kTranscribed
  // and duration_s of the audio; a region with no recognised words gives no
  // line. Reports progress as stage "recognize" and returns Cancelled between
  // regions once `ctx` is cancelled. Safe to call from several threads.
  virtual Result<Alignment> Transcribe(const AudioBuffer& vocals16k, const VocalActivity& activity,
                                       const StageContext& ctx) const = 0;

  // The engine's name for logs and the JSON output, e.g. "pocketsphinx".
  virtual std::string_view name() const = 0;
};

}  // namespace ytl
