// The no-lyrics route's first try: the song's metadata -> a lyrics database (LRCLIB) -> a lyric
// sheet to align. When it finds nothing usable the pipeline transcribes instead.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/progress.h"
#include "lyrics/lyric_sheet_parser.h"
#include "sources/lyrics_lookup.h"
#include "sources/song_metadata.h"
#include "sources/source.h"

namespace ytl {

struct OnlineLyrics {
  std::optional<LyricSheet> sheet;  // to align; absent when the track is instrumental
  std::string text;                 // the sheet as found (LRC for synced lyrics)
  SongMetadata song;                // the database's match
  std::string reference;            // "LRCLIB track 123"
};

// What is known of the song: yt-dlp's info for URLs, the file's tags otherwise (and for
// downloads that carry tags), with the user's non-empty `hint` fields (--artist, --title) on top.
SongMetadata SongMetadataOf(const ResolvedSource& source, const SongMetadata& hint);

// Looks `song` up with `lookup` and parses what it finds (synced lyrics keep their line times as
// start hints). nullopt when there is nothing to align: no artist or title known, not found, the
// service failing, or lyrics that do not parse; each case appends a line saying why to `notes`
// (may be null). Cancelled only when `ctx` is.
Result<std::optional<OnlineLyrics>> FindOnlineLyrics(const LyricsLookup& lookup,
                                                     const SongMetadata& song,
                                                     const ParseOptions& parse,
                                                     const StageContext& ctx,
                                                     std::vector<std::string>* notes);

}  // namespace ytl
