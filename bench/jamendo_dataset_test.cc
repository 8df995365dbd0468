#include "bench/jamendo_dataset.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace ytl::bench {
namespace {

TEST(JamendoDataset, MissingFolderIsNotFound) {
  auto songs = LoadJamendoDataset("/nonexistent/dataset");
  ASSERT_FALSE(songs.ok());
  EXPECT_EQ(songs.status().code(), Status::Code::kNotFound);
  EXPECT_NE(songs.status().message().find("JamendoLyrics layout"), std::string::npos);
}

TEST(JamendoDataset, LoadsTheSharedDevSet) {
  const std::string dir = std::string(YTL_SHARED_DATA_DIR) + "/jamendo-dev";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << dir << " is absent; skipping";
  auto songs = LoadJamendoDataset(dir);
  ASSERT_TRUE(songs.ok()) << songs.status().ToString();
  ASSERT_EQ(songs->size(), 5u);
  for (const auto& song : *songs) {
    EXPECT_FALSE(song.reference.empty()) << song.name;
    EXPECT_NE(song.language, "en") << song.name;  // the dev set is fr/es/de
    for (std::size_t i = 1; i < song.reference.size(); ++i) {
      EXPECT_LE(song.reference[i - 1].onset_s, song.reference[i].onset_s + 1e-6) << song.name;
    }
  }
}

}  // namespace
}  // namespace ytl::bench
