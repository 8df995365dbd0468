// A cheap check that uploaded bytes look like an audio or video container, so that a text file
// or an image is refused at submission instead of failing later in the decoder; and the
// Content-Type to play such bytes with.
#pragma once

#include <string_view>

namespace ytl::api {

// The Content-Type of a file starting with `head` (its first 12 bytes suffice): "audio/wav",
// "audio/mpeg", "audio/flac", "audio/ogg", "audio/mp4", "video/webm", "audio/aiff",
// "audio/x-caf", "audio/x-ms-wma", "video/x-msvideo"; "" when the bytes look like no media.
std::string_view MediaContentType(std::string_view head);

// True when `bytes` start like WAV, MP3 (ID3 or frame sync), FLAC, Ogg, MP4/M4A, Matroska/WebM,
// AIFF, CAF or ASF.
bool LooksLikeMedia(std::string_view bytes);

}  // namespace ytl::api
