#include "audio/frame_appender.h"

#include <algorithm>
#include <string>
#include <vector>

#include "audio/ffmpeg_runtime.h"
#include "audio/swr_factory.h"

namespace ytl::ffmpeg {

FrameAppender::FrameAppender(AudioBuffer* out, std::int64_t reserve_frames_hint, int max_rate_hz)
    : out_(out), reserve_frames_hint_(reserve_frames_hint), max_rate_hz_(max_rate_hz) {}

FrameAppender::~FrameAppender() { av_channel_layout_uninit(&in_layout_); }

Status FrameAppender::Append(const AVFrame& frame) {
  if (frame.nb_samples <= 0) return Status::Ok();
  if (!swr_ || frame.format != in_format_ || frame.sample_rate != in_rate_hz_ ||
      av_channel_layout_compare(&frame.ch_layout, &in_layout_) != 0) {
    YTL_RETURN_IF_ERROR(Reconfigure(frame));
  }
  return Convert(frame.extended_data, frame.nb_samples);
}

Status FrameAppender::Flush() {
  if (!swr_) return Status::Ok();
  return Convert(nullptr, 0);
}

Status FrameAppender::Reconfigure(const AVFrame& frame) {
  if (frame.sample_rate <= 0 || frame.ch_layout.nb_channels <= 0) {
    return Status::InvalidInput("the decoder produced a frame with " +
                                std::to_string(frame.ch_layout.nb_channels) + " channels at " +
                                std::to_string(frame.sample_rate) + " Hz");
  }
  if (swr_) YTL_RETURN_IF_ERROR(Flush());
  if (out_->channels.empty()) {
    int rate_hz = frame.sample_rate;
    while (max_rate_hz_ > 0 && rate_hz > max_rate_hz_ && rate_hz % 2 == 0) rate_hz /= 2;
    out_->sample_rate_hz = rate_hz;
    out_->channels.resize(std::min(frame.ch_layout.nb_channels, 2));
    if (reserve_frames_hint_ > 0) {
      const auto frames = reserve_frames_hint_ / (frame.sample_rate / rate_hz);
      for (auto& channel : out_->channels) channel.reserve(static_cast<std::size_t>(frames));
    }
  }
  auto swr = OpenPlanarFloatSwr(frame.ch_layout, static_cast<AVSampleFormat>(frame.format),
                                frame.sample_rate, static_cast<int>(out_->channels.size()),
                                out_->sample_rate_hz);
  if (!swr.ok()) return swr.status();
  swr_ = std::move(swr.value());
  av_channel_layout_uninit(&in_layout_);
  if (av_channel_layout_copy(&in_layout_, &frame.ch_layout) < 0) {
    return Status::Internal("cannot copy an FFmpeg channel layout (out of memory?)");
  }
  in_format_ = frame.format;
  in_rate_hz_ = frame.sample_rate;
  return Status::Ok();
}

Status FrameAppender::Convert(const std::uint8_t* const* planes, int count) {
  const int capacity = swr_get_out_samples(swr_.get(), count);
  if (capacity <= 0) return Status::Ok();
  const std::size_t start = out_->frames();
  std::vector<std::uint8_t*> out_planes;
  for (auto& channel : out_->channels) {
    channel.resize(start + static_cast<std::size_t>(capacity));
    out_planes.push_back(reinterpret_cast<std::uint8_t*>(channel.data() + start));
  }
  const int written = swr_convert(swr_.get(), out_planes.data(), capacity,
                                  const_cast<const std::uint8_t**>(planes), count);
  if (written < 0) {
    for (auto& channel : out_->channels) channel.resize(start);
    return Status::Internal("swresample failed converting decoded audio: " + ErrorText(written));
  }
  for (auto& channel : out_->channels) channel.resize(start + static_cast<std::size_t>(written));
  return Status::Ok();
}

}  // namespace ytl::ffmpeg
