#include "lyrics/section_assembler.h"

#include <gtest/gtest.h>

namespace ytl {
namespace {

LyricLine Line(const std::string& text) {
  LyricLine line;
  line.text = text;
  line.words.push_back({text, text, false});
  return line;
}

// "text@section" for each sung line, space separated.
std::string Sung(const std::vector<LyricLine>& lines) {
  std::string out;
  for (const LyricLine& line : lines) {
    out += (out.empty() ? "" : " ") + line.text + "@" + std::to_string(line.section);
  }
  return out;
}

TEST(SectionAssembler, NumbersSectionsInSingingOrder) {
  SectionAssembler sections(100);
  sections.AddLine(Line("a"), 1);
  sections.StartSection("", 1);
  sections.StartSection("", 1);  // a second blank line adds no section
  sections.AddLine(Line("b"), 1);
  EXPECT_EQ(Sung(sections.Finish()), "a@0 b@1");
}

TEST(SectionAssembler, RepeatsALineWithinItsSection) {
  SectionAssembler sections(100);
  sections.AddLine(Line("a"), 3);
  sections.AddLine(Line("b"), 1);
  EXPECT_EQ(Sung(sections.Finish()), "a@0 a@0 a@0 b@0");
}

TEST(SectionAssembler, TagCountRepeatsTheSection) {
  SectionAssembler sections(100);
  sections.StartSection("chorus", 2);
  sections.AddLine(Line("a"), 1);
  sections.AddLine(Line("b"), 1);
  EXPECT_EQ(Sung(sections.Finish()), "a@0 b@0 a@1 b@1");
}

TEST(SectionAssembler, MarkerAloneRepeatsTheSectionItEnds) {
  SectionAssembler sections(100);
  sections.AddLine(Line("a"), 1);
  sections.AddLine(Line("b"), 1);
  sections.RepeatSection(2);
  sections.AddLine(Line("c"), 1);
  EXPECT_EQ(Sung(sections.Finish()), "a@0 b@0 a@1 b@1 c@2");
}

TEST(SectionAssembler, MarkerAfterBlankLineRepeatsThePreviousSection) {
  SectionAssembler sections(100);
  sections.AddLine(Line("a"), 1);
  sections.StartSection("", 1);
  sections.RepeatSection(3);
  EXPECT_EQ(Sung(sections.Finish()), "a@0 a@1 a@2");
}

TEST(SectionAssembler, EmptyTagSingsTheLinesLastGivenUnderItsLabel) {
  SectionAssembler sections(100);
  sections.StartSection("chorus", 1);
  sections.AddLine(Line("c1"), 1);
  sections.StartSection("verse 2", 1);
  sections.AddLine(Line("v"), 1);
  sections.StartSection("chorus", 1);
  sections.StartSection("chorus", 2);
  sections.StartSection("bridge", 1);  // never defined: sings nothing
  EXPECT_EQ(Sung(sections.Finish()), "c1@0 v@1 c1@2 c1@3 c1@4");
}

TEST(SectionAssembler, TagWithLinesRedefinesItsLabel) {
  SectionAssembler sections(100);
  sections.StartSection("chorus", 1);
  sections.AddLine(Line("old"), 1);
  sections.StartSection("chorus", 1);
  sections.AddLine(Line("new"), 1);
  sections.StartSection("chorus", 1);
  EXPECT_EQ(Sung(sections.Finish()), "old@0 new@1 new@2");
}

TEST(SectionAssembler, StopsAtTheLineLimit) {
  SectionAssembler sections(5);
  sections.AddLine(Line("a"), 3);
  sections.RepeatSection(2);
  EXPECT_TRUE(sections.over_limit());
  EXPECT_EQ(sections.Finish().size(), 5u);
}

}  // namespace
}  // namespace ytl
