// LRCLIB's answers: ParseLrclibTrack (GET /api/get) and BestLrclibMatch (GET /api/search) on
// arbitrary bytes, and the client's cache file written from what was found and read back.
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_check.h"
#include "sources/lrclib/lrclib_answers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(bytes), size);
  const auto track = ytl::ParseLrclibTrack(body);
  if (!track.ok()) {
    FUZZ_CHECK(track.status().code() == ytl::Status::Code::kInvalidInput, "%s",
               track.status().ToString().c_str());
  } else if (track->has_value()) {
    const ytl::FoundLyrics& found = **track;
    FUZZ_CHECK(found.kind == ytl::FoundLyrics::Kind::kInstrumental || !found.text.empty(),
               "lyrics found without text");
    const auto cached = ytl::ParseLrclibTrack(ytl::LrclibTrackJson(found));
    FUZZ_CHECK(cached.ok() && cached->has_value(), "the cache file of a found track is unreadable");
    FUZZ_CHECK((*cached)->kind == found.kind, "the cache file changed the kind of lyrics");
  }
  ytl::SongMetadata song;
  song.artist = "Artist";
  song.title = "Title";
  song.duration_s = 200;
  const auto best = ytl::BestLrclibMatch(body, song, 5);
  if (!best.ok()) {
    FUZZ_CHECK(best.status().code() == ytl::Status::Code::kInvalidInput, "%s",
               best.status().ToString().c_str());
  } else if (best->has_value()) {
    const double d = (*best)->song.duration_s;
    FUZZ_CHECK(d >= 195 && d <= 205, "a match 5 s off was taken: %f", d);
  }
  return 0;
}
