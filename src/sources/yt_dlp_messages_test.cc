#include "sources/yt_dlp_messages.h"

#include <gtest/gtest.h>

namespace ytl {
namespace {

TEST(ParseDownloadProgress, ReadsThePercentOfDownloadLines) {
  EXPECT_DOUBLE_EQ(
      *ParseDownloadProgress("[download]  42.3% of    3.45MiB at  1.23MiB/s ETA 00:02"), 0.423);
  EXPECT_DOUBLE_EQ(*ParseDownloadProgress("[download] 100% of 3.45MiB in 00:00:01 at 2MiB/s"), 1.0);
  EXPECT_DOUBLE_EQ(*ParseDownloadProgress("  [download]   7.0% of ~  9.00MiB at 1MiB/s\r"), 0.07);
  EXPECT_DOUBLE_EQ(*ParseDownloadProgress("[download]   0.0% of 1.00MiB"), 0.0);
}

TEST(ParseDownloadProgress, IgnoresOtherLines) {
  EXPECT_FALSE(ParseDownloadProgress("[download] Destination: /tmp/w/audio.webm"));
  EXPECT_FALSE(ParseDownloadProgress("[youtube] abc: 42% done"));
  EXPECT_FALSE(ParseDownloadProgress("[download]  42.3 of 1MiB"));
  EXPECT_FALSE(ParseDownloadProgress("[download]"));
  EXPECT_FALSE(ParseDownloadProgress("{\"id\": \"[download] 5%\"}"));
  EXPECT_FALSE(ParseDownloadProgress(""));
}

ProcessResult Failed(int exit_code, std::string stderr_text) {
  ProcessResult result;
  result.exit_code = exit_code;
  result.stderr_text = std::move(stderr_text);
  return result;
}

TEST(YtDlpFailureStatus, QuotesTheLastErrorLineOfUnknownFailures) {
  Status s = YtDlpFailureStatus(
      Failed(1,
             "ERROR: first problem\n[info] noise\nERROR: [generic] second problem\nWARNING: w\n"),
      "https://example.com/v");
  EXPECT_EQ(s.code(), Status::Code::kUnavailable);
  EXPECT_NE(s.message().find("ERROR: [generic] second problem"), std::string::npos) << s.message();
  EXPECT_EQ(s.message().find("first problem"), std::string::npos);
  EXPECT_NE(s.message().find("https://example.com/v"), std::string::npos);
  EXPECT_NE(s.message().find("exit code 1"), std::string::npos);
}

TEST(YtDlpFailureStatus, FallsBackToTheLastLineAndThenTheExitCode) {
  Status s = YtDlpFailureStatus(Failed(2, "usage: yt-dlp [OPTIONS] URL\nyt-dlp: error: bad flag\n"),
                                "https://e.com");
  EXPECT_NE(s.message().find("yt-dlp: error: bad flag"), std::string::npos) << s.message();
  s = YtDlpFailureStatus(Failed(9, ""), "https://e.com");
  EXPECT_NE(s.message().find("exit code 9"), std::string::npos) << s.message();
}

TEST(YtDlpFailureStatus, ShortensVeryLongErrorLines) {
  Status s = YtDlpFailureStatus(Failed(1, "ERROR: " + std::string(5000, 'x')), "https://e.com");
  EXPECT_LT(s.message().size(), 1000u);
}

TEST(YtDlpFailureStatus, RecognisesNetworkAndRateLimitFailures) {
  Status s = YtDlpFailureStatus(
      Failed(1,
             "ERROR: [youtube] a: Unable to download webpage: <urlopen error [Errno -3] "
             "Temporary failure in name resolution>"),
      "https://e.com");
  EXPECT_EQ(s.code(), Status::Code::kUnavailable);
  EXPECT_NE(s.message().find("network"), std::string::npos);
  s = YtDlpFailureStatus(Failed(1, "ERROR: HTTP Error 429: Too Many Requests"), "https://e.com");
  EXPECT_NE(s.message().find("HTTP 429"), std::string::npos);
  s = YtDlpFailureStatus(Failed(1, "ERROR: [youtube] a: Sign in to confirm you're not a bot"),
                         "https://e.com");
  EXPECT_NE(s.message().find("not a bot"), std::string::npos);
  EXPECT_NE(s.message().find("cookies"), std::string::npos);
}

}  // namespace
}  // namespace ytl
