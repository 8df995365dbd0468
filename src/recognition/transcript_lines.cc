#include "recognition/transcript_lines.h"

namespace ytl {

void AppendTranscribedLine(std::vector<TimedWord> words, Alignment* alignment) {
  TimedLine line;
  line.start_s = words.front().start_s;
  line.end_s = words.back().end_s;
  for (TimedWord& word : words) {
    line.text += (line.text.empty() ? "" : " ") + word.text;
    line.confidence += word.confidence / static_cast<double>(words.size());
    word.line = static_cast<int>(alignment->lines.size());
    line.words.push_back(static_cast<int>(alignment->words.size()));
    alignment->words.push_back(std::move(word));
  }
  alignment->lines.push_back(std::move(line));
}

}  // namespace ytl
