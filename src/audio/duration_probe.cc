#include "audio/duration_probe.h"

#include "audio/ffmpeg_handles.h"
#include "audio/ffmpeg_runtime.h"

namespace ytl {

Result<DurationProbe> ProbeDuration(const std::string& path) {
  ffmpeg::SilenceLogging();
  AVFormatContext* raw = nullptr;
  int err = avformat_open_input(&raw, path.c_str(), nullptr, nullptr);
  if (err < 0) {
    return Status::InvalidInput(path + ": FFmpeg cannot read it (" + ffmpeg::ErrorText(err) +
                                "); give an mp3, m4a, opus, ogg, flac, wav, mp4 or webm file");
  }
  ffmpeg::FormatContextPtr format(raw);
  err = avformat_find_stream_info(format.get(), nullptr);
  const int index =
      err < 0 ? err : av_find_best_stream(format.get(), AVMEDIA_TYPE_AUDIO, -1, -1, nullptr, 0);
  if (index < 0) {
    return Status::InvalidInput(path + ": FFmpeg finds no audio stream in it (" +
                                ffmpeg::ErrorText(index) + "); give the song's audio file");
  }
  const AVStream& stream = *format->streams[index];
  DurationProbe probe;
  probe.from_bitrate = format->duration_estimation_method == AVFMT_DURATION_FROM_BITRATE;
  if (stream.duration != AV_NOPTS_VALUE && stream.duration > 0) {
    probe.duration_s = static_cast<double>(stream.duration) * av_q2d(stream.time_base);
  } else if (format->duration != AV_NOPTS_VALUE && format->duration > 0) {
    probe.duration_s = static_cast<double>(format->duration) / AV_TIME_BASE;
  }
  return probe;
}

}  // namespace ytl
