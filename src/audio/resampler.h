// Sample-rate and channel-count conversion of decoded audio (swresample).
#pragma once

#include "audio/audio_buffer.h"
#include "core/status.h"

namespace ytl {

// Returns `in` converted to `out_rate_hz` and `out_channels` (1 or 2), e.g.
// separated vocals at 44.1 kHz into the 16 kHz mono the recognisers read.
//
// The output has exactly round(in.frames() * out_rate_hz / in.sample_rate_hz)
// frames and is aligned with the input (the filter delay is compensated), so
// times in seconds mean the same thing in both buffers. Downmixing averages
// channels (stereo to mono is (L + R) / 2); upmixing copies mono to both sides.
// An empty input gives an empty output at the new rate.
// Errors: InvalidInput when `in` has no sample rate, ragged channels or more
// than 64 channels, or when the requested rate or channel count is out of range.
// Thread-safe: shares no state between calls.
Result<AudioBuffer> Resample(const AudioBuffer& in, int out_rate_hz, int out_channels);

}  // namespace ytl
