// LyricsLookup: finds a song's lyrics in an online database from its metadata. One
// implementation per database (lrclib/lrclib_client.h); the pipeline asks it when the user gave
// no lyrics.
#pragma once

#include <string>
#include <string_view>

#include "core/progress.h"
#include "core/status.h"
#include "sources/song_metadata.h"

namespace ytl {

struct FoundLyrics {
  enum class Kind {
    kSynced,        // `text` is LRC with a "[mm:ss.xx]" tag on every line
    kPlain,         // `text` is a plain lyric sheet
    kInstrumental,  // the database says the track has no vocals; `text` is empty
  };
  Kind kind = Kind::kPlain;
  std::string text;
  SongMetadata song;      // as the database names the match
  std::string reference;  // where it came from, for messages: "LRCLIB track 123"
};

class LyricsLookup {
 public:
  virtual ~LyricsLookup() = default;

  // Looks `song` up (song.searchable() must hold). NotFound when the database has no match;
  // Unavailable, DeadlineExceeded or InvalidInput (a malformed answer) when it could not be
  // asked; Cancelled when `ctx` is. Safe to call from several threads.
  virtual Result<FoundLyrics> Find(const SongMetadata& song, const StageContext& ctx) const = 0;

  // The database's name for messages: "LRCLIB".
  virtual std::string_view name() const = 0;
};

}  // namespace ytl
