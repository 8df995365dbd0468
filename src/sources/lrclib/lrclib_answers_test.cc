#include "sources/lrclib/lrclib_answers.h"

#include <gtest/gtest.h>

namespace ytl {
namespace {

TEST(ParseLrclibTrack, SyncedOverPlainAndTheTrackNames) {
  auto found = ParseLrclibTrack(
      R"({"id":12,"trackName":"T","artistName":"A","albumName":"L","duration":201.5,)"
      R"("plainLyrics":"a","syncedLyrics":"[00:01.00] a"})");
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->kind, FoundLyrics::Kind::kSynced);
  EXPECT_EQ((*found)->text, "[00:01.00] a");
  EXPECT_EQ((*found)->song.artist, "A");
  EXPECT_DOUBLE_EQ((*found)->song.duration_s, 201.5);
  EXPECT_EQ((*found)->reference, "LRCLIB track 12");
}

TEST(ParseLrclibTrack, WrongTypesAndNullsAreAbsentFields) {
  auto found = ParseLrclibTrack(
      R"({"id":"x","trackName":7,"artistName":null,"duration":"200","instrumental":"yes",)"
      R"("plainLyrics":"words","syncedLyrics":["no"]})");
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->kind, FoundLyrics::Kind::kPlain);
  EXPECT_EQ((*found)->song.title, "");
  EXPECT_DOUBLE_EQ((*found)->song.duration_s, 0);
  auto none = ParseLrclibTrack(R"({"plainLyrics":"","syncedLyrics":null})");
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
}

TEST(ParseLrclibTrack, AnOverflowingDurationNeverBecomesInfinite) {
  // nlohmann/json refuses a number that overflows a double: the answer is malformed.
  auto found = ParseLrclibTrack(R"({"duration":1e999,"plainLyrics":"x"})");
  if (found.ok()) {
    ASSERT_TRUE(found->has_value());
    EXPECT_DOUBLE_EQ((*found)->song.duration_s, 0);
  } else {
    EXPECT_EQ(found.status().code(), Status::Code::kInvalidInput);
  }
  auto huge = ParseLrclibTrack(R"({"duration":-1.7e308,"plainLyrics":"x"})");
  ASSERT_TRUE(huge.ok() && huge->has_value());
  EXPECT_DOUBLE_EQ((*huge)->song.duration_s, -1.7e308);
}

TEST(ParseLrclibTrack, NotAnObjectIsInvalidInput) {
  for (const char* body : {"", "[]", "null", "{\"a\":", "<html>"}) {
    auto found = ParseLrclibTrack(body);
    ASSERT_FALSE(found.ok()) << body;
    EXPECT_EQ(found.status().code(), Status::Code::kInvalidInput) << body;
  }
}

TEST(BestLrclibMatch, SameArtistWithinTheToleranceSyncedFirst) {
  SongMetadata song;
  song.artist = "Artist";
  song.title = "Title";
  song.duration_s = 200;
  auto best = BestLrclibMatch(
      R"([{"id":1,"artistName":"Other","duration":200,"syncedLyrics":"[00:01.00] o"},)"
      R"({"id":2,"artistName":"artist","duration":230,"syncedLyrics":"[00:01.00] far"},)"
      R"({"id":3,"artistName":"Artist feat. B","duration":203,"plainLyrics":"plain"},)"
      R"({"id":4,"artistName":"ARTIST","duration":198,"syncedLyrics":"[00:01.00] s"},7,null])",
      song, 5);
  ASSERT_TRUE(best.ok() && best->has_value());
  EXPECT_EQ((*best)->reference, "LRCLIB track 4");
  auto none = BestLrclibMatch("[]", song, 5);
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
  EXPECT_EQ(BestLrclibMatch("{}", song, 5).status().code(), Status::Code::kInvalidInput);
}

// The client's cache file keeps what was found, even lyrics that are not valid UTF-8 (their bad
// bytes become U+FFFD instead of an exception).
TEST(LrclibTrackJson, RoundTripsThroughParseLrclibTrack) {
  FoundLyrics found;
  found.kind = FoundLyrics::Kind::kPlain;
  found.text = "caf\xc3\xa9 \xff\xfe bad";
  found.song.artist = "A";
  found.song.duration_s = 180;
  auto back = ParseLrclibTrack(LrclibTrackJson(found));
  ASSERT_TRUE(back.ok() && back->has_value());
  EXPECT_EQ((*back)->kind, FoundLyrics::Kind::kPlain);
  EXPECT_EQ((*back)->text, "caf\xc3\xa9 \xef\xbf\xbd\xef\xbf\xbd bad");
  EXPECT_EQ((*back)->song.artist, "A");
  found.kind = FoundLyrics::Kind::kInstrumental;
  found.text.clear();
  back = ParseLrclibTrack(LrclibTrackJson(found));
  ASSERT_TRUE(back.ok() && back->has_value());
  EXPECT_EQ((*back)->kind, FoundLyrics::Kind::kInstrumental);
}

}  // namespace
}  // namespace ytl
