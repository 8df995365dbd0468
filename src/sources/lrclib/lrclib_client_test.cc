// LrclibClient against a fake LRCLIB on 127.0.0.1.
#include "sources/lrclib/lrclib_client.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "http/testing/test_server.h"
#include "sources/lrclib/testing/fake_lrclib.h"

namespace ytl {
namespace {

using http::testing::TestServer;
using testing::FakeLrclib;
using testing::LrclibTrack;

constexpr const char* kSynced = "[00:01.00] Hello there\n[00:03.50] General Kenobi\n";

SongMetadata Song(double duration_s = 200) {
  SongMetadata song;
  song.artist = "Some Artist";
  song.title = "Some Song";
  song.album = "Album";
  song.duration_s = duration_s;
  return song;
}

class LrclibClientTest : public ::testing::Test {
 protected:
  Result<FoundLyrics> Find(FakeLrclib& fake, const SongMetadata& song, LrclibConfig config = {}) {
    TestServer server({}, fake.Routes());
    config.base_url = "http://127.0.0.1:" + std::to_string(server.port) + "/";
    if (!config.Validate().ok()) return config.Validate();
    LrclibClient client(config, http_);
    NullProgress progress;
    return client.Find(song, StageContext{&progress, nullptr});
  }

  net::HttpClient http_;
};

TEST_F(LrclibClientTest, FindsSyncedLyricsByExactMatch) {
  FakeLrclib fake;
  fake.tracks = {LrclibTrack(7, "Some Artist", "Some Song", 201, kSynced, "Hello there")};
  auto found = Find(fake, Song());
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  EXPECT_EQ(found->kind, FoundLyrics::Kind::kSynced);
  EXPECT_EQ(found->text, kSynced);
  EXPECT_EQ(found->reference, "LRCLIB track 7");
  EXPECT_EQ(fake.requests(), 1);
  EXPECT_EQ(fake.last_user_agent().rfind("yt-lyrics/", 0), 0u);
}

TEST_F(LrclibClientTest, PlainLyricsOnly) {
  FakeLrclib fake;
  fake.tracks = {LrclibTrack(8, "Some Artist", "Some Song", 200, "", "Hello there\nfriend")};
  auto found = Find(fake, Song());
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  EXPECT_EQ(found->kind, FoundLyrics::Kind::kPlain);
  EXPECT_EQ(found->text, "Hello there\nfriend");
}

TEST_F(LrclibClientTest, InstrumentalTrack) {
  FakeLrclib fake;
  fake.tracks = {LrclibTrack(9, "Some Artist", "Some Song", 200, "", "", true)};
  auto found = Find(fake, Song());
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  EXPECT_EQ(found->kind, FoundLyrics::Kind::kInstrumental);
  EXPECT_TRUE(found->text.empty());
}

TEST_F(LrclibClientTest, SearchFallbackKeepsOnlyResultsOfTheRightLength) {
  FakeLrclib fake;
  fake.tracks = {LrclibTrack(1, "Some Artist", "Some Song (Live)", 320, kSynced, ""),
                 LrclibTrack(2, "Other Artist", "Some Song", 230, kSynced, ""),
                 LrclibTrack(3, "Some Artist", "Some Song - Remastered", 228, "", "plain words"),
                 LrclibTrack(4, "Some Artist", "Some Song - 2011 Mix", 226, kSynced, "")};
  auto found = Find(fake, Song(229));
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  EXPECT_EQ(found->reference, "LRCLIB track 4");  // synced, within 5 s, right artist
  EXPECT_EQ(fake.requests(), 2);
  fake.tracks.pop_back();
  auto plain = Find(fake, Song(229));
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain->reference, "LRCLIB track 3");
}

TEST_F(LrclibClientTest, NotFoundNamesTheSongAndTheFlags) {
  FakeLrclib fake;
  fake.tracks = {LrclibTrack(1, "Some Artist", "Some Song", 400, kSynced, "")};
  auto found = Find(fake, Song(200));
  ASSERT_FALSE(found.ok());
  EXPECT_EQ(found.status().code(), Status::Code::kNotFound);
  EXPECT_NE(found.status().message().find("Some Artist - Some Song"), std::string::npos);
  EXPECT_NE(found.status().message().find("--lyrics"), std::string::npos);
}

TEST_F(LrclibClientTest, ServerErrorIsUnavailable) {
  FakeLrclib fake;
  fake.fail_status = 503;
  auto found = Find(fake, Song());
  ASSERT_FALSE(found.ok());
  EXPECT_EQ(found.status().code(), Status::Code::kUnavailable);
  EXPECT_NE(found.status().message().find("503"), std::string::npos);
}

TEST_F(LrclibClientTest, SlowServerHitsTheTimeLimit) {
  FakeLrclib fake;
  fake.delay_ms = 1500;
  LrclibConfig config;
  config.timeout_s = 0.3;
  auto found = Find(fake, Song(), config);
  ASSERT_FALSE(found.ok());
  EXPECT_EQ(found.status().code(), Status::Code::kDeadlineExceeded);
}

TEST_F(LrclibClientTest, MalformedJsonIsUnavailableNamingTheUrl) {
  FakeLrclib fake;
  fake.raw_body = "{\"trackName\": ";
  auto found = Find(fake, Song());
  ASSERT_FALSE(found.ok());
  EXPECT_EQ(found.status().code(), Status::Code::kUnavailable);
  EXPECT_NE(found.status().message().find("/api/get"), std::string::npos);
  EXPECT_NE(found.status().message().find("--lrclib-url"), std::string::npos);
}

TEST_F(LrclibClientTest, UnknownDurationGoesStraightToSearch) {
  FakeLrclib fake;
  fake.tracks = {LrclibTrack(5, "Some Artist", "Some Song", 180, kSynced, "")};
  auto found = Find(fake, Song(0));
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  EXPECT_EQ(fake.requests(), 1);
}

TEST_F(LrclibClientTest, CacheAnswersARepeatedLookup) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("ytl_lrclib_cache_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  LrclibConfig config;
  config.cache_dir = dir.string();
  FakeLrclib fake;
  fake.tracks = {LrclibTrack(7, "Some Artist", "Some Song", 200, kSynced, "")};
  ASSERT_TRUE(Find(fake, Song(), config).ok());
  fake.fail_status = 500;
  auto again = Find(fake, Song(), config);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->text, kSynced);
  EXPECT_EQ(fake.requests(), 1);
  std::filesystem::remove_all(dir);
}

TEST_F(LrclibClientTest, RefusesUnsearchableSongsAndBadConfig) {
  FakeLrclib fake;
  SongMetadata untitled;
  untitled.artist = "Someone";
  auto found = Find(fake, untitled);
  ASSERT_FALSE(found.ok());
  EXPECT_EQ(found.status().code(), Status::Code::kInvalidInput);
  LrclibConfig config;
  config.base_url = "lrclib.net";
  EXPECT_NE(config.Validate().message().find("--lrclib-url"), std::string::npos);
}

}  // namespace
}  // namespace ytl
