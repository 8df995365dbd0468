// Builds swresample contexts that produce planar float audio.
#pragma once

#include "audio/ffmpeg_handles.h"
#include "core/status.h"

namespace ytl::ffmpeg {

// Returns an initialised SwrContext converting `in_layout` / `in_format` at
// `in_rate_hz` into planar float (AV_SAMPLE_FMT_FLTP) with `out_channels`
// channels (the default layout: mono or stereo) at `out_rate_hz`.
// An input layout with unspecified channel order gets the default layout for
// its channel count. Downmix gains are normalised so that each output channel's
// coefficients sum to at most 1: full-scale input stays within [-1, 1].
Result<SwrContextPtr> OpenPlanarFloatSwr(const AVChannelLayout& in_layout, AVSampleFormat in_format,
                                         int in_rate_hz, int out_channels, int out_rate_hz);

}  // namespace ytl::ffmpeg
