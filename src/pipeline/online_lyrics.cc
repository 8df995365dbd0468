#include "pipeline/online_lyrics.h"

#include "sources/file_tags.h"

namespace ytl {
namespace {

void Note(std::vector<std::string>* notes, std::string text) {
  if (notes != nullptr) notes->push_back(std::move(text));
}

std::string_view KindName(FoundLyrics::Kind kind) {
  switch (kind) {
    case FoundLyrics::Kind::kSynced:
      return "line-synced lyrics";
    case FoundLyrics::Kind::kPlain:
      return "plain lyrics";
    case FoundLyrics::Kind::kInstrumental:
      return "an instrumental";
  }
  return "lyrics";
}

}  // namespace

SongMetadata SongMetadataOf(const ResolvedSource& source, const SongMetadata& hint) {
  SongMetadata song;
  if (source.info) song = MetadataFromMediaInfo(*source.info);
  if (!song.searchable()) {
    auto tags = ReadFileTags(source.audio_path);
    if (tags.ok()) {
      SongMetadata tagged = MetadataFromTags(tags->tags, tags->duration_s);
      if (tagged.searchable() || !source.info) song = WithOverrides(song, tagged);
    }
  }
  return WithOverrides(song, hint);
}

Result<std::optional<OnlineLyrics>> FindOnlineLyrics(const LyricsLookup& lookup,
                                                     const SongMetadata& song,
                                                     const ParseOptions& parse,
                                                     const StageContext& ctx,
                                                     std::vector<std::string>* notes) {
  const std::string service(lookup.name());
  if (!song.searchable()) {
    Note(notes, "the song's artist and title are unknown (got \"" + song.DisplayName() +
                    "\"), so " + service +
                    " was not asked; pass --artist and --title to look the lyrics up");
    return std::optional<OnlineLyrics>();
  }
  ctx.Report("lyrics", 0.0);
  auto found = lookup.Find(song, ctx);
  ctx.Report("lyrics", 1.0);
  if (!found.ok()) {
    if (found.status().code() == Status::Code::kCancelled) return found.status();
    Note(notes, found.status().message());
    return std::optional<OnlineLyrics>();
  }
  OnlineLyrics online;
  online.song = found->song;
  online.reference = found->reference;
  online.text = found->text;
  Note(notes, service + " has " + std::string(KindName(found->kind)) + " for \"" +
                  found->song.DisplayName() + "\" (" + found->reference + ")");
  if (found->kind == FoundLyrics::Kind::kInstrumental) return std::optional(std::move(online));
  auto sheet =
      ParseLyricSheet(found->text, service + " lyrics of " + found->song.DisplayName(), parse);
  if (!sheet.ok()) {
    Note(notes, "those lyrics cannot be used: " + sheet.status().message());
    return std::optional<OnlineLyrics>();
  }
  online.sheet = std::move(sheet).value();
  return std::optional(std::move(online));
}

}  // namespace ytl
