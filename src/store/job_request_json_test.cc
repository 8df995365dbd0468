#include "store/job_request_json.h"

#include <gtest/gtest.h>

namespace ytl {
namespace {

TEST(JobRequestJson, RoundTripsEveryField) {
  JobRequest request;
  request.upload_id = std::string(64, 'a');
  request.lyrics = "line one\nline \"two\"";
  request.language = "de";
  request.formats = {"lrc", "ass"};
  Result<JobRequest> parsed = JobRequestFromJson(JobRequestToJson(request));
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(parsed->url, "");
  EXPECT_EQ(parsed->upload_id, request.upload_id);
  EXPECT_EQ(parsed->lyrics, request.lyrics);
  EXPECT_EQ(parsed->language, "de");
  EXPECT_EQ(parsed->formats, request.formats);
}

TEST(JobRequestJson, KeepsAbsentLyricsAbsent) {
  JobRequest request;
  request.url = "https://example.com/x";
  Result<JobRequest> parsed = JobRequestFromJson(JobRequestToJson(request));
  ASSERT_TRUE(parsed.ok());
  EXPECT_FALSE(parsed->lyrics.has_value());
}

TEST(JobRequestJson, NamesTheBadField) {
  Result<JobRequest> parsed =
      JobRequestFromJson(R"({"url":"u","upload_id":"","language":7,"formats":[]})");
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.status().message().find("language"), std::string::npos);
  EXPECT_FALSE(JobRequestFromJson("not json").ok());
}

}  // namespace
}  // namespace ytl
