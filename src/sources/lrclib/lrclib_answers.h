// LRCLIB's JSON answers (https://lrclib.net/docs), read defensively: any field may be missing,
// null or of another type, and the body may not be JSON at all. Pure functions; LrclibClient
// fetches the bodies.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"
#include "sources/lyrics_lookup.h"
#include "sources/song_metadata.h"

namespace ytl {

// The body of GET /api/get (one track object): its lyrics, synced over plain, or the
// instrumental mark; nullopt when the track has none of them. InvalidInput when the body is not
// a JSON object.
Result<std::optional<FoundLyrics>> ParseLrclibTrack(std::string_view body);

// The body of GET /api/search (an array of track objects): the best track for `song` (same
// artist, a length within `duration_tolerance_s` of the song's when it is known; synced over
// plain over instrumental, then the closest length); nullopt when none fits. InvalidInput when
// the body is not a JSON array.
Result<std::optional<FoundLyrics>> BestLrclibMatch(std::string_view body, const SongMetadata& song,
                                                   double duration_tolerance_s);

// A track object for `found`, as ParseLrclibTrack reads it back (the client's cache files).
std::string LrclibTrackJson(const FoundLyrics& found);

}  // namespace ytl
