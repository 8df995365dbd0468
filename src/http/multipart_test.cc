#include "http/multipart.h"

#include <gtest/gtest.h>

namespace ytl::http {
namespace {

constexpr const char* kType = "multipart/form-data; boundary=\"XyZ\"";

std::string Body() {
  return "preamble\r\n"
         "--XyZ\r\n"
         "Content-Disposition: form-data; name=\"title\"\r\n\r\n"
         "Hey Jude\r\n"
         "--XyZ\r\n"
         "Content-Disposition: form-data; name=\"audio\"; filename=\"my \\\"song\\\".wav\"\r\n"
         "Content-Type: audio/wav\r\n\r\n"
         "RIFF\r\n\r\nbinary--XyZnot-a-boundary\r\n"
         "--XyZ--\r\n";
}

TEST(MultipartBoundary, ReadsQuotedAndBareBoundaries) {
  EXPECT_EQ(MultipartBoundary(kType).value(), "XyZ");
  EXPECT_EQ(MultipartBoundary("Multipart/Form-Data; charset=utf-8; boundary=abc").value(), "abc");
  EXPECT_FALSE(MultipartBoundary("application/json").ok());
  EXPECT_FALSE(MultipartBoundary("multipart/form-data").ok());
  EXPECT_FALSE(MultipartBoundary("multipart/form-data; boundary=" + std::string(71, 'a')).ok());
}

TEST(ParseMultipart, ReturnsFieldsAndFilesWithViewsIntoTheBody) {
  const std::string body = Body();
  auto parts = ParseMultipart(kType, body);
  ASSERT_TRUE(parts.ok()) << parts.status().ToString();
  ASSERT_EQ(parts->size(), 2u);
  EXPECT_EQ((*parts)[0].name, "title");
  EXPECT_FALSE((*parts)[0].filename);
  EXPECT_EQ((*parts)[0].content_type, "text/plain");
  EXPECT_EQ((*parts)[0].data, "Hey Jude");
  EXPECT_EQ((*parts)[1].name, "audio");
  EXPECT_EQ((*parts)[1].filename.value(), "my \"song\".wav");
  EXPECT_EQ((*parts)[1].content_type, "audio/wav");
  EXPECT_EQ((*parts)[1].data, "RIFF\r\n\r\nbinary--XyZnot-a-boundary");
  EXPECT_GE((*parts)[1].data.data(), body.data());
}

TEST(ParseMultipart, EmptyPartHeadersAreAnErrorButEmptyDataIsNot) {
  const std::string no_headers = "--XyZ\r\n\r\ndata\r\n--XyZ--";
  EXPECT_EQ(ParseMultipart(kType, no_headers).status().code(), Status::Code::kInvalidInput);
  const std::string empty = "--XyZ\r\nContent-Disposition: form-data; name=e\r\n\r\n\r\n--XyZ--";
  auto parts = ParseMultipart(kType, empty);
  ASSERT_TRUE(parts.ok()) << parts.status().ToString();
  EXPECT_EQ((*parts)[0].data, "");
}

TEST(ParseMultipart, RejectsMalformedBodies) {
  for (const std::string& body : {
           std::string("no boundary here"),
           std::string("--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\nunterminated"),
           std::string("--XyZ\r\nContent-Disposition: attachment; name=a\r\n\r\nx\r\n--XyZ--"),
           std::string("--XyZ\r\nContent-Disposition: form-data\r\n\r\nx\r\n--XyZ--"),
           // Found by fuzz/multipart_fuzzer: an empty name, or a later empty one.
           std::string("--XyZ\r\nContent-Disposition: form-data; name=\"\"\r\n\r\nx\r\n--XyZ--"),
           std::string(
               "--XyZ\r\nContent-Disposition: form-data; name=a; name=\r\n\r\nx\r\n--XyZ--"),
           std::string("--XyZ\r\nno colon line\r\n\r\nx\r\n--XyZ--"),
           std::string("--XyZgarbage\r\n"),
       }) {
    auto parts = ParseMultipart(kType, body);
    EXPECT_EQ(parts.status().code(), Status::Code::kInvalidInput) << body;
    EXPECT_FALSE(parts.status().message().empty());
  }
}

TEST(ParseMultipart, EnforcesPartCountAndSizeLimits) {
  const std::string body = Body();
  MultipartLimits one_part;
  one_part.max_parts = 1;
  EXPECT_EQ(ParseMultipart(kType, body, one_part).status().code(),
            Status::Code::kResourceExhausted);
  MultipartLimits small_parts;
  small_parts.max_part_bytes = 10;
  auto parts = ParseMultipart(kType, body, small_parts);
  EXPECT_EQ(parts.status().code(), Status::Code::kResourceExhausted);
  EXPECT_NE(parts.status().message().find("audio"), std::string::npos);
}

}  // namespace
}  // namespace ytl::http
