#include "sources/lrclib/lrclib_client.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/content_hash.h"
#include "sources/lrclib/lrclib_answers.h"

namespace ytl {
namespace {

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string CacheKey(const SongMetadata& song) {
  return Sha256Hex(Lower(song.artist) + "\n" + Lower(song.title) + "\n" + Lower(song.album) + "\n" +
                   std::to_string(std::lround(song.duration_s)));
}

Status MalformedAnswer(const std::string& url, std::string_view what) {
  return Status::Unavailable("LRCLIB at " + url + " answered " + std::string(what) +
                             ", not its JSON; check --lrclib-url points at an LRCLIB server");
}

}  // namespace

Status LrclibConfig::Validate() const {
  if (!base_url.starts_with("http://") && !base_url.starts_with("https://")) {
    return Status::InvalidInput("LRCLIB URL \"" + base_url +
                                "\" is not an http(s) URL; give one such as https://lrclib.net "
                                "(--lrclib-url)");
  }
  if (!(timeout_s > 0)) {
    return Status::InvalidInput("LrclibConfig::timeout_s must be a positive number of seconds");
  }
  if (!(duration_tolerance_s >= 0)) {
    return Status::InvalidInput(
        "LrclibConfig::duration_tolerance_s must be 0 or more seconds (default 5)");
  }
  return Status::Ok();
}

LrclibClient::LrclibClient(LrclibConfig config, const net::HttpClient& http)
    : config_(std::move(config)), http_(http) {
  while (config_.base_url.ends_with('/')) config_.base_url.pop_back();
}

Result<net::HttpResponse> LrclibClient::Fetch(const std::string& path_and_query,
                                              const StageContext& ctx) const {
  net::HttpRequest request;
  request.url = config_.base_url + path_and_query;
  request.timeout_s = config_.timeout_s;
  request.connect_timeout_s = std::min(config_.timeout_s, 10.0);
  request.cancel = ctx.cancel;
  request.headers = {{"Accept", "application/json"}};
  auto response = http_.Send(request);
  if (!response.ok()) return response;
  if (response->status >= 500 || (response->status >= 300 && response->status != 404)) {
    return Status::Unavailable("LRCLIB at " + request.url + " answered HTTP " +
                               std::to_string(response->status) + "; try again later");
  }
  return response;
}

Result<std::optional<FoundLyrics>> LrclibClient::GetExact(const SongMetadata& song,
                                                          const StageContext& ctx) const {
  const std::string query =
      net::QueryString({{"artist_name", song.artist},
                        {"track_name", song.title},
                        {"album_name", song.album},
                        {"duration", std::to_string(std::lround(song.duration_s))}});
  auto response = Fetch("/api/get?" + query, ctx);
  if (!response.ok()) return response.status();
  if (response->status == 404) return std::optional<FoundLyrics>();
  auto found = ParseLrclibTrack(response->body);
  if (!found.ok()) return MalformedAnswer(config_.base_url + "/api/get", "malformed JSON");
  return found;
}

Result<std::optional<FoundLyrics>> LrclibClient::Search(const SongMetadata& song,
                                                        const StageContext& ctx) const {
  const std::string query =
      net::QueryString({{"track_name", song.title}, {"artist_name", song.artist}});
  auto response = Fetch("/api/search?" + query, ctx);
  if (!response.ok()) return response.status();
  if (response->status == 404) return std::optional<FoundLyrics>();
  auto best = BestLrclibMatch(response->body, song, config_.duration_tolerance_s);
  if (!best.ok()) return MalformedAnswer(config_.base_url + "/api/search", "malformed JSON");
  return best;
}

Result<FoundLyrics> LrclibClient::Ask(const SongMetadata& song, const StageContext& ctx) const {
  if (song.duration_s > 0) {
    auto exact = GetExact(song, ctx);
    if (!exact.ok()) return exact.status();
    if (exact->has_value()) return std::move(**exact);
  }
  auto searched = Search(song, ctx);
  if (!searched.ok()) return searched.status();
  if (searched->has_value()) return std::move(**searched);
  return Status::NotFound("LRCLIB has no lyrics for \"" + song.DisplayName() +
                          "\"; pass --lyrics FILE, or --artist/--title if the name is wrong");
}

Result<FoundLyrics> LrclibClient::Find(const SongMetadata& song, const StageContext& ctx) const {
  if (!song.searchable()) {
    return Status::InvalidInput("cannot look lyrics up without an artist and a title (got \"" +
                                song.DisplayName() + "\"); pass --artist and --title");
  }
  namespace fs = std::filesystem;
  const fs::path cached = config_.cache_dir.empty()
                              ? fs::path()
                              : fs::path(config_.cache_dir) / (CacheKey(song) + ".json");
  if (!cached.empty()) {
    if (std::ifstream in(cached, std::ios::binary); in) {
      std::ostringstream bytes;
      bytes << in.rdbuf();
      auto found = ParseLrclibTrack(bytes.str());
      if (found.ok() && found->has_value()) return std::move(**found);
    }
  }
  auto found = Ask(song, ctx);
  if (found.ok() && !cached.empty()) {
    std::error_code error;
    fs::create_directories(cached.parent_path(), error);
    const fs::path temp = cached.string() + ".tmp";
    std::ofstream(temp, std::ios::binary | std::ios::trunc) << LrclibTrackJson(*found);
    fs::rename(temp, cached, error);
  }
  return found;
}

}  // namespace ytl
