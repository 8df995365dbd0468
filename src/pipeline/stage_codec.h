// Byte encodings of the stage outputs the pipeline caches.
#pragma once

#include <string>
#include <string_view>

#include "audio/audio_buffer.h"
#include "core/status.h"
#include "vad/voice_activity.h"

namespace ytl {

// Audio as a small header (magic, rate, channels, frames) and float32 samples.
std::string EncodeAudio(const AudioBuffer& audio);
Result<AudioBuffer> DecodeAudio(std::string_view bytes);

// Vocal activity as JSON.
std::string EncodeActivity(const VocalActivity& activity);
Result<VocalActivity> DecodeActivity(std::string_view bytes);

}  // namespace ytl
