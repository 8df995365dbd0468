#include "recognition/recognizer_factory.h"

#include <string>

namespace ytl {

Result<RecognizerKind> ParseRecognizerKind(std::string_view name) {
  if (name == "sphinx") return RecognizerKind::kSphinx;
  if (name == "whisper") return RecognizerKind::kWhisper;
  return Status::InvalidInput("--recognizer \"" + std::string(name) +
                              "\" is not known; use sphinx or whisper");
}

Result<std::unique_ptr<Recognizer>> MakeRecognizer(const RecognizerOptions& options) {
  switch (options.kind) {
    case RecognizerKind::kSphinx: {
      auto sphinx = SphinxRecognizer::Create(options.sphinx);
      if (!sphinx.ok()) return sphinx.status();
      return std::unique_ptr<Recognizer>(std::move(sphinx).value());
    }
    case RecognizerKind::kWhisper:
      YTL_RETURN_IF_ERROR(options.whisper.Validate());
      return CreateWhisperRecognizer(options.whisper);
  }
  return Status::Internal("unknown recognizer kind");
}

std::string WhisperAdvice() {
  if (WhisperIsBuiltIn()) {
    return "a Whisper model transcribes singing much better: `yt-lyrics models pull base.en`, "
           "then sync with --recognizer whisper --model PATH";
  }
  return "a Whisper model transcribes singing much better: rebuild with "
         "-DYT_LYRICS_WITH_WHISPER=ON, run `yt-lyrics models pull base.en`, then sync with "
         "--recognizer whisper --model PATH";
}

}  // namespace ytl
