// Pronouncer: turns a sung word into phones of the en-us acoustic model.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace ytl {

// One pronunciation: en-us (CMU, stressless, upper case) phones, e.g.
// {"HH", "AH", "L", "OW"}. Never empty for a word with letters.
using Phones = std::vector<std::string>;

// Gives every word at least one pronunciation, so that no word is skipped.
// Thread-safe for concurrent Pronounce() calls.
class Pronouncer {
 public:
  virtual ~Pronouncer() = default;
  // `word` is a LyricWord::spoken token (lower case, no punctuation).
  // Returns one or more alternatives, best first.
  virtual Result<std::vector<Phones>> Pronounce(std::string_view word,
                                                std::string_view language) const = 0;
  // Identifies the engine, its version and every setting that changes its
  // phones (part of the aligner's stage-cache key).
  virtual std::string Fingerprint() const { return "pronouncer"; }
};

}  // namespace ytl
