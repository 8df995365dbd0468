#include "recognition/whisper_recognizer.h"

namespace ytl {

Status WhisperRecognizerConfig::Validate() const {
  if (model_path.empty()) {
    return Status::InvalidInput(
        "no Whisper model given; pass --model PATH (a ggml model such as ggml-base.en.bin; "
        "`yt-lyrics models pull base.en` downloads one)");
  }
  if (language != "auto" && (language.size() < 2 || language.size() > 3)) {
    return Status::InvalidInput("WhisperRecognizerConfig::language \"" + language +
                                "\" is not an ISO 639-1 code or \"auto\"");
  }
  if (threads < 1) {
    return Status::InvalidInput("WhisperRecognizerConfig::threads must be at least 1");
  }
  return Status::Ok();
}

}  // namespace ytl
