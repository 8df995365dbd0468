#include "api/audio_sniff.h"

namespace ytl::api {

bool LooksLikeMedia(std::string_view b) {
  const auto starts = [b](std::string_view magic, std::size_t at = 0) {
    return b.size() >= at + magic.size() && b.substr(at, magic.size()) == magic;
  };
  if (starts("RIFF") && (starts("WAVE", 8) || starts("AVI ", 8))) return true;
  if (starts("ID3") || starts("fLaC") || starts("OggS") || starts("FORM") || starts("caff")) {
    return true;
  }
  if (starts("ftyp", 4)) return true;
  if (starts("\x1A\x45\xDF\xA3")) return true;
  if (starts("\x30\x26\xB2\x75")) return true;  // ASF / WMA
  if (b.size() >= 2 && static_cast<unsigned char>(b[0]) == 0xFF &&
      (static_cast<unsigned char>(b[1]) & 0xE0) == 0xE0) {
    return true;  // MPEG audio frame sync or ADTS AAC
  }
  return false;
}

}  // namespace ytl::api
