#include "lyrics/number_speller.h"

#include <gtest/gtest.h>

namespace ytl {
namespace {

struct Case {
  long value;
  const char* spoken;
};

void ExpectSpelled(std::string_view language, std::initializer_list<Case> cases) {
  for (const Case& c : cases) {
    EXPECT_EQ(SpellNumber(c.value, language), c.spoken) << language << " " << c.value;
  }
}

TEST(NumberSpeller, SpellsEnglishCardinals) {
  ExpectSpelled("en", {{0, "zero"},
                       {7, "seven"},
                       {13, "thirteen"},
                       {21, "twenty one"},
                       {40, "forty"},
                       {100, "one hundred"},
                       {105, "one hundred five"},
                       {999, "nine hundred ninety nine"},
                       {1000, "one thousand"},
                       {1050, "one thousand fifty"},
                       {2000, "two thousand"},
                       {2024, "two thousand twenty four"},
                       {21000, "twenty one thousand"},
                       {999999, "nine hundred ninety nine thousand nine hundred ninety nine"},
                       {1000000, "one million"},
                       {-5, "minus five"}});
}

TEST(NumberSpeller, ReadsEnglishYearsInPairs) {
  ExpectSpelled("en", {{1999, "nineteen ninety nine"},
                       {1905, "nineteen oh five"},
                       {1900, "nineteen hundred"},
                       {1100, "eleven hundred"}});
}

TEST(NumberSpeller, SpellsFrenchCardinals) {
  ExpectSpelled("fr", {{0, "zéro"},
                       {16, "seize"},
                       {17, "dix sept"},
                       {21, "vingt et un"},
                       {22, "vingt deux"},
                       {70, "soixante dix"},
                       {71, "soixante et onze"},
                       {77, "soixante dix sept"},
                       {80, "quatre vingts"},
                       {81, "quatre vingt un"},
                       {91, "quatre vingt onze"},
                       {99, "quatre vingt dix neuf"},
                       {100, "cent"},
                       {200, "deux cents"},
                       {201, "deux cent un"},
                       {280, "deux cent quatre vingts"},
                       {1000, "mille"},
                       {1999, "mille neuf cent quatre vingt dix neuf"},
                       {80000, "quatre vingt mille"},
                       {200000, "deux cent mille"},
                       {2000000, "deux millions"},
                       {-3, "moins trois"}});
}

TEST(NumberSpeller, SpellsSpanishCardinals) {
  ExpectSpelled("es", {{0, "cero"},
                       {16, "dieciséis"},
                       {21, "veintiuno"},
                       {22, "veintidós"},
                       {31, "treinta y uno"},
                       {100, "cien"},
                       {101, "ciento uno"},
                       {500, "quinientos"},
                       {1000, "mil"},
                       {1999, "mil novecientos noventa y nueve"},
                       {21000, "veintiún mil"},
                       {31000, "treinta y un mil"},
                       {101000, "ciento un mil"},
                       {1000000, "un millón"},
                       {2000000, "dos millones"}});
}

TEST(NumberSpeller, SpellsGermanCardinalsAsOneWord) {
  ExpectSpelled("de", {{0, "null"},
                       {1, "eins"},
                       {17, "siebzehn"},
                       {21, "einundzwanzig"},
                       {30, "dreißig"},
                       {99, "neunundneunzig"},
                       {100, "hundert"},
                       {101, "hunderteins"},
                       {1000, "tausend"},
                       {1001, "tausendeins"},
                       {1999, "neunzehnhundertneunundneunzig"},
                       {2024, "zweitausendvierundzwanzig"},
                       {21000, "einundzwanzigtausend"},
                       {1000000, "eine million"}});
}

TEST(NumberSpeller, FallsBackToEnglishForOtherLanguages) {
  EXPECT_EQ(SpellNumber(21, "it"), "twenty one");
}

TEST(NumberSpeller, ReadsHugeNumbersDigitByDigit) {
  EXPECT_EQ(SpellNumber(1234567890, "en"), "one two three four five six seven eight nine zero");
}

TEST(NumberSpeller, SpellsEnglishAndFrenchOrdinals) {
  EXPECT_EQ(SpellOrdinal(1, "en"), "first");
  EXPECT_EQ(SpellOrdinal(2, "en"), "second");
  EXPECT_EQ(SpellOrdinal(3, "en"), "third");
  EXPECT_EQ(SpellOrdinal(4, "en"), "fourth");
  EXPECT_EQ(SpellOrdinal(12, "en"), "twelfth");
  EXPECT_EQ(SpellOrdinal(20, "en"), "twentieth");
  EXPECT_EQ(SpellOrdinal(21, "en"), "twenty first");
  EXPECT_EQ(SpellOrdinal(100, "en"), "one hundredth");
  EXPECT_EQ(SpellOrdinal(1, "fr"), "premier");
  EXPECT_EQ(SpellOrdinal(2, "fr"), "deuxième");
  EXPECT_EQ(SpellOrdinal(5, "fr"), "cinquième");
  EXPECT_EQ(SpellOrdinal(9, "fr"), "neuvième");
  EXPECT_EQ(SpellOrdinal(21, "fr"), "vingt et unième");
  EXPECT_EQ(SpellOrdinal(80, "fr"), "quatre vingtième");
  EXPECT_EQ(SpellOrdinal(1000, "fr"), "millième");
  EXPECT_EQ(SpellOrdinal(3, "es"), std::nullopt);
  EXPECT_EQ(SpellOrdinal(-1, "en"), std::nullopt);
}

}  // namespace
}  // namespace ytl
