// A cheap check that uploaded bytes look like an audio or video container, so that a text file
// or an image is refused at submission instead of failing later in the decoder.
#pragma once

#include <string_view>

namespace ytl::api {

// True when `bytes` start like WAV, MP3 (ID3 or frame sync), FLAC, Ogg, MP4/M4A, Matroska/WebM,
// AIFF, CAF or ASF.
bool LooksLikeMedia(std::string_view bytes);

}  // namespace ytl::api
