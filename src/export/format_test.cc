#include "export/format.h"

#include <gtest/gtest.h>

#include "export/ass_writer.h"
#include "export/json_writer.h"
#include "export/sample_alignment.h"
#include "export/srt_writer.h"

namespace ytl {
namespace {

TEST(ParseFormats, AcceptsTrimmedCaseInsensitiveNamesOnce) {
  const auto formats = ParseFormats(" lrc,SRT ,json,lrc,elrc,vtt,ass");
  ASSERT_TRUE(formats.ok()) << formats.status().ToString();
  EXPECT_EQ(*formats, (std::vector<Format>{Format::kLrc, Format::kSrt, Format::kJson, Format::kElrc,
                                           Format::kVtt, Format::kAss}));
}

TEST(ParseFormats, NamesTheBadEntryAndListsValidOnes) {
  const auto formats = ParseFormats("lrc,mp4");
  ASSERT_FALSE(formats.ok());
  EXPECT_EQ(formats.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(formats.status().message().find("\"mp4\""), std::string::npos);
  EXPECT_NE(formats.status().message().find("lrc, elrc, srt, vtt, ass, json"), std::string::npos)
      << formats.status().message();
}

TEST(ParseFormats, RejectsEmptyEntriesAndEmptyList) {
  EXPECT_FALSE(ParseFormats("").ok());
  EXPECT_FALSE(ParseFormats("lrc,,srt").ok());
  EXPECT_FALSE(ParseFormats("lrc,").ok());
}

TEST(Format, NamesRoundTripAndExtensionsAreDistinct) {
  std::vector<std::string_view> extensions;
  for (Format format :
       {Format::kLrc, Format::kElrc, Format::kSrt, Format::kVtt, Format::kAss, Format::kJson}) {
    const auto parsed = ParseFormats(FormatName(format));
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(parsed->front(), format);
    for (std::string_view seen : extensions) EXPECT_NE(seen, Extension(format));
    extensions.push_back(Extension(format));
  }
  EXPECT_EQ(Extension(Format::kElrc), "enhanced.lrc");
}

TEST(Format, ExportDispatchesToTheWriter) {
  const Alignment alignment = testing::SampleAlignment();
  EXPECT_EQ(Export(alignment, Format::kSrt), WriteSrt(alignment));
  EXPECT_EQ(Export(alignment, Format::kJson), WriteAlignmentJson(alignment));
  EXPECT_EQ(Export(alignment, Format::kAss, {"T", "", ""}), WriteAss(alignment, {"T", "", ""}));
}

}  // namespace
}  // namespace ytl
