#include "lyrics/cmu_dictionary.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>
#include <utility>

#include "lyrics/cmu_phone_set.h"

namespace ytl {
namespace {

std::string AsciiLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// "word(2)" -> {"word", 2}; "word" -> {"word", 1}.
std::pair<std::string_view, int> SplitVariant(std::string_view headword) {
  const std::size_t open = headword.rfind('(');
  if (open == std::string_view::npos || open == 0 || headword.back() != ')') return {headword, 1};
  const std::string_view digits = headword.substr(open + 1, headword.size() - open - 2);
  if (digits.empty() || !std::all_of(digits.begin(), digits.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c));
      })) {
    return {headword, 1};
  }
  return {headword.substr(0, open), std::stoi(std::string(digits))};
}

struct ParsedLine {
  std::string word;
  int variant = 1;
  std::string phone_ids;  // indices in kCmuPhones
};

// Splits on spaces and tabs.
std::vector<std::string_view> Fields(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t pos = 0;
  while (true) {
    pos = line.find_first_not_of(" \t\r", pos);
    if (pos == std::string_view::npos) break;
    const std::size_t end = std::min(line.find_first_of(" \t\r", pos), line.size());
    fields.push_back(line.substr(pos, end - pos));
    pos = end;
  }
  return fields;
}

Result<ParsedLine> ParseLine(std::string_view line, std::string_view source, int line_number) {
  const std::vector<std::string_view> fields = Fields(line);
  const auto [word, variant] = SplitVariant(fields.front());
  ParsedLine parsed{AsciiLower(word), variant, {}};
  for (std::size_t i = 1; i < fields.size(); ++i) {
    std::string_view phone = fields[i];
    while (!phone.empty() && std::isdigit(static_cast<unsigned char>(phone.back()))) {
      phone.remove_suffix(1);
    }
    const int index = CmuPhoneIndex(phone);
    if (index < 0) {
      return Status::InvalidInput("pronunciation dictionary " + std::string(source) + " line " +
                                  std::to_string(line_number) + ": '" + std::string(phone) +
                                  "' is not an en-us phone; use the CMU phone set (AA..ZH)");
    }
    parsed.phone_ids.push_back(static_cast<char>(index));
  }
  if (parsed.phone_ids.empty()) {
    return Status::InvalidInput(
        "pronunciation dictionary " + std::string(source) + " line " + std::to_string(line_number) +
        ": word '" + std::string(fields.front()) + "' has no phones; write 'word PH PH ...'");
  }
  return parsed;
}

}  // namespace

Result<CmuDictionary> CmuDictionary::Load(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    return Status::NotFound("cannot open pronunciation dictionary " + path +
                            "; install pocketsphinx-en-us or set the dictionary path");
  }
  std::ostringstream text;
  text << file.rdbuf();
  return Parse(text.str(), path);
}

Result<CmuDictionary> CmuDictionary::Parse(std::string_view text, std::string_view source) {
  CmuDictionary dictionary;
  dictionary.entries_.reserve(std::count(text.begin(), text.end(), '\n') + 1);
  int line_number = 0;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_number;
    line = line.substr(0, line.find('#'));
    if (line.find_first_not_of(" \t\r") == std::string_view::npos || line.starts_with(";;;")) {
      continue;
    }
    Result<ParsedLine> parsed = ParseLine(line, source, line_number);
    if (!parsed.ok()) return parsed.status();
    auto& variants = dictionary.entries_[std::move(parsed->word)];
    const auto after = std::upper_bound(
        variants.begin(), variants.end(), parsed->variant,
        [](int number, const Variant& variant) { return number < variant.number; });
    variants.insert(after, Variant{parsed->variant, std::move(parsed->phone_ids)});
  }
  if (dictionary.entries_.empty()) {
    return Status::InvalidInput("pronunciation dictionary " + std::string(source) +
                                " has no entries; expected lines 'word PH PH ...'");
  }
  return dictionary;
}

std::vector<Phones> CmuDictionary::Find(std::string_view word) const {
  const auto it = entries_.find(AsciiLower(word));
  if (it == entries_.end()) return {};
  std::vector<Phones> pronunciations;
  for (const Variant& variant : it->second) {
    Phones& phones = pronunciations.emplace_back();
    for (char id : variant.phone_ids) phones.emplace_back(kCmuPhones[static_cast<int>(id)]);
  }
  return pronunciations;
}

}  // namespace ytl
