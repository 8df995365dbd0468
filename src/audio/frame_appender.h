// Appends decoded FFmpeg frames to an AudioBuffer as planar float.
#pragma once

#include <cstdint>

#include "audio/audio_buffer.h"
#include "audio/ffmpeg_handles.h"
#include "core/status.h"

namespace ytl::ffmpeg {

// Converts every frame it is given (any sample format, rate and channel
// layout) to planar float at the FIRST frame's sample rate (halved while it is
// above `max_rate_hz`, when that is > 0), keeping mono and stereo and
// downmixing more channels to stereo, and appends it to `out`.
// Frames whose format, rate or layout differ from the previous ones (a stream
// that switches mid-way) are converted to the first frame's rate and count.
// Owns its SwrContext; `out` must outlive it. Not thread-safe.
class FrameAppender {
 public:
  // `reserve_frames_hint` > 0 reserves that many frames per channel (counted at
  // the first frame's rate) once the rate is known, sparing the reallocations of
  // a growing buffer.
  FrameAppender(AudioBuffer* out, std::int64_t reserve_frames_hint, int max_rate_hz = 0);
  ~FrameAppender();
  FrameAppender(const FrameAppender&) = delete;
  FrameAppender& operator=(const FrameAppender&) = delete;

  Status Append(const AVFrame& frame);
  // Drains samples still buffered for a rate change. Call once at the end.
  Status Flush();

 private:
  Status Reconfigure(const AVFrame& frame);
  // Runs `count` input frames from `planes` (nullptr to drain) through swr_.
  Status Convert(const std::uint8_t* const* planes, int count);

  AudioBuffer* out_;
  std::int64_t reserve_frames_hint_;
  int max_rate_hz_;
  SwrContextPtr swr_;
  AVChannelLayout in_layout_{};
  int in_format_ = -1;
  int in_rate_hz_ = 0;
};

}  // namespace ytl::ffmpeg
