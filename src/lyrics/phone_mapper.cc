#include "lyrics/phone_mapper.h"

#include <algorithm>
#include <array>
#include <string>
#include <unordered_map>

#include "lyrics/phone_tables.h"
#include "lyrics/text_normalizer.h"
#include "lyrics/utf8.h"

namespace ytl {
namespace {

constexpr char32_t kCombiningTilde = 0x0303;

using SymbolTable = std::unordered_map<std::u32string, Phones>;

std::u32string DecodeUtf8(std::string_view text) {
  std::u32string out;
  std::size_t pos = 0;
  while (pos < text.size()) out.push_back(DecodeUtf8At(text, &pos));
  return out;
}

Phones SplitPhones(std::string_view phones) {
  Phones out;
  std::size_t start = 0;
  while (start < phones.size()) {
    std::size_t end = phones.find(' ', start);
    if (end == std::string_view::npos) end = phones.size();
    if (end > start) out.emplace_back(phones.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// Later layers override earlier ones.
SymbolTable BuildTable(std::initializer_list<std::span<const phone_tables::Entry>> layers) {
  SymbolTable table;
  for (const auto& layer : layers) {
    for (const auto& entry : layer) {
      table[DecodeUtf8(entry.symbols)] = SplitPhones(entry.phones);
    }
  }
  return table;
}

struct Tables {
  SymbolTable generic = BuildTable({phone_tables::CommonIpa()});
  SymbolTable english = BuildTable({phone_tables::CommonIpa(), phone_tables::EnglishIpa()});
  SymbolTable german = BuildTable({phone_tables::CommonIpa(), phone_tables::GermanIpa()});
  SymbolTable letters = BuildTable({phone_tables::Letters()});
  std::size_t max_symbols = 1;

  Tables() {
    for (const auto* table : {&generic, &english, &german}) {
      for (const auto& [symbols, phones] : *table) {
        max_symbols = std::max(max_symbols, symbols.size());
      }
    }
  }
};

const Tables& GetTables() {
  static const Tables tables;
  return tables;
}

// "en-us" -> "en", "de_AT" -> "de".
std::string_view LanguageFamily(std::string_view language) {
  return language.substr(0, language.find_first_of("-_"));
}

const SymbolTable& TableFor(std::string_view language) {
  const Tables& tables = GetTables();
  const std::string_view family = LanguageFamily(language);
  if (family == "en" || family == "EN") return tables.english;
  if (family == "de" || family == "DE") return tables.german;
  return tables.generic;
}

// Stress, length, syllable and linking marks, tie bars, joiners, ASCII
// punctuation, combining diacritics other than the nasal tilde, and
// modifier letters (ʰ ʲ ʷ ...).
bool IsIgnored(char32_t c) {
  if (c < 0x80) return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
  if (c >= 0x0300 && c <= 0x036F) return c != kCombiningTilde;
  if (c >= 0x02B0 && c <= 0x02FF) return true;
  return c == 0x200C || c == 0x200D || c == 0x203F || c == 0x2016;
}

// Precomposed nasal vowels ("ã") become vowel + combining tilde.
void AppendNormalized(char32_t c, std::u32string* out) {
  static constexpr std::array<std::pair<char32_t, char32_t>, 6> kNasal = {
      {{0x00E3, 'a'}, {0x00F5, 'o'}, {0x1EBD, 'e'}, {0x0129, 'i'}, {0x0169, 'u'}, {0x1EF9, 'y'}}};
  for (const auto& [composed, base] : kNasal) {
    if (c == composed) {
      out->push_back(base);
      out->push_back(kCombiningTilde);
      return;
    }
  }
  out->push_back(c);
}

// Removes espeak's language-switch markers such as "(en)" or "(fr)".
std::string StripLanguageMarkers(std::string_view phoneme) {
  std::string out;
  for (std::size_t i = 0; i < phoneme.size(); ++i) {
    if (phoneme[i] == '(') {
      const std::size_t close = phoneme.find(')', i);
      if (close != std::string_view::npos) {
        i = close;
        continue;
      }
    }
    out.push_back(phoneme[i]);
  }
  return out;
}

std::u32string CleanSymbols(std::string_view phoneme) {
  std::u32string out;
  for (char32_t c : DecodeUtf8(StripLanguageMarkers(phoneme))) {
    if (!IsIgnored(c)) AppendNormalized(c, &out);
  }
  return out;
}

void Append(const Phones& phones, Phones* out) {
  out->insert(out->end(), phones.begin(), phones.end());
}

// A symbol in no IPA table: its letter reading, else AH.
void AppendFallback(char32_t c, IpaMapping* out) {
  const SymbolTable& letters = GetTables().letters;
  const auto it = letters.find(std::u32string(1, ToLowerCodePoint(c)));
  if (it != letters.end()) {
    Append(it->second, &out->phones);
  } else {
    out->phones.emplace_back("AH");
  }
  std::string symbol;
  AppendUtf8(c, &symbol);
  out->fallback_symbols.push_back(std::move(symbol));
}

// Greedy longest match of `symbols` against `table`.
void MapSymbols(const std::u32string& symbols, const SymbolTable& table, IpaMapping* out) {
  const std::size_t max_symbols = GetTables().max_symbols;
  std::size_t i = 0;
  while (i < symbols.size()) {
    std::size_t matched = 0;
    for (std::size_t len = std::min(max_symbols, symbols.size() - i); len > 0; --len) {
      const auto it = table.find(symbols.substr(i, len));
      if (it != table.end()) {
        Append(it->second, &out->phones);
        matched = len;
        break;
      }
    }
    if (matched > 0) {
      i += matched;
      continue;
    }
    if (symbols[i] == kCombiningTilde) {
      out->phones.emplace_back("N");  // a nasal vowel without its own entry
    } else {
      AppendFallback(symbols[i], out);
    }
    ++i;
  }
}

}  // namespace

IpaMapping MapIpaToCmu(const std::vector<std::string>& ipa_phonemes, std::string_view language) {
  const SymbolTable& table = TableFor(language);
  IpaMapping mapping;
  for (const std::string& phoneme : ipa_phonemes) {
    MapSymbols(CleanSymbols(phoneme), table, &mapping);
  }
  return mapping;
}

Phones MapLettersToCmu(std::string_view word) {
  const SymbolTable& letters = GetTables().letters;
  Phones phones;
  for (char32_t c : DecodeUtf8(word)) {
    const auto it = letters.find(std::u32string(1, ToLowerCodePoint(c)));
    if (it != letters.end()) {
      Append(it->second, &phones);
    } else if (c >= 0x80 && IsWordCodePoint(c)) {
      phones.emplace_back("AH");
    }
  }
  return phones;
}

}  // namespace ytl
