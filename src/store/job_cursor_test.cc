#include "store/job_cursor.h"

#include <gtest/gtest.h>

namespace ytl {
namespace {

TEST(JobCursor, RoundTripsPositions) {
  for (std::int64_t position : {std::int64_t{1}, std::int64_t{35}, std::int64_t{123456789},
                                std::int64_t{9'000'000'000'000}}) {
    Result<std::int64_t> decoded = DecodeJobCursor(EncodeJobCursor(position));
    ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
    EXPECT_EQ(*decoded, position);
  }
}

TEST(JobCursor, RejectsTextItDidNotIssue) {
  for (const char* bad : {"", "c1.", "c1.-5", "c1.0", "c1.zz!", "12", "c2.5"}) {
    EXPECT_EQ(DecodeJobCursor(bad).status().code(), Status::Code::kInvalidInput) << bad;
  }
}

}  // namespace
}  // namespace ytl
