// Process-wide FFmpeg setup and error text for the audio module.
#pragma once

#include <string>

namespace ytl::ffmpeg {

// Routes FFmpeg's own log output to nowhere, so the library never prints.
// Idempotent and thread-safe; every entry point of the audio module calls it.
// Process-wide: it also silences FFmpeg for any other user in the process.
void SilenceLogging();

// The human-readable text of an AVERROR code, e.g. "Invalid data found when
// processing input".
std::string ErrorText(int av_error);

}  // namespace ytl::ffmpeg
