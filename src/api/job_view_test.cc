#include "api/job_view.h"

#include <gtest/gtest.h>

namespace ytl::api {
namespace {

Job SucceededJob(std::optional<std::string> lyrics) {
  Job job;
  job.id = "j1";
  job.state = JobState::kSucceeded;
  job.request.url = "https://example.com/song";
  job.request.lyrics = std::move(lyrics);
  return job;
}

TEST(JobView, LyricsSourceIsUserWhenTheRequestHadLyrics) {
  EXPECT_EQ(JobToJson(SucceededJob("la la"))["lyrics_source"], "user");
}

TEST(JobView, LyricsSourceComesFromTheResultOtherwise) {
  const auto json = JobToJson(SucceededJob(std::nullopt), R"({"lyrics_source": "lrclib"})");
  EXPECT_EQ(json["lyrics_source"], "lrclib");
  EXPECT_EQ(
      JobToJson(SucceededJob(std::nullopt), R"({"lyrics_source": "transcribed"})")["lyrics_source"],
      "transcribed");
}

TEST(JobView, LyricsSourceIsAbsentWhileUnknown) {
  EXPECT_FALSE(JobToJson(SucceededJob(std::nullopt)).contains("lyrics_source"));
  EXPECT_FALSE(JobToJson(SucceededJob(std::nullopt), "not json").contains("lyrics_source"));
}

}  // namespace
}  // namespace ytl::api
