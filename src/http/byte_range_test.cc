#include "http/byte_range.h"

#include <gtest/gtest.h>

namespace ytl::http {
namespace {

using Kind = ByteRangeDecision::Kind;

TEST(DecideByteRange, ClosedOpenAndSuffixRanges) {
  auto closed = DecideByteRange("bytes=10-19", 100);
  EXPECT_EQ(closed.kind, Kind::kPartial);
  EXPECT_EQ(closed.first, 10u);
  EXPECT_EQ(closed.last, 19u);
  EXPECT_EQ(ContentRangeHeader(closed, 100), "bytes 10-19/100");
  auto open = DecideByteRange("bytes=90-", 100);
  EXPECT_EQ(open.first, 90u);
  EXPECT_EQ(open.last, 99u);
  auto suffix = DecideByteRange("bytes=-5", 100);
  EXPECT_EQ(suffix.first, 95u);
  EXPECT_EQ(suffix.last, 99u);
  auto whole_suffix = DecideByteRange("bytes=-500", 100);
  EXPECT_EQ(whole_suffix.first, 0u);
  auto clamped = DecideByteRange("bytes=50-1000", 100);
  EXPECT_EQ(clamped.last, 99u);
}

TEST(DecideByteRange, UnsatisfiableRanges) {
  EXPECT_EQ(DecideByteRange("bytes=100-", 100).kind, Kind::kUnsatisfiable);
  EXPECT_EQ(DecideByteRange("bytes=-0", 100).kind, Kind::kUnsatisfiable);
  EXPECT_EQ(DecideByteRange("bytes=0-", 0).kind, Kind::kUnsatisfiable);
  EXPECT_EQ(ContentRangeHeader(DecideByteRange("bytes=200-", 100), 100), "bytes */100");
}

TEST(DecideByteRange, IgnoresInvalidOtherUnitsAndMultipleRanges) {
  EXPECT_EQ(DecideByteRange("", 100).kind, Kind::kFull);
  EXPECT_EQ(DecideByteRange("items=0-5", 100).kind, Kind::kFull);
  EXPECT_EQ(DecideByteRange("bytes=5-2", 100).kind, Kind::kFull);
  EXPECT_EQ(DecideByteRange("bytes=a-b", 100).kind, Kind::kFull);
  EXPECT_EQ(DecideByteRange("bytes=0-1,5-6", 100).kind, Kind::kFull);
}

}  // namespace
}  // namespace ytl::http
