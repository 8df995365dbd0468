#include "lyrics/phone_mapper.h"

#include <gtest/gtest.h>

#include <sstream>

#include "lyrics/phone_tables.h"

namespace ytl {
namespace {

Phones Map(std::vector<std::string> ipa, std::string_view language) {
  return MapIpaToCmu(ipa, language).phones;
}

TEST(PhoneMapper, EveryTableEntryIsMadeOfCmuPhones) {
  for (auto table : {phone_tables::CommonIpa(), phone_tables::EnglishIpa(),
                     phone_tables::GermanIpa(), phone_tables::Letters()}) {
    for (const auto& entry : table) {
      EXPECT_FALSE(entry.symbols.empty());
      std::istringstream phones{std::string(entry.phones)};
      for (std::string phone; phones >> phone;) {
        EXPECT_TRUE(IsCmuPhone(phone)) << entry.symbols << " -> " << phone;
      }
    }
  }
}

TEST(PhoneMapper, MapsEnglishHello) {
  EXPECT_EQ(Map({"h", "ə", "l", "ˈoʊ"}, "en-us"), (Phones{"HH", "AH", "L", "OW"}));
}

TEST(PhoneMapper, MapsFrenchNasalVowelsAndUvularR) {
  EXPECT_EQ(Map({"b", "ɔ̃", "ʒ", "ˈu", "ʁ"}, "fr"), (Phones{"B", "OW", "N", "ZH", "UW", "R"}));
  EXPECT_EQ(Map({"ɑ̃"}, "fr"), (Phones{"AA", "N"}));
  EXPECT_EQ(Map({"v", "ˈɛ̃"}, "fr"), (Phones{"V", "EH", "N"}));
  EXPECT_EQ(Map({"ˈœ̃"}, "fr"), (Phones{"AH", "N"}));
}

TEST(PhoneMapper, ParsesPhonemesWithoutSeparators) {
  EXPECT_EQ(Map({"bɔ̃ʒˈuʁ"}, "fr"), (Phones{"B", "OW", "N", "ZH", "UW", "R"}));
  EXPECT_EQ(Map({"t‍sˈa‍ɪt"}, "de"), (Phones{"T", "S", "AY", "T"}));
}

TEST(PhoneMapper, MapsFrontRoundedVowels) {
  EXPECT_EQ(Map({"t", "ˈy"}, "fr"), (Phones{"T", "UW"}));
  EXPECT_EQ(Map({"d", "ˈø"}, "fr"), (Phones{"D", "ER"}));
  EXPECT_EQ(Map({"p", "ˈœ", "ʁ"}, "fr"), (Phones{"P", "ER", "R"}));
}

TEST(PhoneMapper, MapsSpanishPalatalsAndTap) {
  EXPECT_EQ(Map({"ʎ", "a", "m", "ˈa", "ɾ"}, "es"), (Phones{"L", "Y", "AA", "M", "AA", "R"}));
  EXPECT_EQ(Map({"n", "ˈi", "ɲ", "o"}, "es"), (Phones{"N", "IY", "N", "Y", "OW"}));
  EXPECT_EQ(Map({"k", "ˌo", "ɾ", "a", "θ", "ˈo", "n"}, "es"),
            (Phones{"K", "OW", "R", "AA", "TH", "OW", "N"}));
  EXPECT_EQ(Map({"ˈoɪ"}, "es"), (Phones{"OY"}));
  EXPECT_EQ(Map({"x", "ˈa", "β", "a", "ð", "o"}, "es"),
            (Phones{"HH", "AA", "B", "AA", "DH", "OW"}));
}

TEST(PhoneMapper, MapsGermanFricativesAffricatesAndSchwas) {
  EXPECT_EQ(Map({"ˈɪ", "ç"}, "de"), (Phones{"IH", "HH"}));
  EXPECT_EQ(Map({"b", "ˈuː", "x"}, "de"), (Phones{"B", "UW", "HH"}));
  EXPECT_EQ(Map({"pf", "ˈɛ", "f", "ɜ"}, "de"), (Phones{"P", "F", "EH", "F", "AH"}));
  EXPECT_EQ(Map({"f", "ɛ", "ɐ", "ˈɛ", "n", "d", "ə", "ʁ", "ˌʊ", "ŋ"}, "de"),
            (Phones{"F", "EH", "AH", "EH", "N", "D", "AH", "R", "UH", "NG"}));
}

TEST(PhoneMapper, TheFlapIsTInEnglishAndROtherwise) {
  EXPECT_EQ(Map({"ɾ"}, "en"), (Phones{"T"}));
  EXPECT_EQ(Map({"ɾ"}, "es"), (Phones{"R"}));
}

TEST(PhoneMapper, IgnoresStressLengthTiesMarkersAndGlottalStop) {
  EXPECT_EQ(Map({"t͡ʃ", "ˈɜː", "t‍ʃ"}, "en"), (Phones{"CH", "ER", "CH"}));
  EXPECT_EQ(Map({"(en)", "ʔ", "ˈaː", "(fr)"}, "de"), (Phones{"AA"}));
  EXPECT_EQ(Map({"ə-"}, "fr"), (Phones{"AH"}));
  EXPECT_TRUE(MapIpaToCmu({"ˈoʊ"}, "en").fallback_symbols.empty());
}

TEST(PhoneMapper, NasalizesVowelsWithoutTheirOwnEntry) {
  EXPECT_EQ(Map({"ĩ"}, "pt"), (Phones{"IY", "N"}));        // precomposed
  EXPECT_EQ(Map({"u\u0303"}, "pt"), (Phones{"UW", "N"}));  // combining tilde
}

TEST(PhoneMapper, UnknownSymbolsFallBackAndAreReported) {
  const IpaMapping unknown = MapIpaToCmu({"ʬ"}, "fr");
  EXPECT_EQ(unknown.phones, (Phones{"AH"}));
  EXPECT_EQ(unknown.fallback_symbols, (std::vector<std::string>{"ʬ"}));
  const IpaMapping letter = MapIpaToCmu({"é"}, "fr");
  EXPECT_EQ(letter.phones, (Phones{"EY"}));
  EXPECT_EQ(letter.fallback_symbols.size(), 1u);
}

TEST(PhoneMapper, SpellsLettersAsLastResort) {
  EXPECT_EQ(MapLettersToCmu("Éa!"), (Phones{"EY", "AA"}));
  EXPECT_EQ(MapLettersToCmu("ñ"), (Phones{"N", "Y"}));
  EXPECT_EQ(MapLettersToCmu("я"), (Phones{"AH"}));
  EXPECT_TRUE(MapLettersToCmu("...").empty());
}

TEST(PhoneMapper, KnowsTheCmuPhoneSet) {
  EXPECT_TRUE(IsCmuPhone("AA"));
  EXPECT_TRUE(IsCmuPhone("ZH"));
  EXPECT_FALSE(IsCmuPhone("AH0"));
  EXPECT_FALSE(IsCmuPhone("ah"));
  EXPECT_FALSE(IsCmuPhone("AX"));
}

}  // namespace
}  // namespace ytl
