#include "export/ass_writer.h"

#include <gtest/gtest.h>

#include <regex>
#include <sstream>

#include "export/sample_alignment.h"
#include "export/timestamp.h"

namespace ytl {
namespace {

std::vector<std::string> DialogueRows(const std::string& ass) {
  std::vector<std::string> rows;
  std::istringstream in(ass);
  for (std::string row; std::getline(in, row);) {
    if (row.rfind("Dialogue: ", 0) == 0) rows.push_back(row);
  }
  return rows;
}

TEST(AssWriter, KaraokeDurationsAddUpToTheLineLength) {
  const Alignment alignment = testing::SampleAlignment();
  const std::vector<std::string> rows = DialogueRows(WriteAss(alignment));
  ASSERT_EQ(rows.size(), alignment.lines.size());
  const std::regex k_tag(R"(\{\\k(\d+)\})");
  for (size_t i = 0; i < rows.size(); ++i) {
    int64_t sum = 0;
    for (std::sregex_iterator it(rows[i].begin(), rows[i].end(), k_tag), end; it != end; ++it) {
      sum += std::stoll((*it)[1]);
    }
    const TimedLine& line = alignment.lines[i];
    EXPECT_EQ(sum, ToTicks(line.end_s, 100) - ToTicks(line.start_s, 100)) << rows[i];
  }
}

// The fuzzer's crash: a line whose start is absurd still writes (karaoke tags of 0 or more).
TEST(AssWriter, AnAbsurdLineStartWritesWithoutOverflow) {
  Alignment alignment;
  alignment.words = {{"a", 0, 2, 1, false, 0}};
  alignment.lines = {{"a", 1.4e88, 2, 1, {0}}};
  const std::vector<std::string> rows = DialogueRows(WriteAss(alignment));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].find("{\\k-"), std::string::npos) << rows[0];
}

TEST(AssWriter, GapsBecomeTextlessSyllables) {
  Alignment alignment;
  testing::AddSampleLine(alignment, 1.0, 3.0,
                         {{"a", 1.2, 1.5, 1, false}, {"b", 2.0, 2.5, 1, false}});
  const std::vector<std::string> rows = DialogueRows(WriteAss(alignment));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_NE(
      rows[0].find(",0:00:01.00,0:00:03.00,Default,,0,0,0,,{\\k20}{\\k30}a {\\k50}{\\k50}b{\\k50}"),
      std::string::npos)
      << rows[0];
}

TEST(AssWriter, EscapesBracesAndBackslashes) {
  EXPECT_EQ(EscapeAssText("{x}"), "\\{x\\}");
  EXPECT_EQ(EscapeAssText("a\\Nb"), "a\\\u2060Nb");
  EXPECT_EQ(EscapeAssText("plain é"), "plain é");
}

TEST(AssWriter, EmptyAlignmentHasSectionsButNoEvents) {
  const std::string ass = WriteAss(Alignment{});
  EXPECT_NE(ass.find("[Script Info]"), std::string::npos);
  EXPECT_NE(ass.find("[V4+ Styles]"), std::string::npos);
  EXPECT_NE(ass.find("[Events]"), std::string::npos);
  EXPECT_TRUE(DialogueRows(ass).empty());
}

}  // namespace
}  // namespace ytl
