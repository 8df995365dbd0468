// Content-Type for a file by its extension (case-insensitive).
#pragma once

#include <string>
#include <string_view>

namespace ytl::http {

// "application/x-subrip" for "song.srt", text types with "; charset=utf-8";
// "application/octet-stream" when the extension is unknown.
std::string ContentTypeForPath(std::string_view path);

}  // namespace ytl::http
