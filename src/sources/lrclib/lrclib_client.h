// LrclibClient: LyricsLookup over LRCLIB's public API (https://lrclib.net/docs).
//
// Asks GET /api/get with the artist, track, album and duration (an exact match) and, when that
// finds nothing, GET /api/search with the artist and track, taking the best result whose length
// is within duration_tolerance_s of the song's (synced lyrics preferred over plain). Found
// answers are kept in cache_dir, so a repeated sync asks nothing.
#pragma once

#include <string>

#include "core/status.h"
#include "net/http_client.h"
#include "sources/lyrics_lookup.h"

namespace ytl {

struct LrclibConfig {
  // The service's base URL, without a trailing /api ("http://127.0.0.1:8080" for a mirror).
  std::string base_url = "https://lrclib.net";
  // Time limit of each request; LRCLIB is asked at most twice per song.
  double timeout_s = 10;
  // Search results whose length differs more than this from the song's are not taken.
  double duration_tolerance_s = 5;
  // Folder keeping found lyrics between runs (created when missing); empty: no cache.
  std::string cache_dir;

  // InvalidInput naming the field and the fix.
  Status Validate() const;
};

class LrclibClient : public LyricsLookup {
 public:
  // `http` must outlive the client. `config` must be valid.
  LrclibClient(LrclibConfig config, const net::HttpClient& http);

  Result<FoundLyrics> Find(const SongMetadata& song, const StageContext& ctx) const override;
  std::string_view name() const override { return "LRCLIB"; }

 private:
  Result<FoundLyrics> Ask(const SongMetadata& song, const StageContext& ctx) const;
  // nullopt when LRCLIB answered 404 (no such track).
  Result<std::optional<FoundLyrics>> GetExact(const SongMetadata& song,
                                              const StageContext& ctx) const;
  Result<std::optional<FoundLyrics>> Search(const SongMetadata& song,
                                            const StageContext& ctx) const;
  Result<net::HttpResponse> Fetch(const std::string& path_and_query, const StageContext& ctx) const;

  LrclibConfig config_;
  const net::HttpClient& http_;
};

}  // namespace ytl
