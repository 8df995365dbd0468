#include "lyrics/section_assembler.h"

#include <utility>

namespace ytl {

void SectionAssembler::StartSection(std::string label, int repeat_count) {
  CloseSection();
  current_ = {std::move(label), {}, repeat_count};
}

void SectionAssembler::AddLine(const LyricLine& line, int repeat_count) {
  for (int i = 0; i < repeat_count && !over_limit_; ++i) {
    if (current_.lines.size() >= max_lines_)
      over_limit_ = true;
    else
      current_.lines.push_back(line);
  }
}

void SectionAssembler::RepeatSection(int repeat_count) {
  const bool sings_something = !current_.lines.empty() || labelled_.contains(current_.label);
  if (sings_something) {
    current_.repeat_count *= repeat_count;
    StartSection("", 1);
    return;
  }
  Sing(previous_body_, repeat_count - 1);
}

std::vector<LyricLine> SectionAssembler::Finish() {
  CloseSection();
  current_ = {};
  return std::move(sung_);
}

void SectionAssembler::CloseSection() {
  std::vector<LyricLine> body = std::move(current_.lines);
  if (!body.empty() && !current_.label.empty()) labelled_[current_.label] = body;
  if (body.empty()) {
    const auto defined = labelled_.find(current_.label);
    if (defined != labelled_.end()) body = defined->second;
  }
  Sing(body, current_.repeat_count);
  if (!body.empty()) previous_body_ = std::move(body);
  current_ = {};
}

void SectionAssembler::Sing(const std::vector<LyricLine>& body, int times) {
  if (body.empty()) return;
  for (int i = 0; i < times && !over_limit_; ++i) {
    const int section = next_section_++;
    for (const LyricLine& line : body) {
      if (sung_.size() >= max_lines_) {
        over_limit_ = true;
        return;
      }
      sung_.push_back(line);
      sung_.back().section = section;
    }
  }
}

}  // namespace ytl
