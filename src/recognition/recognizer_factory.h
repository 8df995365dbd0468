// Chooses and builds the Recognizer for transcription without lyrics.
#pragma once

#include <memory>
#include <string_view>

#include "core/status.h"
#include "recognition/recognizer.h"
#include "recognition/sphinx_recognizer.h"
#include "recognition/whisper_recognizer.h"

namespace ytl {

enum class RecognizerKind {
  kSphinx,   // PocketSphinx's general English model: always built in, rough on singing
  kWhisper,  // whisper.cpp with a ggml model: far better, needs -DYT_LYRICS_WITH_WHISPER=ON
};

// "sphinx" or "whisper"; InvalidInput naming --recognizer otherwise.
Result<RecognizerKind> ParseRecognizerKind(std::string_view name);

struct RecognizerOptions {
  RecognizerKind kind = RecognizerKind::kSphinx;
  SphinxRecognizerConfig sphinx;    // kSphinx
  WhisperRecognizerConfig whisper;  // kWhisper
};

// Builds the recognizer `options.kind` names; its errors are the engine's (Unavailable for a
// whisper build that lacks whisper.cpp).
Result<std::unique_ptr<Recognizer>> MakeRecognizer(const RecognizerOptions& options);

// The advice printed after a PocketSphinx transcription: a Whisper model would do much better,
// and how to get one in this build.
std::string WhisperAdvice();

}  // namespace ytl
