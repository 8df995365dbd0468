// Lyric sheets: ParseLyricSheet (UTF-8 checks, line markup, sections and repeats, the text
// normaliser and number speller) on arbitrary bytes, in each language that spells numbers.
#include <array>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_check.h"
#include "lyrics/lyric_sheet_parser.h"
#include "lyrics/text_normalizer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  static constexpr std::array<const char*, 5> kLanguages = {"en", "fr", "es", "de", "it"};
  if (size == 0) return 0;
  ytl::ParseOptions options;
  options.language = kLanguages[bytes[0] % kLanguages.size()];
  options.max_bytes = 64 << 10;
  options.max_lines = 500;
  const std::string_view text(reinterpret_cast<const char*>(bytes) + 1, size - 1);
  const auto sheet = ytl::ParseLyricSheet(text, "fuzz.txt", options);
  if (!sheet.ok()) {
    const auto code = sheet.status().code();
    FUZZ_CHECK(
        code == ytl::Status::Code::kInvalidInput || code == ytl::Status::Code::kResourceExhausted,
        "unexpected error %s", sheet.status().ToString().c_str());
    return 0;
  }
  FUZZ_CHECK(sheet->word_count() > 0, "a parsed sheet has no words");
  FUZZ_CHECK(sheet->lines.size() <= options.max_lines, "%zu lines over the limit",
             sheet->lines.size());
  for (const auto& line : sheet->lines) {
    FUZZ_CHECK(!line.words.empty(), "a line without words was kept: '%s'", line.text.c_str());
    for (const auto& word : line.words) {
      FUZZ_CHECK(!word.spoken.empty(), "word '%s' has no spoken form", word.text.c_str());
      // The spoken form is what the normaliser gives the written word.
      FUZZ_CHECK(ytl::SpokenForm(word.text, options.language) == word.spoken,
                 "spoken form of '%s' is '%s' in the sheet", word.text.c_str(),
                 word.spoken.c_str());
      FUZZ_CHECK(word.vocable == ytl::IsVocable(word.spoken), "vocable mark of '%s' is %d",
                 word.text.c_str(), static_cast<int>(word.vocable));
    }
  }
  return 0;
}
