#include "audio/swr_factory.h"

#include <string>

#include "audio/ffmpeg_runtime.h"

extern "C" {
#include <libavutil/channel_layout.h>
#include <libavutil/opt.h>
}

namespace ytl::ffmpeg {
namespace {

// Owns an AVChannelLayout's allocations (custom layouts hold a map).
class ChannelLayout {
 public:
  ChannelLayout() = default;
  ~ChannelLayout() { av_channel_layout_uninit(&layout_); }
  ChannelLayout(const ChannelLayout&) = delete;
  ChannelLayout& operator=(const ChannelLayout&) = delete;

  AVChannelLayout* get() { return &layout_; }

 private:
  AVChannelLayout layout_{};
};

}  // namespace

Result<SwrContextPtr> OpenPlanarFloatSwr(const AVChannelLayout& in_layout, AVSampleFormat in_format,
                                         int in_rate_hz, int out_channels, int out_rate_hz) {
  SilenceLogging();
  ChannelLayout in;
  ChannelLayout out;
  if (in_layout.order == AV_CHANNEL_ORDER_UNSPEC || in_layout.nb_channels <= 0) {
    av_channel_layout_default(in.get(), in_layout.nb_channels);
  } else if (av_channel_layout_copy(in.get(), &in_layout) < 0) {
    return Status::Internal("cannot copy an FFmpeg channel layout (out of memory?)");
  }
  av_channel_layout_default(out.get(), out_channels);

  SwrContext* raw = nullptr;
  int err = swr_alloc_set_opts2(&raw, out.get(), AV_SAMPLE_FMT_FLTP, out_rate_hz, in.get(),
                                in_format, in_rate_hz, 0, nullptr);
  SwrContextPtr swr(raw);
  if (err < 0) {
    return Status::Internal("cannot configure swresample for " + std::to_string(in_rate_hz) +
                            " Hz -> " + std::to_string(out_rate_hz) + " Hz: " + ErrorText(err));
  }
  av_opt_set_double(swr.get(), "rematrix_maxval", 1.0, 0);
  err = swr_init(swr.get());
  if (err < 0) {
    return Status::Internal("cannot start swresample for " + std::to_string(in.get()->nb_channels) +
                            " channels at " + std::to_string(in_rate_hz) +
                            " Hz: " + ErrorText(err));
  }
  return swr;
}

}  // namespace ytl::ffmpeg
