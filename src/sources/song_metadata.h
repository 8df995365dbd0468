// What a lyrics database needs to find a song: artist, title, album and length, gathered from
// yt-dlp's info, the file's tags, or the user's --artist / --title.
#pragma once

#include <map>
#include <string>

#include "sources/media_info.h"

namespace ytl {

struct SongMetadata {
  std::string artist;
  std::string title;
  std::string album;      // empty when unknown
  double duration_s = 0;  // 0 when unknown

  // Artist and title are both known: enough to look the lyrics up.
  bool searchable() const { return !artist.empty() && !title.empty(); }
  // "Artist - Title" for messages.
  std::string DisplayName() const;
};

// From yt-dlp: its music fields (artist, track, album) when the site gives them, otherwise the
// video title split into artist and song with the "(Official Video)" noise removed, and the
// uploader as the artist when the title names none.
SongMetadata MetadataFromMediaInfo(const MediaInfo& info);

// From container tags with lower-case keys (artist, album_artist, title, album), as the decoder
// and ReadFileTags give them; a title like "Artist - Song" with no artist tag is split.
SongMetadata MetadataFromTags(const std::map<std::string, std::string>& tags, double duration_s);

// `base` with every non-empty field of `overrides` (and a positive duration) put in its place.
SongMetadata WithOverrides(SongMetadata base, const SongMetadata& overrides);

}  // namespace ytl
