// A Recognizer on whisper.cpp, tuned for singing: it transcribes only inside the sung regions
// found by the vocal-activity stage (no hallucinated credits over instrumentals).
//
// Built only with -DYT_LYRICS_WITH_WHISPER=ON; otherwise whisper_recognizer_stub.cc answers
// every Create with Unavailable saying how to enable it.
#pragma once

#include <memory>
#include <string>

#include "core/status.h"
#include "recognition/recognizer.h"

namespace ytl {

struct WhisperRecognizerConfig {
  // A ggml model file, e.g. models/ggml-base.en.bin (yt-lyrics models pull base.en).
  std::string model_path;
  // ISO 639-1 code of the sung language, or "auto" to let Whisper detect it.
  std::string language = "auto";
  // CPU threads for one transcription.
  int threads = 4;

  // InvalidInput naming the field and the fix.
  Status Validate() const;
};

// True when this binary was built with whisper.cpp.
bool WhisperIsBuiltIn();

// Loads the model. Unavailable when built without whisper.cpp (the message names the CMake
// option); NotFound or InvalidInput naming the model file when it is missing or unreadable.
Result<std::unique_ptr<Recognizer>> CreateWhisperRecognizer(const WhisperRecognizerConfig& config);

}  // namespace ytl
