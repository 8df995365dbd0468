// WebVTT: ParseVtt on arbitrary bytes, and the round trip of generated alignments (WriteVtt with
// and without <c> spans, then ParseVtt): text, words and word starts within half a millisecond.
#include <cmath>
#include <cstdint>
#include <string_view>
#include <vector>

#include "export/vtt_reader.h"
#include "export/vtt_writer.h"
#include "fuzz/fuzz_alignment.h"
#include "fuzz/fuzz_check.h"

namespace {

constexpr double kHalfMilliS = 0.0005 + 1e-6;

void CheckParsedVtt(std::string_view text) {
  const auto read = ytl::ParseVtt(text);
  if (!read.ok()) return;
  for (const auto& word : read->words) {
    FUZZ_CHECK(word.line >= 0 && static_cast<std::size_t>(word.line) < read->lines.size(),
               "word line %d of %zu", word.line, read->lines.size());
  }
  (void)ytl::WriteVtt(*read);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  CheckParsedVtt(std::string_view(reinterpret_cast<const char*>(bytes), size));
  FuzzedDataProvider data(bytes, size);
  const bool spans = data.ConsumeBool();
  const ytl::Alignment original =
      ytl::fuzz::ConsumeWellFormedAlignment(data, {.punctuation = ",.!?'&-<>[]{};#\\"});
  const auto read =
      ytl::ParseVtt(ytl::WriteVtt(original, {.word_timestamps = true, .class_spans = spans}));
  FUZZ_CHECK(read.ok(), "%s", read.status().ToString().c_str());
  FUZZ_CHECK(read->lines.size() == original.lines.size(), "%zu cues, wrote %zu", read->lines.size(),
             original.lines.size());
  for (std::size_t i = 0; i < original.lines.size(); ++i) {
    FUZZ_CHECK(read->lines[i].text == original.lines[i].text, "cue %zu '%s' vs '%s'", i,
               read->lines[i].text.c_str(), original.lines[i].text.c_str());
  }
  // A one-word cue carries no timestamp tag (the first word is never tagged), so it reads back
  // as a line without words, as vtt_reader.h documents.
  std::vector<const ytl::TimedWord*> tagged;
  for (const ytl::TimedWord& word : original.words) {
    if (original.lines[word.line].words.size() > 1) tagged.push_back(&word);
  }
  FUZZ_CHECK(read->words.size() == tagged.size(), "%zu words, wrote %zu in tagged cues",
             read->words.size(), tagged.size());
  for (std::size_t i = 0; i < tagged.size(); ++i) {
    const ytl::TimedWord& want = *tagged[i];
    const ytl::TimedWord& got = read->words[i];
    FUZZ_CHECK(got.text == want.text, "word %zu '%s' vs '%s'", i, got.text.c_str(),
               want.text.c_str());
    FUZZ_CHECK(got.line == want.line, "word %zu line %d vs %d", i, got.line, want.line);
    FUZZ_CHECK(std::abs(got.start_s - want.start_s) <= kHalfMilliS, "word %zu start %.6f vs %.6f",
               i, got.start_s, want.start_s);
  }
  return 0;
}
