// Test-only audio I/O through the sox, ffmpeg and espeak-ng command-line tools and raw float
// files, so that separation and VAD tests do not depend on the audio module.
#pragma once

#include <string>

#include "audio/audio_buffer.h"
#include "core/status.h"

namespace ytl::testing {

// A fresh directory under the system temp dir, removed with its contents on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// Runs `command` through the shell; Unavailable with the command when it exits non-zero.
Status RunCommand(const std::string& command);

// Reads interleaved 32-bit little-endian floats.
Result<AudioBuffer> ReadRawFloat(const std::string& path, int sample_rate_hz, int channels);
Status WriteRawFloat(const std::string& path, const AudioBuffer& audio);

// Decodes any file ffmpeg reads (mp3, wav) to `channels` channels at `sample_rate_hz`.
Result<AudioBuffer> DecodeWithFfmpeg(const std::string& path, int sample_rate_hz, int channels,
                                     const std::string& scratch_dir);

// Resamples mono `audio` with sox (the pipeline's resampler stands in for it in production).
Result<AudioBuffer> ResampleWithSox(const AudioBuffer& audio, int sample_rate_hz,
                                    const std::string& scratch_dir);

}  // namespace ytl::testing
