#include "separation/passthrough_separator.h"

#include <string>
#include <vector>

namespace ytl {

Result<AudioBuffer> PassthroughSeparator::Separate(const AudioBuffer& mix,
                                                   const StageContext& ctx) const {
  if (mix.channels.empty()) {
    return Status::InvalidInput("separator input has no channels; decode the audio first");
  }
  const std::size_t frames = mix.frames();
  for (const std::vector<float>& channel : mix.channels) {
    if (channel.size() != frames) {
      return Status::InvalidInput("separator input channels differ in length (" +
                                  std::to_string(frames) + " vs " + std::to_string(channel.size()) +
                                  " samples)");
    }
  }
  if (ctx.cancelled()) return Status::Cancelled("separation cancelled");
  AudioBuffer mono;
  mono.sample_rate_hz = mix.sample_rate_hz;
  mono.channels.assign(1, std::vector<float>(frames, 0.0f));
  const float scale = 1.0f / static_cast<float>(mix.channels.size());
  for (const std::vector<float>& channel : mix.channels) {
    for (std::size_t i = 0; i < frames; ++i) mono.channels[0][i] += channel[i] * scale;
  }
  ctx.Report("separate", 1.0);
  return mono;
}

}  // namespace ytl
