#include "sources/media_info.h"

#include <gtest/gtest.h>

namespace ytl {
namespace {

TEST(MediaInfo, ParsesTheFieldsYtDlpPrints) {
  Result<MediaInfo> info = ParseMediaInfoJson(
      R"({"id":"dQw4w9WgXcQ","title":"Rick Astley - Never Gonna Give You Up","artist":"Rick Astley",
          "track":"Never Gonna Give You Up","album":"Whenever You Need Somebody",
          "uploader":"Rick Astley","duration":212,"formats":[{"format_id":"251"}]})");
  ASSERT_TRUE(info.ok()) << info.status().ToString();
  EXPECT_EQ(info->id, "dQw4w9WgXcQ");
  EXPECT_EQ(info->title, "Rick Astley - Never Gonna Give You Up");
  EXPECT_EQ(info->artist, "Rick Astley");
  EXPECT_EQ(info->track, "Never Gonna Give You Up");
  EXPECT_EQ(info->album, "Whenever You Need Somebody");
  EXPECT_EQ(info->uploader, "Rick Astley");
  EXPECT_DOUBLE_EQ(info->duration_s, 212);
  EXPECT_EQ(info->DisplayName(), "Rick Astley - Never Gonna Give You Up");
}

TEST(MediaInfo, ToleratesMissingNullAndWronglyTypedFields) {
  Result<MediaInfo> info =
      ParseMediaInfoJson(R"({"id":"abc","title":null,"duration":"long","artist":7})");
  ASSERT_TRUE(info.ok()) << info.status().ToString();
  EXPECT_EQ(info->id, "abc");
  EXPECT_EQ(info->title, "");
  EXPECT_EQ(info->artist, "");
  EXPECT_DOUBLE_EQ(info->duration_s, 0);
  EXPECT_EQ(info->DisplayName(), "abc");
}

TEST(MediaInfo, FallsBackToCreatorForTheArtist) {
  Result<MediaInfo> info = ParseMediaInfoJson(R"({"creator":"Someone","track":"Tune"})");
  ASSERT_TRUE(info.ok());
  EXPECT_EQ(info->DisplayName(), "Someone - Tune");
}

TEST(MediaInfo, DisplayNameUsesTheTitleWithoutArtistAndTrack) {
  MediaInfo info;
  info.id = "x";
  info.title = "A Title";
  info.track = "Only Track";
  EXPECT_EQ(info.DisplayName(), "A Title");
}

TEST(MediaInfo, RejectsTextThatIsNotAJsonObject) {
  for (std::string_view bad : {"", "not json", "[1,2]", "{\"id\":"}) {
    Result<MediaInfo> info = ParseMediaInfoJson(bad);
    EXPECT_EQ(info.status().code(), Status::Code::kInvalidInput) << bad;
  }
}

}  // namespace
}  // namespace ytl
