// The no-lyrics route's lookup: metadata from the source, a lyrics database, a sheet with hints.
#include "pipeline/online_lyrics.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

namespace ytl {
namespace {

// A LyricsLookup answering from memory, recording what it was asked.
class FakeLookup : public LyricsLookup {
 public:
  Result<FoundLyrics> answer = Status::NotFound("LRCLIB has no lyrics for that song");
  mutable std::vector<SongMetadata> asked;

  Result<FoundLyrics> Find(const SongMetadata& song, const StageContext&) const override {
    asked.push_back(song);
    return answer;
  }
  std::string_view name() const override { return "LRCLIB"; }
};

SongMetadata Song() {
  SongMetadata song;
  song.artist = "Queen";
  song.title = "Bohemian Rhapsody";
  song.duration_s = 354;
  return song;
}

FoundLyrics Found(FoundLyrics::Kind kind, std::string text) {
  FoundLyrics found;
  found.kind = kind;
  found.text = std::move(text);
  found.song = Song();
  found.reference = "LRCLIB track 1";
  return found;
}

Result<std::optional<OnlineLyrics>> Find(const FakeLookup& lookup, const SongMetadata& song,
                                         std::vector<std::string>* notes) {
  NullProgress progress;
  return FindOnlineLyrics(lookup, song, ParseOptions{}, StageContext{&progress, nullptr}, notes);
}

TEST(OnlineLyrics, SyncedLyricsBecomeASheetWithLineHints) {
  FakeLookup lookup;
  lookup.answer = Found(FoundLyrics::Kind::kSynced,
                        "[00:15.10] Is this the real life\n"
                        "[00:18.90] Is this just fantasy\n");
  std::vector<std::string> notes;
  auto online = Find(lookup, Song(), &notes);
  ASSERT_TRUE(online.ok());
  ASSERT_TRUE(online->has_value());
  const LyricSheet& sheet = *(*online)->sheet;
  ASSERT_EQ(sheet.lines.size(), 2u);
  EXPECT_DOUBLE_EQ(*sheet.lines[1].start_hint_s, 18.9);
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_NE(notes[0].find("line-synced lyrics"), std::string::npos);
  EXPECT_NE(notes[0].find("LRCLIB track 1"), std::string::npos);
}

TEST(OnlineLyrics, InstrumentalGivesNoSheet) {
  FakeLookup lookup;
  lookup.answer = Found(FoundLyrics::Kind::kInstrumental, "");
  auto online = Find(lookup, Song(), nullptr);
  ASSERT_TRUE(online.ok());
  ASSERT_TRUE(online->has_value());
  EXPECT_FALSE((*online)->sheet.has_value());
}

TEST(OnlineLyrics, NotFoundUnsearchableAndUnusableSayWhy) {
  FakeLookup lookup;
  std::vector<std::string> notes;
  auto missing = Find(lookup, Song(), &notes);
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(missing->has_value());
  SongMetadata untitled;
  untitled.artist = "Queen";
  auto unsearchable = Find(lookup, untitled, &notes);
  ASSERT_TRUE(unsearchable.ok());
  EXPECT_FALSE(unsearchable->has_value());
  EXPECT_EQ(lookup.asked.size(), 1u);  // not asked without a title
  lookup.answer = Found(FoundLyrics::Kind::kPlain, "... ...\n");
  auto unusable = Find(lookup, Song(), &notes);
  ASSERT_TRUE(unusable.ok());
  EXPECT_FALSE(unusable->has_value());
  ASSERT_EQ(notes.size(), 4u);
  EXPECT_NE(notes[0].find("no lyrics"), std::string::npos);
  EXPECT_NE(notes[1].find("--artist and --title"), std::string::npos);
  EXPECT_NE(notes[3].find("cannot be used"), std::string::npos);
}

TEST(OnlineLyrics, CancellationIsAnError) {
  FakeLookup lookup;
  lookup.answer = Status::Cancelled("stopped");
  auto online = Find(lookup, Song(), nullptr);
  ASSERT_FALSE(online.ok());
  EXPECT_EQ(online.status().code(), Status::Code::kCancelled);
}

TEST(OnlineLyrics, MetadataComesFromFileTagsThenTheUsersHint) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("ytl_online_lyrics_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "tagged.mp3").string();
  const std::string command =
      "ffmpeg -nostdin -loglevel error -y -f lavfi -i sine=frequency=440:duration=2 "
      "-metadata artist='Queen' -metadata title='Bohemian Rhapsody (Remastered 2011)' '" +
      path + "'";
  if (std::system(command.c_str()) != 0) {
    std::filesystem::remove_all(dir);
    GTEST_SKIP() << "ffmpeg could not make a tagged mp3";
  }
  ResolvedSource source;
  source.audio_path = path;
  const SongMetadata tagged = SongMetadataOf(source, {});
  EXPECT_EQ(tagged.DisplayName(), "Queen - Bohemian Rhapsody");
  EXPECT_NEAR(tagged.duration_s, 2.0, 0.2);
  SongMetadata hint;
  hint.title = "Love of My Life";
  EXPECT_EQ(SongMetadataOf(source, hint).DisplayName(), "Queen - Love of My Life");
  MediaInfo info;
  info.title = "Freddie - Other Song (Official Video)";
  source.info = info;
  EXPECT_EQ(SongMetadataOf(source, {}).DisplayName(), "Freddie - Other Song");
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace ytl
