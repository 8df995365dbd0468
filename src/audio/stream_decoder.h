// The read-decode loop for one audio stream of an opened container.
#pragma once

#include <cstdint>
#include <string>

#include "audio/audio_buffer.h"
#include "audio/ffmpeg_handles.h"
#include "audio/frame_appender.h"
#include "core/progress.h"
#include "core/status.h"

namespace ytl::ffmpeg {

// ResourceExhausted for audio longer than `limit_s`, naming the --max-duration
// flag; `declared_s` > 0 is the length the container states.
Status DurationLimitError(const std::string& path, double limit_s, double declared_s);

// ResourceExhausted for audio holding more than `limit` samples (frames times channels);
// `declared` > 0 is the count the container's duration and sample rate imply.
Status SampleLimitError(const std::string& path, std::int64_t limit, double declared);

// Reads every packet of `stream` from `format`, decodes it with `codec` and
// appends the samples to `out` (planar float, see FrameAppender). Gapless
// trimming is libavcodec's: it applies the skip-samples side data that the
// demuxers attach for encoder delay and padding.
// Borrows all pointers; they must outlive the StreamDecoder. Not thread-safe.
class StreamDecoder {
 public:
  struct Config {
    std::string path;                 // for messages only
    double max_duration_s = 0;        // ResourceExhausted once `out` grows past it
    double declared_duration_s = -1;  // the container's; <= 0 when unknown
    std::int64_t max_samples = 0;     // ResourceExhausted once `out` holds more samples
    int max_rate_hz = 0;              // `out`'s rate: the stream's, halved while above this
  };

  StreamDecoder(Config config, AVFormatContext* format, AVStream* stream, AVCodecContext* codec,
                const StageContext& ctx, AudioBuffer* out);

  // Decodes to the end of the stream. A read error after some audio ends the
  // loop early with OK and sets damaged(); Cancelled and ResourceExhausted stop
  // it at once.
  Status Run();

  // True when a read failed or a packet could not be decoded.
  bool damaged() const { return damaged_; }

 private:
  Status ReadPackets();
  Status Decode(const AVPacket* packet);  // nullptr drains the decoder
  Status ReceiveFrames();
  Status CheckLength() const;
  void ReportProgress(const AVPacket& packet);

  Config config_;
  AVFormatContext* format_;
  AVStream* stream_;
  AVCodecContext* codec_;
  const StageContext& ctx_;
  AudioBuffer* out_;
  FrameAppender appender_;
  FramePtr frame_;
  double reported_fraction_ = 0;
  bool damaged_ = false;
};

}  // namespace ytl::ffmpeg
