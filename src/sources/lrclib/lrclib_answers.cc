#include "sources/lrclib/lrclib_answers.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <nlohmann/json.hpp>
#include <string>

namespace ytl {
namespace {

using nlohmann::json;

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string StringField(const json& track, const char* key) {
  const auto it = track.find(key);
  return it != track.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// A finite number or 0: LRCLIB's JSON may carry anything, and JSON has no NaN, but a huge
// exponent parses to infinity.
double NumberField(const json& track, const char* key) {
  const auto it = track.find(key);
  const double value = it != track.end() && it->is_number() ? it->get<double>() : 0.0;
  return std::isfinite(value) ? value : 0.0;
}

std::optional<FoundLyrics> TrackToLyrics(const json& track) {
  FoundLyrics found;
  found.song.artist = StringField(track, "artistName");
  found.song.title = StringField(track, "trackName");
  found.song.album = StringField(track, "albumName");
  found.song.duration_s = NumberField(track, "duration");
  const auto id = track.find("id");
  found.reference = "LRCLIB track " + (id != track.end() && id->is_number_integer()
                                           ? std::to_string(id->get<long long>())
                                           : found.song.DisplayName());
  const auto instrumental = track.find("instrumental");
  const std::string synced = StringField(track, "syncedLyrics");
  const std::string plain = StringField(track, "plainLyrics");
  if (instrumental != track.end() && instrumental->is_boolean() && instrumental->get<bool>()) {
    found.kind = FoundLyrics::Kind::kInstrumental;
  } else if (!synced.empty()) {
    found.kind = FoundLyrics::Kind::kSynced;
    found.text = synced;
  } else if (!plain.empty()) {
    found.kind = FoundLyrics::Kind::kPlain;
    found.text = plain;
  } else {
    return std::nullopt;
  }
  return found;
}

// Higher is better: synced over plain over instrumental, then the closest length.
double MatchScore(const FoundLyrics& found, const SongMetadata& song) {
  double score = found.kind == FoundLyrics::Kind::kSynced  ? 2
                 : found.kind == FoundLyrics::Kind::kPlain ? 1
                                                           : 0;
  if (song.duration_s > 0) score -= std::abs(found.song.duration_s - song.duration_s) / 1000.0;
  return score;
}

bool SameArtist(const std::string& a, const std::string& b) {
  const std::string x = Lower(a), y = Lower(b);
  return x.find(y) != std::string::npos || y.find(x) != std::string::npos;
}

}  // namespace

Result<std::optional<FoundLyrics>> ParseLrclibTrack(std::string_view body) {
  const json track = json::parse(body, nullptr, false);
  if (!track.is_object()) return Status::InvalidInput("not a JSON track object");
  return TrackToLyrics(track);
}

Result<std::optional<FoundLyrics>> BestLrclibMatch(std::string_view body, const SongMetadata& song,
                                                   double duration_tolerance_s) {
  const json tracks = json::parse(body, nullptr, false);
  if (!tracks.is_array()) return Status::InvalidInput("not a JSON array of tracks");
  std::optional<FoundLyrics> best;
  for (const json& track : tracks) {
    if (!track.is_object()) continue;
    auto found = TrackToLyrics(track);
    if (!found || !SameArtist(found->song.artist, song.artist)) continue;
    if (song.duration_s > 0 &&
        std::abs(found->song.duration_s - song.duration_s) > duration_tolerance_s) {
      continue;
    }
    if (!best || MatchScore(*found, song) > MatchScore(*best, song)) best = std::move(found);
  }
  return best;
}

std::string LrclibTrackJson(const FoundLyrics& found) {
  const json track = {{"artistName", found.song.artist},
                      {"trackName", found.song.title},
                      {"albumName", found.song.album},
                      {"duration", found.song.duration_s},
                      {"instrumental", found.kind == FoundLyrics::Kind::kInstrumental},
                      {"syncedLyrics", found.kind == FoundLyrics::Kind::kSynced ? found.text : ""},
                      {"plainLyrics", found.kind == FoundLyrics::Kind::kPlain ? found.text : ""}};
  return track.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace ytl
