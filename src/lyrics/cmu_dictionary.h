// CmuDictionary: the CMU pronouncing dictionary as shipped with PocketSphinx.
//
// File format, one pronunciation per line: "word PH PH ...", alternates as
// "word(2) PH ...". Stress digits ("AH0") are dropped and "#" starts a
// comment. Words are looked up in lower case.
//
// Immutable after Load(): thread-safe for concurrent Find() calls.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "lyrics/pronouncer.h"

namespace ytl {

// Where pocketsphinx-en-us installs the dictionary on Debian.
inline constexpr std::string_view kDefaultCmuDictionaryPath =
    "/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict";

class CmuDictionary {
 public:
  // Reads the dictionary at `path`. NotFound when the file cannot be opened,
  // InvalidInput (naming the line) when a line is malformed or holds a phone
  // outside the en-us set, or when the file has no entry.
  static Result<CmuDictionary> Load(const std::string& path);

  // Parses dictionary text (same format as the file); `source` names it in
  // error messages.
  static Result<CmuDictionary> Parse(std::string_view text, std::string_view source);

  // Pronunciations of `word` (any ASCII case): the main entry first, then
  // "(2)", "(3)", ... in order. Empty when the word is absent.
  std::vector<Phones> Find(std::string_view word) const;

  // Number of distinct words.
  std::size_t size() const { return entries_.size(); }

 private:
  // One pronunciation, compact: the dictionary holds ~135k of them.
  struct Variant {
    int number = 1;         // 1 for "word", 2 for "word(2)", ...
    std::string phone_ids;  // one byte per phone: its index in kCmuPhones
  };

  std::unordered_map<std::string, std::vector<Variant>> entries_;  // sorted by number
};

}  // namespace ytl
