#include "alignment/testing/cmu_dict_pronouncer.h"

#include <cctype>
#include <fstream>
#include <sstream>

namespace ytl {
namespace {

// A rough phone per letter for out-of-dictionary words.
Phones SpellOut(std::string_view word) {
  static const char* const kLetterPhone[26] = {"AE", "B", "K",  "D", "EH", "F",  "G", "HH", "IH",
                                               "JH", "K", "L",  "M", "N",  "AA", "P", "K",  "R",
                                               "S",  "T", "AH", "V", "W",  "K",  "Y", "Z"};
  Phones phones;
  for (char c : word) {
    const int lower = std::tolower(static_cast<unsigned char>(c));
    if (lower >= 'a' && lower <= 'z') phones.push_back(kLetterPhone[lower - 'a']);
  }
  if (phones.empty()) phones.push_back("AH");
  return phones;
}

}  // namespace

Result<CmuDictPronouncer> CmuDictPronouncer::Load(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::NotFound("CMU dictionary " + path + " cannot be opened");
  CmuDictPronouncer p;
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string word;
    if (!(fields >> word)) continue;
    if (const auto paren = word.find('('); paren != std::string::npos) word.resize(paren);
    Phones phones;
    for (std::string ph; fields >> ph;) {
      if (ph == "#") break;
      phones.push_back(ph);
    }
    if (!phones.empty()) p.dict_[word].push_back(std::move(phones));
  }
  return p;
}

Result<std::vector<Phones>> CmuDictPronouncer::Pronounce(std::string_view word,
                                                         std::string_view) const {
  std::string key;
  for (char c : word) key.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  if (const auto it = dict_.find(key); it != dict_.end()) return it->second;
  return std::vector<Phones>{SpellOut(key)};
}

}  // namespace ytl
