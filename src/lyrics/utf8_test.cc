#include "lyrics/utf8.h"

#include <gtest/gtest.h>

namespace ytl {
namespace {

TEST(Utf8, AcceptsAsciiAndMultiByteText) {
  EXPECT_EQ(FindInvalidUtf8(""), std::nullopt);
  EXPECT_EQ(FindInvalidUtf8("hello"), std::nullopt);
  EXPECT_EQ(FindInvalidUtf8("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x8E\xB5"), std::nullopt);
  EXPECT_EQ(FindInvalidUtf8("\xF4\x8F\xBF\xBF"), std::nullopt);  // U+10FFFF
}

TEST(Utf8, RefusesOverlongForms) {
  EXPECT_EQ(FindInvalidUtf8("\xC0\xAF"), 0u);
  EXPECT_EQ(FindInvalidUtf8("ab\xE0\x80\xAF"), 2u);
  EXPECT_EQ(FindInvalidUtf8("abc\xF0\x80\x80\xAF"), 3u);
}

TEST(Utf8, RefusesTruncatedSequences) {
  EXPECT_EQ(FindInvalidUtf8("ab\xE2\x82"), 2u);
  EXPECT_EQ(FindInvalidUtf8("\xF0\x9F\x8E"), 0u);
  EXPECT_EQ(FindInvalidUtf8("x\xC3 y"), 1u);
}

TEST(Utf8, RefusesLoneContinuationBytes) {
  EXPECT_EQ(FindInvalidUtf8("a\x80"
                            "b"),
            1u);
  EXPECT_EQ(FindInvalidUtf8("\xC3\xA9\xA9"), 2u);
}

TEST(Utf8, RefusesSurrogatesAndOutOfRangeCodePoints) {
  EXPECT_EQ(FindInvalidUtf8("\xED\xA0\x80"), 0u);      // U+D800
  EXPECT_EQ(FindInvalidUtf8("ok\xED\xBF\xBF"), 2u);    // U+DFFF
  EXPECT_EQ(FindInvalidUtf8("\xF4\x90\x80\x80"), 0u);  // U+110000
  EXPECT_EQ(FindInvalidUtf8("\xF8\x88\x80\x80\x80"), 0u);
  EXPECT_EQ(FindInvalidUtf8("\xFF"), 0u);
}

TEST(Utf8, EncodeAndDecodeRoundTrip) {
  for (const char32_t code_point : {U'a', U'\u00e9', U'\u20ac', U'\U0001F3B5', U'\U0010FFFF'}) {
    std::string encoded;
    AppendUtf8(code_point, &encoded);
    ASSERT_EQ(FindInvalidUtf8(encoded), std::nullopt);
    std::size_t pos = 0;
    EXPECT_EQ(DecodeUtf8At(encoded, &pos), code_point);
    EXPECT_EQ(pos, encoded.size());
  }
}

TEST(Utf8, DecodingInvalidBytesYieldsReplacementAndAdvancesOneByte) {
  const std::string text =
      "\x80"
      "a";
  std::size_t pos = 0;
  EXPECT_EQ(DecodeUtf8At(text, &pos), U'\uFFFD');
  EXPECT_EQ(pos, 1u);
  EXPECT_EQ(DecodeUtf8At(text, &pos), U'a');
}

}  // namespace
}  // namespace ytl
