#include "audio/stream_decoder.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

#include "audio/ffmpeg_runtime.h"

namespace ytl::ffmpeg {
namespace {

// Progress is reported in steps of at least this fraction.
constexpr double kProgressStep = 0.01;
// Extra room reserved beyond the declared duration, in seconds.
constexpr double kReserveSlackS = 1.0;

std::int64_t ReserveHint(const StreamDecoder::Config& config, const AVCodecContext& codec) {
  const int rate_hz = codec.sample_rate;
  if (config.declared_duration_s <= 0 || rate_hz <= 0) return 0;
  const double frames =
      std::min(config.declared_duration_s + kReserveSlackS, config.max_duration_s) * rate_hz;
  const int channels = std::clamp(codec.ch_layout.nb_channels, 1, 2);
  return static_cast<std::int64_t>(
      std::min(frames, static_cast<double>(config.max_samples / channels)));
}

}  // namespace

Status DurationLimitError(const std::string& path, double limit_s, double declared_s) {
  char text[160];
  if (declared_s > 0) {
    std::snprintf(text, sizeof(text), "audio is %.1f s long, over the limit of %.0f s", declared_s,
                  limit_s);
  } else {
    std::snprintf(text, sizeof(text), "audio runs past the limit of %.0f s", limit_s);
  }
  return Status::ResourceExhausted(path + ": " + text +
                                   "; pass a larger --max-duration or trim the file");
}

Status SampleLimitError(const std::string& path, std::int64_t limit, double declared) {
  char text[160];
  if (declared > 0) {
    std::snprintf(text, sizeof(text), "audio holds %.0f samples, over the limit of %lld", declared,
                  static_cast<long long>(limit));
  } else {
    std::snprintf(text, sizeof(text), "audio runs past the limit of %lld samples",
                  static_cast<long long>(limit));
  }
  return Status::ResourceExhausted(path + ": " + text +
                                   " (duration times sample rate times channels); "
                                   "resample it to 48 kHz or trim it");
}

StreamDecoder::StreamDecoder(Config config, AVFormatContext* format, AVStream* stream,
                             AVCodecContext* codec, const StageContext& ctx, AudioBuffer* out)
    : config_(std::move(config)),
      format_(format),
      stream_(stream),
      codec_(codec),
      ctx_(ctx),
      out_(out),
      appender_(out, ReserveHint(config_, *codec), config_.max_rate_hz),
      frame_(av_frame_alloc()) {}

Status StreamDecoder::Run() {
  if (!frame_) return Status::Internal(config_.path + ": out of memory allocating a frame");
  YTL_RETURN_IF_ERROR(ReadPackets());
  YTL_RETURN_IF_ERROR(Decode(nullptr));
  YTL_RETURN_IF_ERROR(appender_.Flush());
  return CheckLength();
}

Status StreamDecoder::ReadPackets() {
  PacketPtr packet(av_packet_alloc());
  if (!packet) return Status::Internal(config_.path + ": out of memory allocating a packet");
  while (true) {
    if (ctx_.cancelled()) return Status::Cancelled(config_.path + ": decoding cancelled");
    const int err = av_read_frame(format_, packet.get());
    if (err == AVERROR_EOF) return Status::Ok();
    if (err < 0) {
      damaged_ = true;  // truncated or unreadable tail: keep what was decoded
      return Status::Ok();
    }
    PacketUnref unref(packet.get());
    if (packet->stream_index != stream_->index) continue;
    ReportProgress(*packet);
    YTL_RETURN_IF_ERROR(Decode(packet.get()));
  }
}

Status StreamDecoder::Decode(const AVPacket* packet) {
  int err = avcodec_send_packet(codec_, packet);
  if (err == AVERROR_EOF) return Status::Ok();  // already drained
  if (err < 0 && err != AVERROR(EAGAIN)) {
    damaged_ = true;  // a corrupt packet: skip it, as players do
    return Status::Ok();
  }
  return ReceiveFrames();
}

Status StreamDecoder::ReceiveFrames() {
  while (true) {
    const int err = avcodec_receive_frame(codec_, frame_.get());
    if (err == AVERROR(EAGAIN) || err == AVERROR_EOF) return Status::Ok();
    if (err < 0) {
      damaged_ = true;
      return Status::Ok();
    }
    const Status appended = appender_.Append(*frame_);
    av_frame_unref(frame_.get());
    YTL_RETURN_IF_ERROR(appended);
    YTL_RETURN_IF_ERROR(CheckLength());
  }
}

Status StreamDecoder::CheckLength() const {
  const auto samples = static_cast<std::int64_t>(out_->frames() * out_->channels.size());
  if (config_.max_samples > 0 && samples > config_.max_samples) {
    return SampleLimitError(config_.path, config_.max_samples, -1);
  }
  if (out_->duration_s() <= config_.max_duration_s) return Status::Ok();
  return DurationLimitError(config_.path, config_.max_duration_s, -1);
}

void StreamDecoder::ReportProgress(const AVPacket& packet) {
  double fraction = -1;
  if (config_.declared_duration_s > 0 && packet.pts != AV_NOPTS_VALUE) {
    std::int64_t start = stream_->start_time != AV_NOPTS_VALUE ? stream_->start_time : 0;
    fraction = static_cast<double>(packet.pts - start) * av_q2d(stream_->time_base) /
               config_.declared_duration_s;
  } else if (format_->pb != nullptr && packet.pos >= 0) {
    const std::int64_t size = avio_size(format_->pb);
    if (size > 0) fraction = static_cast<double>(packet.pos) / static_cast<double>(size);
  }
  fraction = std::clamp(fraction, 0.0, 1.0);
  if (fraction >= reported_fraction_ + kProgressStep) {
    reported_fraction_ = fraction;
    ctx_.Report("decode", fraction);
  }
}

}  // namespace ytl::ffmpeg
