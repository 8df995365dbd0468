// POST /v1/jobs on hostile bodies: JSON nesting depth and body size, each refused just over the
// limit with a clear error while the limit itself is accepted, and form fields that are not UTF-8.
#include <gtest/gtest.h>

#include <string>

#include "api/submission.h"

namespace ytl::api {
namespace {

http::Request PostJson(std::string body) {
  http::Request request;
  request.method = "POST";
  request.headers = {{"Content-Type", "application/json"}};
  request.body = std::move(body);
  return request;
}

// {"url": ..., "formats": [[...["lrc"]...]]}: `depth` levels counting the outer object.
std::string NestedFormats(int depth) {
  return R"({"url":"https://x.org/a","formats":)" + std::string(depth - 1, '[') + R"("lrc")" +
         std::string(depth - 1, ']') + "}";
}

TEST(SubmissionHostile, RefusesJsonNestedOneLevelTooDeep) {
  Submission at_limit;
  const auto shallow = ParseSubmission(PostJson(NestedFormats(8)), {}, &at_limit);
  ASSERT_TRUE(shallow);  // refused for holding arrays in "formats", not for its depth
  EXPECT_EQ(shallow->status.message().find("levels deep"), std::string::npos)
      << shallow->status.message();
  Submission over;
  const auto deep = ParseSubmission(PostJson(NestedFormats(9)), {}, &over);
  ASSERT_TRUE(deep);
  EXPECT_EQ(deep->http_status, 400);
  EXPECT_NE(deep->status.message().find("more than 8 levels deep"), std::string::npos)
      << deep->status.message();
  // 400 000 levels (within the size limit) are refused as quickly; the next request is served.
  Submission hostile;
  const auto huge = ParseSubmission(PostJson(std::string(400'000, '[')), {}, &hostile);
  ASSERT_TRUE(huge);
  EXPECT_EQ(huge->http_status, 400);
  Submission fine;
  EXPECT_FALSE(ParseSubmission(PostJson(R"({"url":"https://x.org/a"})"), {}, &fine));
}

TEST(SubmissionHostile, RefusesAJsonBodyOneByteOverTheSizeLimit) {
  ApiConfig config;
  config.max_lyrics_bytes = 10;
  const std::size_t limit = 10 * 6 + (64u << 10);
  std::string body = R"({"url":"https://x.org/a","lyrics":"la"})";
  body.insert(1, limit - body.size(), ' ');  // whitespace is valid JSON
  Submission at_limit;
  const auto ok = ParseSubmission(PostJson(body), config, &at_limit);
  EXPECT_FALSE(ok) << ok->status.ToString();
  body.insert(1, " ");
  Submission over;
  const auto big = ParseSubmission(PostJson(body), config, &over);
  ASSERT_TRUE(big);
  EXPECT_EQ(big->http_status, 413);
  EXPECT_EQ(big->status.code(), Status::Code::kResourceExhausted);
  EXPECT_NE(big->status.message().find("the limit is " + std::to_string(limit)), std::string::npos)
      << big->status.message();
}

// Found by fuzz/job_submission_fuzzer: lyrics with invalid UTF-8 in a multipart form made the
// dedup key's JSON dump throw, which ended the server.
TEST(SubmissionHostile, RefusesFormFieldsThatAreNotUtf8) {
  http::Request request;
  request.method = "POST";
  request.headers = {{"Content-Type", "multipart/form-data; boundary=B"}};
  request.body =
      "--B\r\nContent-Disposition: form-data; name=\"url\"\r\n\r\nhttps://x.org/a\r\n"
      "--B\r\nContent-Disposition: form-data; name=\"lyrics\"\r\n\r\nla \x91 la\r\n--B--\r\n";
  Submission submission;
  const auto error = ParseSubmission(request, {}, &submission);
  ASSERT_TRUE(error);
  EXPECT_EQ(error->http_status, 400);
  EXPECT_NE(error->status.message().find("\"lyrics\" is not valid UTF-8 at byte 3"),
            std::string::npos)
      << error->status.message();
}

}  // namespace
}  // namespace ytl::api
