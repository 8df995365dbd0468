#include "export/line_words.h"

namespace ytl {

std::vector<const TimedWord*> LineWords(const Alignment& alignment, const TimedLine& line) {
  std::vector<const TimedWord*> words;
  words.reserve(line.words.size());
  for (int index : line.words) {
    if (index >= 0 && static_cast<size_t>(index) < alignment.words.size()) {
      words.push_back(&alignment.words[index]);
    }
  }
  return words;
}

std::string SingleRow(std::string_view text) {
  std::string row(text);
  for (char& c : row) {
    if (c == '\r' || c == '\n' || c == '\t') c = ' ';
  }
  const size_t first = row.find_first_not_of(' ');
  if (first == std::string::npos) return "";
  return row.substr(first, row.find_last_not_of(' ') - first + 1);
}

}  // namespace ytl
