// The pronunciation mapper: espeak-ng style IPA phonemes (arbitrary UTF-8 and bytes, split on
// spaces like espeak's separated output) mapped onto en-us CMU phones, and the letter fallback.
// espeak-ng itself is not run: the mapping is what reads its output.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz/fuzz_check.h"
#include "lyrics/cmu_phone_set.h"
#include "lyrics/phone_mapper.h"

namespace {

void CheckPhones(const ytl::Phones& phones, std::string_view input) {
  for (const std::string& phone : phones) {
    FUZZ_CHECK(ytl::IsCmuPhone(phone), "'%s' (from '%.*s') is not a CMU phone", phone.c_str(),
               static_cast<int>(input.size()), input.data());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  static constexpr std::array<const char*, 7> kLanguages = {"en", "en-us", "fr", "de",
                                                            "es", "it",    "pt"};
  if (size == 0) return 0;
  const char* language = kLanguages[bytes[0] % kLanguages.size()];
  const std::string_view text(reinterpret_cast<const char*>(bytes) + 1, size - 1);
  std::vector<std::string> phonemes;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    phonemes.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  const ytl::IpaMapping mapping = ytl::MapIpaToCmu(phonemes, language);
  CheckPhones(mapping.phones, text);
  CheckPhones(ytl::MapLettersToCmu(text), text);
  return 0;
}
