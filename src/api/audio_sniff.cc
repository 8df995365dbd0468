#include "api/audio_sniff.h"

namespace ytl::api {

std::string_view MediaContentType(std::string_view b) {
  const auto starts = [b](std::string_view magic, std::size_t at = 0) {
    return b.size() >= at + magic.size() && b.substr(at, magic.size()) == magic;
  };
  if (starts("RIFF") && starts("WAVE", 8)) return "audio/wav";
  if (starts("RIFF") && starts("AVI ", 8)) return "video/x-msvideo";
  if (starts("ID3")) return "audio/mpeg";
  if (starts("fLaC")) return "audio/flac";
  if (starts("OggS")) return "audio/ogg";
  if (starts("FORM")) return "audio/aiff";
  if (starts("caff")) return "audio/x-caf";
  if (starts("ftyp", 4)) return "audio/mp4";
  if (starts("\x1A\x45\xDF\xA3")) return "video/webm";
  if (starts("\x30\x26\xB2\x75")) return "audio/x-ms-wma";  // ASF
  if (b.size() >= 2 && static_cast<unsigned char>(b[0]) == 0xFF &&
      (static_cast<unsigned char>(b[1]) & 0xE0) == 0xE0) {
    // MPEG audio frame sync; ADTS AAC has layer bits 00.
    return (static_cast<unsigned char>(b[1]) & 0x06) == 0 ? "audio/aac" : "audio/mpeg";
  }
  return "";
}

bool LooksLikeMedia(std::string_view bytes) { return !MediaContentType(bytes).empty(); }

}  // namespace ytl::api
