#include "http/content_type.h"

#include <array>
#include <cctype>
#include <utility>

namespace ytl::http {

std::string ContentTypeForPath(std::string_view path) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 22> kTypes = {{
      {"lrc", "text/plain; charset=utf-8"},
      {"txt", "text/plain; charset=utf-8"},
      {"srt", "application/x-subrip; charset=utf-8"},
      {"vtt", "text/vtt; charset=utf-8"},
      {"ass", "text/x-ssa; charset=utf-8"},
      {"json", "application/json"},
      {"html", "text/html; charset=utf-8"},
      {"css", "text/css; charset=utf-8"},
      {"js", "text/javascript; charset=utf-8"},
      {"svg", "image/svg+xml"},
      {"png", "image/png"},
      {"ico", "image/x-icon"},
      {"wav", "audio/wav"},
      {"mp3", "audio/mpeg"},
      {"m4a", "audio/mp4"},
      {"ogg", "audio/ogg"},
      {"opus", "audio/ogg"},
      {"flac", "audio/flac"},
      {"webm", "video/webm"},
      {"mp4", "video/mp4"},
      {"mkv", "video/x-matroska"},
      {"zip", "application/zip"},
  }};
  const std::size_t slash = path.find_last_of('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const std::size_t dot = name.find_last_of('.');
  if (dot != std::string_view::npos) {
    std::string ext(name.substr(dot + 1));
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const auto& [known, type] : kTypes) {
      if (known == ext) return std::string(type);
    }
  }
  return "application/octet-stream";
}

}  // namespace ytl::http
