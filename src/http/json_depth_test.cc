#include "http/json_depth.h"

#include <gtest/gtest.h>

#include <string>

namespace ytl::http {
namespace {

TEST(JsonNestingDepth, CountsArraysAndObjects) {
  EXPECT_EQ(JsonNestingDepth("1", 100), 0u);
  EXPECT_EQ(JsonNestingDepth("{}", 100), 1u);
  EXPECT_EQ(JsonNestingDepth(R"({"a":[1,{"b":[]}],"c":{}})", 100), 4u);
}

TEST(JsonNestingDepth, IgnoresBracketsInStringsAndEscapedQuotes) {
  EXPECT_EQ(JsonNestingDepth(R"({"a":"[[[{{{","b":"\"[[[\\"})", 100), 1u);
}

TEST(JsonNestingDepth, StopsReadingOncePastTheLimit) {
  const std::string deep(10'000'000, '[');
  EXPECT_EQ(JsonNestingDepth(deep, 32), 33u);
}

}  // namespace
}  // namespace ytl::http
