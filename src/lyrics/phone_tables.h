// The IPA -> en-us CMU tables behind phone_mapper.h (see there for the
// choices they encode). Internal to the lyrics module.
#pragma once

#include <span>
#include <string_view>

namespace ytl::phone_tables {

// One mapping: a UTF-8 symbol sequence and its space-separated CMU phones
// (empty `phones` means "silent", e.g. the glottal stop).
struct Entry {
  std::string_view symbols;
  std::string_view phones;
};

// IPA symbols for every language.
std::span<const Entry> CommonIpa();
// Overrides for English voices (en, en-us, en-gb, ...).
std::span<const Entry> EnglishIpa();
// Overrides for German voices.
std::span<const Entry> GermanIpa();
// Written letters (lower case, ASCII and accented Latin) for the fallback.
std::span<const Entry> Letters();

}  // namespace ytl::phone_tables
