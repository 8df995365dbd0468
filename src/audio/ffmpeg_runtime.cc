#include "audio/ffmpeg_runtime.h"

#include <cstdarg>
#include <mutex>

extern "C" {
#include <libavutil/error.h>
#include <libavutil/log.h>
}

namespace ytl::ffmpeg {
namespace {

void DiscardLog(void*, int, const char*, va_list) {}

}  // namespace

void SilenceLogging() {
  static std::once_flag once;
  std::call_once(once, [] {
    av_log_set_level(AV_LOG_QUIET);
    av_log_set_callback(&DiscardLog);
  });
}

std::string ErrorText(int av_error) {
  char text[AV_ERROR_MAX_STRING_SIZE] = {};
  if (av_strerror(av_error, text, sizeof(text)) < 0) {
    return "FFmpeg error " + std::to_string(av_error);
  }
  return text;
}

}  // namespace ytl::ffmpeg
