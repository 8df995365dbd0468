// Turns video titles and channel names into the artist and song name a lyrics database knows:
// "Artist - Title (Official Video) [HD]" -> {"Artist", "Title"}.
#pragma once

#include <string>
#include <string_view>

namespace ytl {

struct ArtistTitle {
  std::string artist;  // empty when the title names none
  std::string title;
};

// `title` without the decorations uploaders add: bracketed "(Official Music Video)", "[Lyrics]",
// "(Audio)", "(HD)", "[4K]", "(Visualizer)", "(Remastered 2011)", "(feat. X)"; trailing
// " ft. X", " | Channel" and "- Official Video"; quotes around the whole name. Spaces collapsed.
// Brackets that are part of the song name ("(I Can't Get No) Satisfaction") are kept.
std::string CleanSongTitle(std::string_view title);

// Splits "Artist - Title" (also with an en or em dash, or "Artist: Title" is not split) into
// its parts, cleaning the title with CleanSongTitle; a title with no separator gives an empty
// artist. `Artist "Title"` (the song name in quotes) is also split.
ArtistTitle SplitArtistTitle(std::string_view video_title);

// A channel name as an artist: "ArtistVEVO" -> "Artist", "Artist - Topic" -> "Artist",
// "Artist Official" -> "Artist".
std::string ArtistFromUploader(std::string_view uploader);

}  // namespace ytl
