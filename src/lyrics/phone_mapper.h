// PhoneMapper: maps espeak-ng IPA phonemes onto the en-us (CMU) phone set.
//
// The aligner's acoustic model knows only the 39 stressless CMU phones, so
// words sung in French, Spanish, German, ... are approximated with the
// closest en-us phones. The mapping is table driven: one table of IPA symbols
// shared by all languages (it covers French and Spanish), plus small override
// tables for English (flap "ɾ" -> T, r-coloured vowels) and German ("-er"
// vowel "ɜ" -> AH).
//
// Chosen approximations (documented so they can be tuned):
//   nasal vowels      ɑ̃ -> AA N, ɔ̃ -> OW N, ɛ̃ -> EH N, œ̃ -> AH N; any other
//                     vowel + combining tilde -> vowel + N
//   front rounded     y -> UW, ʏ -> UH, ø/œ -> ER
//   r sounds          ʁ r ɾ ʀ ɹ ɻ -> R (English ɾ, the flap, -> T)
//   dorsal fricatives ç x χ ħ -> HH (one phone: the aligner sees frication)
//   palatals          ʎ -> L Y, ɲ -> N Y, ʝ -> Y, ɥ -> W
//   affricates        ts -> T S, dz -> D Z, pf -> P F, tʃ -> CH, dʒ -> JH
//   diphthongs        aɪ -> AY, aʊ -> AW, eɪ -> EY, oʊ/əʊ -> OW, ɔɪ/ɔʏ -> OY
// Ignored: stress (ˈ ˌ), length (ː ˑ), syllable and linking marks (. - ‿),
// tie bars and zero-width joiners, other combining diacritics and modifier
// letters (ʰ ʲ ʷ ...), espeak's language-switch markers "(en)", and the
// glottal stop ʔ.
// Fallback: a symbol in no table is mapped as a written letter when it is
// one (ASCII or accented Latin: "é" -> EY, "j" -> JH), else to AH, the most
// neutral vowel; such symbols are reported in IpaMapping::fallback_symbols.
// Only silent symbols (ʔ) and ignored marks map to no phone; the pronouncer
// spells such a word with MapLettersToCmu().
//
// Thread-safe: all functions are pure over immutable tables.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lyrics/cmu_phone_set.h"
#include "lyrics/pronouncer.h"

namespace ytl {

// Result of mapping a word's IPA phonemes.
struct IpaMapping {
  Phones phones;                              // en-us CMU phones, in order
  std::vector<std::string> fallback_symbols;  // symbols no table knew (UTF-8)
};

// Maps a word's espeak-ng IPA phonemes (one phoneme per element, as espeak
// emits them with a separator; an element may also hold several phonemes
// without separators, e.g. "bɔ̃ʒˈuʁ") in `language` (ISO 639-1 code or
// espeak voice name: "en", "en-us", "fr", "de", ...).
IpaMapping MapIpaToCmu(const std::vector<std::string>& ipa_phonemes, std::string_view language);

// Maps written letters (UTF-8, any case) one by one: the last resort for a
// word whose phonemes mapped to nothing. Each non-ASCII letter yields at
// least one phone; ASCII digits, spaces and punctuation yield none.
Phones MapLettersToCmu(std::string_view word);

}  // namespace ytl
