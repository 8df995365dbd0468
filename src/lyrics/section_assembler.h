// Groups lyric lines into sections and expands repeats into singing order.
//
// Rules:
//  * A blank line or a section tag ends the current section.
//  * A line with a trailing marker ("hello (x2)") is sung that many times
//    in a row, within its section.
//  * A tag with a count ("[Chorus x2]") sings its section that many times.
//  * A marker alone on a line ("(x2)") repeats the section it ends: the
//    lines since the last blank line or tag; if that is empty (the marker
//    follows a blank line), the previous section is sung again count - 1
//    more times. Lines after the marker start a new section.
//  * A tag with no lines of its own ("[Chorus]" followed by a blank line,
//    another tag or the end) sings the lines last given under the same tag
//    label ("chorus"). A tag that does have lines (re)defines the label.
//  * Each sung occurrence of a section gets its own index, counted from 0 in
//    singing order; repeated lines keep the index of their section.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "lyrics/lyric_sheet.h"

namespace ytl {

class SectionAssembler {
 public:
  // Stops adding lines once `max_lines` sung lines are collected.
  explicit SectionAssembler(std::size_t max_lines) : max_lines_(max_lines) {}

  // Ends the current section and starts one with `label` (empty for a
  // blank-line section), to be sung `repeat_count` times.
  void StartSection(std::string label, int repeat_count);

  // Adds `line` (with at least one word) to the current section.
  void AddLine(const LyricLine& line, int repeat_count);

  // Applies a repeat marker found alone on a line (see the rules above).
  void RepeatSection(int repeat_count);

  // Ends the last section and returns all sung lines, in order.
  std::vector<LyricLine> Finish();

  // True once more than `max_lines` sung lines were asked for.
  bool over_limit() const { return over_limit_; }

 private:
  struct Section {
    std::string label;
    std::vector<LyricLine> lines;
    int repeat_count = 1;
  };

  void CloseSection();
  void Sing(const std::vector<LyricLine>& body, int times);

  std::size_t max_lines_;
  bool over_limit_ = false;
  Section current_;
  std::vector<LyricLine> previous_body_;                    // the last section sung
  std::map<std::string, std::vector<LyricLine>> labelled_;  // label -> its lines
  std::vector<LyricLine> sung_;
  int next_section_ = 0;
};

}  // namespace ytl
