// CmuDictPronouncer: a test Pronouncer backed by a CMU pronouncing
// dictionary file (cmudict-en-us.dict from pocketsphinx-en-us). Words not in
// the dictionary are spelled with one rough phone per letter.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "lyrics/pronouncer.h"

namespace ytl {

class CmuDictPronouncer : public Pronouncer {
 public:
  static Result<CmuDictPronouncer> Load(const std::string& path);

  Result<std::vector<Phones>> Pronounce(std::string_view word,
                                        std::string_view language) const override;

 private:
  std::unordered_map<std::string, std::vector<Phones>> dict_;
};

}  // namespace ytl
