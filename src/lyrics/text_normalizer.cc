#include "lyrics/text_normalizer.h"

#include <algorithm>
#include <array>
#include <optional>

#include "lyrics/number_speller.h"
#include "lyrics/utf8.h"

namespace ytl {
namespace {

bool InRange(char32_t c, char32_t first, char32_t last) { return c >= first && c <= last; }
bool IsDigit(char32_t c) { return InRange(c, '0', '9'); }

// Curly quotes and accents used as apostrophes.
char32_t FoldApostrophe(char32_t c) {
  if (c == 0x2019 || c == 0x2018 || c == 0x02BC || c == '`' || c == 0x00B4) return '\'';
  return c;
}

std::u32string DecodeForSpeech(std::string_view text) {
  std::u32string out;
  std::size_t pos = 0;
  while (pos < text.size())
    out.push_back(ToLowerCodePoint(FoldApostrophe(DecodeUtf8At(text, &pos))));
  return out;
}

std::string Encode(std::u32string_view text) {
  std::string out;
  for (const char32_t c : text) AppendUtf8(c, &out);
  return out;
}

std::string JoinSpoken(std::string left, const std::string& right) {
  if (left.empty()) return right;
  if (right.empty()) return left;
  return left + " " + right;
}

std::u32string_view TrimApostrophes(std::u32string_view run) {
  while (!run.empty() && run.front() == '\'') run.remove_prefix(1);
  while (!run.empty() && run.back() == '\'') run.remove_suffix(1);
  return run;
}

// "1,000" (en) or "1.000" (other languages) -> "1000".
void RemoveDigitGroupSeparators(std::u32string* text, char32_t separator) {
  for (std::size_t i = 1; i + 3 < text->size(); ++i) {
    const std::u32string& s = *text;
    const bool three_digits = IsDigit(s[i + 1]) && IsDigit(s[i + 2]) && IsDigit(s[i + 3]);
    const bool group_ends = i + 4 == s.size() || !IsDigit(s[i + 4]);
    if (s[i] == separator && IsDigit(s[i - 1]) && three_digits && group_ends) text->erase(i, 1);
  }
}

std::string SpellDigitRun(std::u32string_view digits, std::string_view language) {
  if (digits.size() == 1 || (digits.front() != '0' && digits.size() <= 9)) {
    long value = 0;
    for (const char32_t d : digits) value = value * 10 + static_cast<long>(d - '0');
    return SpellNumber(value, language);
  }
  std::string out;
  for (const char32_t d : digits) out = JoinSpoken(out, SpellNumber(d - '0', language));
  return out;
}

// Ordinals ("21st", "1er") and English decades ("90s"); nullopt otherwise.
std::optional<std::string> SpellNumberWithSuffix(std::u32string_view run,
                                                 std::string_view language) {
  const std::size_t digit_count = std::find_if_not(run.begin(), run.end(), IsDigit) - run.begin();
  if (digit_count == 0 || digit_count > 9 || digit_count == run.size()) return std::nullopt;
  const std::string suffix = Encode(run.substr(digit_count));
  const long value = std::stol(Encode(run.substr(0, digit_count)));
  if (language == "en" && (suffix == "s" || suffix == "'s") && value % 10 == 0) {
    std::string spelled = SpellNumber(value, language);
    if (spelled.ends_with('y')) return spelled.substr(0, spelled.size() - 1) + "ies";
    return spelled + "s";
  }
  static constexpr std::array<std::string_view, 4> kEnSuffixes = {"st", "nd", "rd", "th"};
  static constexpr std::array<std::string_view, 6> kFrSuffixes = {"er",  "e", "ème",
                                                                  "eme", "è", "ième"};
  const auto has = [&suffix](const auto& list) {
    return std::find(list.begin(), list.end(), suffix) != list.end();
  };
  if (language == "fr" && value == 1 && (suffix == "re" || suffix == "ère")) return "première";
  if ((language == "en" && has(kEnSuffixes)) || (language == "fr" && has(kFrSuffixes))) {
    return SpellOrdinal(value, language);
  }
  return std::nullopt;
}

// Spoken form of a run of letters, digits and inner apostrophes.
std::string SpeakRun(std::u32string_view run, std::string_view language) {
  run = TrimApostrophes(run);
  if (run.empty()) return "";
  if (auto spelled = SpellNumberWithSuffix(run, language)) return *spelled;
  std::string out;
  std::size_t start = 0;
  while (start < run.size()) {
    const bool digits = IsDigit(run[start]);
    std::size_t end = start;
    while (end < run.size() && IsDigit(run[end]) == digits) ++end;
    const std::u32string_view part = run.substr(start, end - start);
    out = JoinSpoken(out, digits ? SpellDigitRun(part, language) : Encode(TrimApostrophes(part)));
    start = end;
  }
  return out;
}

std::string AndWord(std::string_view language) {
  if (language == "fr") return "et";
  if (language == "es") return "y";
  if (language == "de") return "und";
  return "and";
}

// Length of the run of `c` at the start of `text`.
std::size_t RunOf(std::string_view text, char c) {
  std::size_t n = 0;
  while (n < text.size() && text[n] == c) ++n;
  return n;
}

// One token: o+h+ | o{2,}h* | a+h+ | a{2,}h* | u+h+ | e+h+ | m{2,} | h+m+ (no std::regex: its
// recursion overflows the stack on a long enough token, and lyrics are user input).
bool IsVocableToken(std::string_view token) {
  if (token.empty()) return false;
  const char first = token[0];
  const std::size_t lead = RunOf(token, first);
  const std::string_view rest = token.substr(lead);
  switch (first) {
    case 'o':
    case 'a':
      return RunOf(rest, 'h') == rest.size() && (lead >= 2 || !rest.empty());
    case 'u':
    case 'e':
      return !rest.empty() && RunOf(rest, 'h') == rest.size();
    case 'm':
      return rest.empty() && lead >= 2;
    case 'h':
      return !rest.empty() && RunOf(rest, 'm') == rest.size();
    default:
      return false;
  }
}

}  // namespace

char32_t ToLowerCodePoint(char32_t c) {
  if (InRange(c, 'A', 'Z')) return c + 32;
  if (c < 0xC0) return c;
  if (InRange(c, 0xC0, 0xDE) && c != 0xD7) return c + 32;
  if (c == 0x130) return 'i';
  if (c == 0x178) return 0xFF;
  if (c == 0x1E9E) return 0xDF;
  const bool even_upper = InRange(c, 0x100, 0x137) || InRange(c, 0x14A, 0x177) ||
                          InRange(c, 0x1E00, 0x1E95) || InRange(c, 0x1EA0, 0x1EFF);
  if (even_upper) return c % 2 == 0 ? c + 1 : c;
  if (InRange(c, 0x139, 0x148) || InRange(c, 0x179, 0x17E)) return c % 2 == 1 ? c + 1 : c;
  if (c == 0x386) return 0x3AC;
  if (InRange(c, 0x388, 0x38A)) return c + 37;
  if (c == 0x38C) return 0x3CC;
  if (InRange(c, 0x38E, 0x38F)) return c + 63;
  if (InRange(c, 0x391, 0x3AB) && c != 0x3A2) return c + 32;
  if (InRange(c, 0x400, 0x40F)) return c + 80;
  if (InRange(c, 0x410, 0x42F)) return c + 32;
  return c;
}

std::string ToLowerUtf8(std::string_view text) {
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) AppendUtf8(ToLowerCodePoint(DecodeUtf8At(text, &pos)), &out);
  return out;
}

bool IsWordCodePoint(char32_t c) {
  if (c < 0x80) return InRange(c, '0', '9') || InRange(c, 'a', 'z') || InRange(c, 'A', 'Z');
  if (c < 0xC0) return c == 0xAA || c == 0xB5 || c == 0xBA;
  if (c == 0xD7 || c == 0xF7 || c == 0xFEFF || c == 0xFFFD) return false;
  static constexpr std::array<std::pair<char32_t, char32_t>, 13> kNonWordRanges = {{
      {0x2000, 0x206F},  // general punctuation, zero-width joiners
      {0x20A0, 0x20CF},  // currency
      {0x2190, 0x2BFF},  // arrows, maths, boxes, dingbats
      {0x2E00, 0x2E7F},  // supplemental punctuation
      {0x3000, 0x303F},  // CJK punctuation
      {0xFE00, 0xFE0F},  // variation selectors
      {0xFE30, 0xFE4F},  // CJK compatibility forms
      {0xFF01, 0xFF0F},  // fullwidth punctuation
      {0xFF1A, 0xFF20},
      {0xFF3B, 0xFF40},
      {0xFF5B, 0xFF65},
      {0x1F000, 0x1FAFF},  // emoji and pictographs
      {0xE0000, 0xE007F},  // tags
  }};
  return std::none_of(kNonWordRanges.begin(), kNonWordRanges.end(),
                      [c](const auto& range) { return InRange(c, range.first, range.second); });
}

bool IsSpaceCodePoint(char32_t c) {
  return c == ' ' || InRange(c, '\t', '\r') || c == 0xA0 || c == 0x1680 ||
         InRange(c, 0x2000, 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000;
}

std::string SpokenForm(std::string_view written_word, std::string_view language) {
  std::u32string text = DecodeForSpeech(written_word);
  RemoveDigitGroupSeparators(&text, language == "en" ? U',' : U'.');
  std::string out;
  std::size_t run_start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const bool in_run = i < text.size() && (IsWordCodePoint(text[i]) || text[i] == '\'');
    if (in_run) continue;
    out = JoinSpoken(
        out, SpeakRun(std::u32string_view(text).substr(run_start, i - run_start), language));
    if (i < text.size() && text[i] == '&') out = JoinSpoken(out, AndWord(language));
    run_start = i + 1;
  }
  return out;
}

bool IsVocable(std::string_view spoken) {
  std::size_t tokens = 0;
  for (std::size_t pos = 0; pos <= spoken.size();) {
    const std::size_t space = std::min(spoken.find(' ', pos), spoken.size());
    const std::string_view token = spoken.substr(pos, space - pos);
    if (!token.empty()) {
      if (!IsVocableToken(token)) return false;
      ++tokens;
    }
    pos = space + 1;
  }
  return tokens > 0;
}

std::vector<LyricWord> SplitLyricWords(std::string_view line, std::string_view language) {
  std::vector<LyricWord> words;
  int depth = 0;  // parentheses open at the current position
  std::size_t pos = 0;
  while (pos < line.size()) {
    const std::size_t start = pos;
    std::size_t end = pos;
    std::optional<bool> optional;  // decided at the word's first letter
    while (pos < line.size()) {
      const char32_t c = DecodeUtf8At(line, &pos);
      if (IsSpaceCodePoint(c)) break;
      end = pos;
      if (c == '(') ++depth;
      if (c == ')') depth = std::max(0, depth - 1);
      if (!optional && (IsWordCodePoint(c) || c == '&')) optional = depth > 0;
    }
    if (end == start) continue;
    const std::string_view written = line.substr(start, end - start);
    std::string spoken = SpokenForm(written, language);
    if (!spoken.empty()) {
      const bool vocable = IsVocable(spoken);
      words.push_back({std::string(written), std::move(spoken), optional.value_or(false), vocable});
    }
  }
  return words;
}

}  // namespace ytl
