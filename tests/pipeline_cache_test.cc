// The pipeline's stage cache: a repeated sync is served from stored stage
// outputs, and only the stages whose inputs changed run again.
#include <gtest/gtest.h>

#include "cli/engines.h"
#include "cli/temp_dir.h"
#include "pipeline/sync_pipeline.h"
#include "tests/support/synthetic_song.h"

namespace ytl {
namespace {

class PipelineCache : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::SyntheticSongSpec spec;
    spec.lines = {"hello there my friend", "how are you today"};
    spec.intro_s = spec.break_s = spec.outro_s = 1;
    auto song = testing::MakeSyntheticSong(spec);
    ASSERT_TRUE(song.ok());
    auto dir = cli::TempDir::Create();
    ASSERT_TRUE(dir.ok());
    scratch_ = std::make_unique<cli::TempDir>(std::move(dir).value());
    wav_ = scratch_->path() + "/song.wav";
    lyrics_ = song->lyrics_text;
    ASSERT_TRUE(testing::WriteWav(wav_, song->mix).ok());
    auto engines = cli::Engines::Build({});
    ASSERT_TRUE(engines.ok()) << engines.status().ToString();
    engines_ = std::make_unique<cli::Engines>(std::move(engines).value());
  }

  Result<Alignment> Sync(const std::string& lyrics) {
    PipelineConfig config;
    config.work_dir = scratch_->path();
    SyncEngines view = engines_->View();
    view.cache = &cache_;
    SyncRequest request;
    request.source = wav_;
    request.lyrics_text = lyrics;
    NullProgress quiet;
    return SyncPipeline(config, view).Run(request, StageContext{&quiet, nullptr});
  }

  std::unique_ptr<cli::TempDir> scratch_;
  std::unique_ptr<cli::Engines> engines_;
  MemoryStageCache cache_;
  std::string wav_, lyrics_;
};

TEST_F(PipelineCache, RepeatedSyncIsServedFromTheCache) {
  auto first = Sync(lyrics_);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_TRUE(first->timings_s.count("separate"));
  EXPECT_TRUE(first->timings_s.count("align"));
  EXPECT_EQ(cache_.size(), 3u) << "vocals, activity and words stored";

  auto second = Sync(lyrics_);
  ASSERT_TRUE(second.ok());
  EXPECT_FALSE(second->timings_s.count("decode"));
  EXPECT_FALSE(second->timings_s.count("separate"));
  EXPECT_FALSE(second->timings_s.count("align"));
  ASSERT_EQ(second->words.size(), first->words.size());
  for (std::size_t i = 0; i < first->words.size(); ++i) {
    EXPECT_NEAR(second->words[i].start_s, first->words[i].start_s, 1e-3);
  }
}

TEST_F(PipelineCache, NewLyricsRealignWithoutSeparatingAgain) {
  ASSERT_TRUE(Sync(lyrics_).ok());
  auto other = Sync("hello there my friend\nhow are you\n");
  ASSERT_TRUE(other.ok()) << other.status().ToString();
  EXPECT_FALSE(other->timings_s.count("separate"));
  EXPECT_TRUE(other->timings_s.count("align"));
  EXPECT_EQ(other->words.size(), 7u);
}

}  // namespace
}  // namespace ytl
