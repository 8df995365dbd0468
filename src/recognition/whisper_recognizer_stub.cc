// Built when whisper.cpp is not compiled in (YT_LYRICS_WITH_WHISPER=OFF): says so, never crashes.
#include "recognition/whisper_recognizer.h"

namespace ytl {

bool WhisperIsBuiltIn() { return false; }

Result<std::unique_ptr<Recognizer>> CreateWhisperRecognizer(const WhisperRecognizerConfig&) {
  return Status::Unavailable(
      "built without whisper.cpp; reconfigure with -DYT_LYRICS_WITH_WHISPER=ON (and an installed "
      "whisper.cpp, or FETCHCONTENT_SOURCE_DIR_WHISPER pointing at its source), or use "
      "--recognizer sphinx");
}

}  // namespace ytl
