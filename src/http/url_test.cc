#include "http/url.h"

#include <gtest/gtest.h>

namespace ytl::http {
namespace {

TEST(PercentDecode, DecodesEscapesAndOptionallyPlus) {
  EXPECT_EQ(PercentDecode("a%20b%2Fc", false).value(), "a b/c");
  EXPECT_EQ(PercentDecode("a+b", false).value(), "a+b");
  EXPECT_EQ(PercentDecode("a+b", true).value(), "a b");
}

TEST(PercentDecode, RejectsTruncatedOrNonHexEscapes) {
  EXPECT_FALSE(PercentDecode("abc%2", false));
  EXPECT_FALSE(PercentDecode("abc%", false));
  EXPECT_FALSE(PercentDecode("%zz", false));
}

TEST(ParseQuery, KeepsOrderDecodesAndAllowsBareNames) {
  auto query = ParseQuery("format=lrc&title=Hey%20Jude&flag&&x=a+b");
  ASSERT_TRUE(query);
  ASSERT_EQ(query->size(), 4u);
  EXPECT_EQ((*query)[0], std::make_pair(std::string("format"), std::string("lrc")));
  EXPECT_EQ((*query)[1].second, "Hey Jude");
  EXPECT_EQ((*query)[2], std::make_pair(std::string("flag"), std::string()));
  EXPECT_EQ((*query)[3].second, "a b");
  EXPECT_FALSE(ParseQuery("a=%G1"));
}

TEST(SplitTarget, SeparatesPathAndQuery) {
  EXPECT_EQ(SplitTarget("/v1/jobs?x=1").first, "/v1/jobs");
  EXPECT_EQ(SplitTarget("/v1/jobs?x=1").second, "x=1");
  EXPECT_EQ(SplitTarget("/v1/jobs").second, "");
}

}  // namespace
}  // namespace ytl::http
