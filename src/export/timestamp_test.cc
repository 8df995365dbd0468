#include "export/timestamp.h"

#include <gtest/gtest.h>

#include <limits>

namespace ytl {
namespace {

TEST(Timestamp, RoundsToNearestTickAndClampsNegativeToZero) {
  EXPECT_EQ(ToTicks(1.234, 100), 123);
  EXPECT_EQ(ToTicks(1.236, 100), 124);
  EXPECT_EQ(ToTicks(1.2345, 1000), 1235);
  EXPECT_EQ(ToTicks(-0.5, 1000), 0);
}

// Found by alignment_json_fuzzer: a line starting at 1.4e88 s rounded to INT64_MIN, and the ASS
// writer's tick arithmetic overflowed. Huge and infinite times saturate instead.
TEST(Timestamp, HugeTimesSaturateSoWritersCanDoArithmetic) {
  EXPECT_EQ(ToTicks(1.4e88, 100), kMaxTicks);
  EXPECT_EQ(ToTicks(std::numeric_limits<double>::infinity(), 1000), kMaxTicks);
  EXPECT_EQ(ToTicks(1e13, 100), kMaxTicks);
  EXPECT_EQ(ToTicks(1e12, 100), 100'000'000'000'000);
}

TEST(Timestamp, MonotoneTicksNeverPassTheNextTime) {
  EXPECT_EQ(MonotoneTicks({1.004, 1.0049, 1.006}, 100), (std::vector<int64_t>{100, 100, 101}));
  // Out-of-order input keeps reading order: the earlier row is lowered.
  EXPECT_EQ(MonotoneTicks({2.0, 1.5, 3.0}, 100), (std::vector<int64_t>{150, 150, 300}));
  EXPECT_TRUE(MonotoneTicks({}, 100).empty());
}

TEST(Timestamp, FormatsEachStyle) {
  EXPECT_EQ(FormatMinutesCentis(6050), "01:00.50");
  EXPECT_EQ(FormatMinutesCentis(600525), "100:05.25");
  EXPECT_EQ(FormatAssTime(600525), "1:40:05.25");
  EXPECT_EQ(FormatClockMillis(3723004, ','), "01:02:03,004");
  EXPECT_EQ(FormatClockMillis(360000000, '.'), "100:00:00.000");
}

TEST(Timestamp, ParsesMinutesSeconds) {
  EXPECT_DOUBLE_EQ(*ParseMinutesSeconds("01:02.5"), 62.5);
  EXPECT_DOUBLE_EQ(*ParseMinutesSeconds("100:05.25"), 6005.25);
  EXPECT_DOUBLE_EQ(*ParseMinutesSeconds("3:04"), 184);
  EXPECT_DOUBLE_EQ(*ParseMinutesSeconds("00:01.123"), 1.123);
  for (const char* bad : {"", "1:2", "01:60.00", "01:02.", "01:02.1234", "a:00", "01:02.5x"}) {
    EXPECT_FALSE(ParseMinutesSeconds(bad).has_value()) << bad;
  }
}

TEST(Timestamp, ParsesClockMillis) {
  EXPECT_DOUBLE_EQ(*ParseClockMillis("01:02:03,004", ','), 3723.004);
  EXPECT_DOUBLE_EQ(*ParseClockMillis("02:03.500", '.'), 123.5);
  EXPECT_DOUBLE_EQ(*ParseClockMillis("100:00:00.000", '.'), 360000);
  for (const char* bad :
       {"", "01:02:03.004", "01:60:00,000", "1:02:03,004x", "01:02,04", "01:02:03:04,000"}) {
    EXPECT_FALSE(ParseClockMillis(bad, ',').has_value()) << bad;
  }
}

}  // namespace
}  // namespace ytl
