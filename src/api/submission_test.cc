#include "api/submission.h"

#include <gtest/gtest.h>

namespace ytl::api {
namespace {

http::Request Post(std::string content_type, std::string body) {
  http::Request request;
  request.method = "POST";
  request.headers = {{"Content-Type", std::move(content_type)}};
  request.body = std::move(body);
  return request;
}

TEST(Submission, ParsesJson) {
  Submission s;
  auto error = ParseSubmission(
      Post("application/json", R"({"url":"https://x.org/a","lyrics":"la la","language":"fr",)"
                               R"("formats":["LRC","srt"]})"),
      {}, &s);
  ASSERT_FALSE(error) << error->status.ToString();
  EXPECT_EQ(s.request.url, "https://x.org/a");
  EXPECT_EQ(*s.request.lyrics, "la la");
  EXPECT_EQ(s.request.language, "fr");
  EXPECT_EQ(s.request.formats, (std::vector<std::string>{"lrc", "srt"}));
}

TEST(Submission, ParsesMultipart) {
  const std::string body =
      "--B\r\nContent-Disposition: form-data; name=\"audio\"; filename=\"s.wav\"\r\n\r\n"
      "RIFFdata\r\n--B\r\nContent-Disposition: form-data; name=\"lyrics\"\r\n\r\nhey\r\n--B--\r\n";
  Submission s;
  auto error = ParseSubmission(Post("multipart/form-data; boundary=B", body), {}, &s);
  ASSERT_FALSE(error) << error->status.ToString();
  ASSERT_TRUE(s.audio);
  EXPECT_EQ(*s.audio, "RIFFdata");
  EXPECT_EQ(s.audio_filename, "s.wav");
  EXPECT_EQ(*s.request.lyrics, "hey");
}

TEST(Submission, RefusesBadInputsWithTheRightStatus) {
  ApiConfig config;
  config.max_lyrics_bytes = 4;
  const auto status_of = [&](std::string type, std::string body) {
    Submission s;
    auto error = ParseSubmission(Post(std::move(type), std::move(body)), config, &s);
    return error ? error->http_status : 0;
  };
  EXPECT_EQ(status_of("text/plain", "x"), 415);
  EXPECT_EQ(status_of("application/json", "{not json"), 400);
  EXPECT_EQ(status_of("application/json", R"({"url":"https://a/b","upload_id":"x"})"), 400);
  EXPECT_EQ(status_of("application/json", R"({})"), 400);
  EXPECT_EQ(status_of("application/json", R"({"url":"https://a/b","formats":["mp3"]})"), 400);
  EXPECT_EQ(status_of("application/json", R"({"url":"https://a/b","bogus":"1"})"), 400);
  EXPECT_EQ(status_of("application/json", R"({"url":"https://a/b","lyrics":"too long"})"), 413);
  EXPECT_EQ(status_of("application/json", R"({"url":"https://a/b","lyrics":"ok"})"), 0);
}

TEST(Submission, DedupKeyIdentifiesTheSameWork) {
  JobRequest a;
  a.url = "https://www.youtube.com/watch?v=abc&t=10";
  a.lyrics = "la";
  JobRequest b = a;
  b.url = "https://youtu.be/abc";
  EXPECT_EQ(CanonicalSongUrl(a.url), "youtube:abc");
  EXPECT_EQ(DedupKey(a), DedupKey(b));
  b.lyrics = "lo";
  EXPECT_NE(DedupKey(a), DedupKey(b));
  b = a;
  b.language = "fr";
  EXPECT_NE(DedupKey(a), DedupKey(b));
  EXPECT_EQ(CanonicalSongUrl("HTTPS://Example.COM/Song#x"), "https://example.com/Song");
}

}  // namespace
}  // namespace ytl::api
