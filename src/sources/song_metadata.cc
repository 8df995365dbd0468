#include "sources/song_metadata.h"

#include "sources/song_title.h"

namespace ytl {
namespace {

std::string TagValue(const std::map<std::string, std::string>& tags, const char* key) {
  const auto it = tags.find(key);
  return it == tags.end() ? std::string() : it->second;
}

// The first artist of a list: "A feat. B" and "A, B" -> "A" (lyrics databases file songs under
// the main artist); "A & B" stays, as duos are often filed that way.
std::string MainArtist(std::string artist) {
  for (std::string_view marker : {" feat. ", " ft. ", " featuring ", ", "}) {
    const std::size_t at = artist.find(marker);
    if (at != std::string::npos && at > 0) artist.resize(at);
  }
  return artist;
}

}  // namespace

std::string SongMetadata::DisplayName() const {
  if (artist.empty()) return title;
  return artist + " - " + title;
}

SongMetadata MetadataFromMediaInfo(const MediaInfo& info) {
  SongMetadata song;
  song.album = info.album;
  song.duration_s = info.duration_s;
  if (!info.track.empty() && !info.artist.empty()) {
    song.artist = MainArtist(info.artist);
    song.title = CleanSongTitle(info.track);
    return song;
  }
  ArtistTitle split = SplitArtistTitle(info.title);
  song.title = info.track.empty() ? split.title : CleanSongTitle(info.track);
  song.artist = !info.artist.empty()    ? MainArtist(info.artist)
                : !split.artist.empty() ? MainArtist(split.artist)
                                        : ArtistFromUploader(info.uploader);
  return song;
}

SongMetadata MetadataFromTags(const std::map<std::string, std::string>& tags, double duration_s) {
  SongMetadata song;
  song.duration_s = duration_s;
  song.album = TagValue(tags, "album");
  std::string artist = TagValue(tags, "artist");
  if (artist.empty()) artist = TagValue(tags, "album_artist");
  const std::string title = TagValue(tags, "title");
  if (artist.empty()) {
    ArtistTitle split = SplitArtistTitle(title);
    song.artist = MainArtist(split.artist);
    song.title = split.title;
  } else {
    song.artist = MainArtist(artist);
    song.title = CleanSongTitle(title);
  }
  return song;
}

SongMetadata WithOverrides(SongMetadata base, const SongMetadata& overrides) {
  if (!overrides.artist.empty()) base.artist = overrides.artist;
  if (!overrides.title.empty()) base.title = overrides.title;
  if (!overrides.album.empty()) base.album = overrides.album;
  if (overrides.duration_s > 0) base.duration_s = overrides.duration_s;
  return base;
}

}  // namespace ytl
