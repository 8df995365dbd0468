#include "audio/resampler.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>

#include "audio/ffmpeg_runtime.h"
#include "audio/swr_factory.h"

namespace ytl {
namespace {

constexpr int kMinRateHz = 1000;
constexpr int kMaxRateHz = 768000;
constexpr int kMaxInputChannels = 64;
// Input frames handed to swresample per call.
constexpr std::size_t kChunkFrames = 1 << 16;
// Output room past the expected length for swresample's filter tail.
constexpr std::size_t kTailSlackFrames = 4096;

Status CheckArguments(const AudioBuffer& in, int out_rate_hz, int out_channels) {
  if (out_rate_hz < kMinRateHz || out_rate_hz > kMaxRateHz) {
    return Status::InvalidInput("cannot resample to " + std::to_string(out_rate_hz) +
                                " Hz; choose a rate between 1000 and 768000 Hz");
  }
  if (out_channels != 1 && out_channels != 2) {
    return Status::InvalidInput("cannot resample to " + std::to_string(out_channels) +
                                " channels; choose 1 (mono) or 2 (stereo)");
  }
  if (in.sample_rate_hz < kMinRateHz || in.sample_rate_hz > kMaxRateHz) {
    return Status::InvalidInput("audio to resample has sample rate " +
                                std::to_string(in.sample_rate_hz) +
                                " Hz; set AudioBuffer::sample_rate_hz (1000 to 768000 Hz)");
  }
  if (in.channels.size() > static_cast<std::size_t>(kMaxInputChannels)) {
    return Status::InvalidInput("audio to resample has " + std::to_string(in.channels.size()) +
                                " channels; at most 64 are supported");
  }
  for (const auto& channel : in.channels) {
    if (channel.size() != in.frames()) {
      return Status::InvalidInput(
          "audio to resample has channels of different lengths; every channel must hold the "
          "same number of frames");
    }
  }
  return Status::Ok();
}

// Writes frames [begin, begin + count) of `in` to `out` as `out_channels`
// channels: averaged down, copied up (mono to both sides), or copied as is.
void MixFrames(const AudioBuffer& in, std::size_t begin, std::size_t count, int out_channels,
               std::vector<std::vector<float>>* out) {
  out->resize(static_cast<std::size_t>(out_channels));
  const std::size_t in_channels = in.channels.size();
  for (std::size_t c = 0; c < out->size(); ++c) {
    std::vector<float>& dest = (*out)[c];
    if (in_channels <= out->size()) {  // same count, or mono to stereo
      const auto& src = in.channels[std::min(c, in_channels - 1)];
      dest.assign(src.begin() + static_cast<std::ptrdiff_t>(begin),
                  src.begin() + static_cast<std::ptrdiff_t>(begin + count));
      continue;
    }
    dest.assign(count, 0.0f);
    const float gain = 1.0f / static_cast<float>(in_channels);
    for (const auto& src : in.channels) {
      for (std::size_t i = 0; i < count; ++i) dest[i] += src[begin + i] * gain;
    }
  }
}

// Runs `in` through `swr` a chunk at a time (whole-buffer calls make
// swresample copy the entire input) and fits the result to exactly `want`
// frames: swresample's output is aligned with its input, only the tail length
// can differ by a few frames.
Result<AudioBuffer> ConvertInChunks(SwrContext* swr, const AudioBuffer& in, int out_channels,
                                    int out_rate_hz, std::size_t want) {
  AudioBuffer out;
  out.sample_rate_hz = out_rate_hz;
  const std::size_t capacity = want + kTailSlackFrames;
  out.channels.assign(static_cast<std::size_t>(out_channels), std::vector<float>(capacity));
  std::vector<std::vector<float>> chunk;
  std::vector<const std::uint8_t*> in_planes(static_cast<std::size_t>(out_channels));
  std::vector<std::uint8_t*> out_planes(static_cast<std::size_t>(out_channels));
  std::size_t written = 0;
  for (std::size_t begin = 0;; begin += kChunkFrames) {
    const std::size_t count = begin < in.frames() ? std::min(kChunkFrames, in.frames() - begin) : 0;
    MixFrames(in, begin, count, out_channels, &chunk);
    for (std::size_t c = 0; c < chunk.size(); ++c) {
      in_planes[c] = reinterpret_cast<const std::uint8_t*>(chunk[c].data());
      out_planes[c] = reinterpret_cast<std::uint8_t*>(out.channels[c].data() + written);
    }
    const int converted = swr_convert(swr, out_planes.data(), static_cast<int>(capacity - written),
                                      count > 0 ? in_planes.data() : nullptr,
                                      static_cast<int>(count));  // count 0 drains
    if (converted < 0) {
      return Status::Internal("swresample failed converting audio at " +
                              std::to_string(in.sample_rate_hz) +
                              " Hz: " + ffmpeg::ErrorText(converted));
    }
    written += static_cast<std::size_t>(converted);
    if (count == 0) break;
  }
  for (auto& channel : out.channels) channel.resize(want, 0.0f);
  return out;
}

}  // namespace

Result<AudioBuffer> Resample(const AudioBuffer& in, int out_rate_hz, int out_channels) {
  YTL_RETURN_IF_ERROR(CheckArguments(in, out_rate_hz, out_channels));
  if (in.channels.empty() || in.frames() == 0) {
    AudioBuffer empty;
    empty.sample_rate_hz = out_rate_hz;
    empty.channels.assign(out_channels, {});
    return empty;
  }
  if (in.sample_rate_hz == out_rate_hz) {
    AudioBuffer out;
    out.sample_rate_hz = out_rate_hz;
    MixFrames(in, 0, in.frames(), out_channels, &out.channels);
    return out;
  }
  // Channels are mixed before swresample, which then only changes the rate.
  AVChannelLayout layout{};
  av_channel_layout_default(&layout, out_channels);
  auto swr = ffmpeg::OpenPlanarFloatSwr(layout, AV_SAMPLE_FMT_FLTP, in.sample_rate_hz, out_channels,
                                        out_rate_hz);
  if (!swr.ok()) return swr.status();
  const std::int64_t want = av_rescale_rnd(static_cast<std::int64_t>(in.frames()), out_rate_hz,
                                           in.sample_rate_hz, AV_ROUND_NEAR_INF);
  return ConvertInChunks(swr->get(), in, out_channels, out_rate_hz, static_cast<std::size_t>(want));
}

}  // namespace ytl
