// Alignments built from fuzz input, for the export writers' fuzz targets.
#pragma once

#include <fuzzer/FuzzedDataProvider.h>

#include <string>
#include <string_view>

#include "alignment/alignment.h"

namespace ytl::fuzz {

// What the words of a generated alignment may contain.
struct WordAlphabet {
  // Characters a word may hold besides letters and digits; a format's round trip is only
  // promised for text it can carry (LRC has no escapes, so no '<' or '[' there).
  std::string_view punctuation = ",.!?'&-";
  bool accented = true;  // may hold "é", "ü", "ß", "—" (multi-byte UTF-8)
};

// An alignment a syncing run could produce: non-empty words without blanks, lines whose text is
// their words joined by spaces, times in reading order, finite and below 30 hours.
Alignment ConsumeWellFormedAlignment(FuzzedDataProvider& data, const WordAlphabet& alphabet);

// Any alignment the writers must survive: arbitrary bytes as text (control characters and
// invalid UTF-8 included), times in any order, negative or huge (finite), lines without words.
Alignment ConsumeAnyAlignment(FuzzedDataProvider& data);

}  // namespace ytl::fuzz
