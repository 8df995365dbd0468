// What yt-dlp tells about a downloaded song.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace ytl {

// Metadata of an online video or track, from yt-dlp's info JSON. Fields the
// site does not provide stay empty (or 0 for the duration).
struct MediaInfo {
  std::string id;      // the site's id of the video
  std::string title;   // video title
  std::string artist;  // music metadata, when the site has it
  std::string track;   // song name, when the site has it
  std::string album;
  std::string uploader;  // channel or account name
  double duration_s = 0;

  // "Artist - Track" when both are known, else the title, else the id.
  std::string DisplayName() const;
};

// Parses one yt-dlp info JSON object (as printed by --dump-json or written by
// --write-info-json). Missing or wrongly typed fields are left at their
// defaults; only text that is not a JSON object is an error (InvalidInput).
Result<MediaInfo> ParseMediaInfoJson(std::string_view json);

}  // namespace ytl
