#include "sources/media_info.h"

#include <nlohmann/json.hpp>

namespace ytl {
namespace {

std::string StringField(const nlohmann::json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end() || !it->is_string()) return {};
  return it->get<std::string>();
}

double NumberField(const nlohmann::json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end() || !it->is_number()) return 0;
  return it->get<double>();
}

}  // namespace

std::string MediaInfo::DisplayName() const {
  if (!artist.empty() && !track.empty()) return artist + " - " + track;
  if (!title.empty()) return title;
  return id;
}

Result<MediaInfo> ParseMediaInfoJson(std::string_view json) {
  nlohmann::json obj = nlohmann::json::parse(json, /*cb=*/nullptr, /*allow_exceptions=*/false);
  if (!obj.is_object()) {
    return Status::InvalidInput("yt-dlp printed info that is not a JSON object (" +
                                std::to_string(json.size()) +
                                " bytes); update yt-dlp (yt-dlp -U) and retry");
  }
  MediaInfo info;
  info.id = StringField(obj, "id");
  info.title = StringField(obj, "title");
  info.artist = StringField(obj, "artist");
  if (info.artist.empty()) info.artist = StringField(obj, "creator");
  info.track = StringField(obj, "track");
  info.album = StringField(obj, "album");
  info.uploader = StringField(obj, "uploader");
  info.duration_s = NumberField(obj, "duration");
  return info;
}

}  // namespace ytl
