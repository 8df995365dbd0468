#include "lyrics/number_speller.h"

#include <array>
#include <string>

namespace ytl {
namespace {

enum class NumberLanguage { kEnglish, kFrench, kSpanish, kGerman };

NumberLanguage LanguageOf(std::string_view code) {
  if (code == "fr") return NumberLanguage::kFrench;
  if (code == "es") return NumberLanguage::kSpanish;
  if (code == "de") return NumberLanguage::kGerman;
  return NumberLanguage::kEnglish;
}

constexpr long kMaxSpelled = 999'999'999;

// Joins two spoken fragments with one space, skipping empty ones.
std::string Join(std::string left, const std::string& right) {
  if (left.empty()) return right;
  if (right.empty()) return left;
  return left + " " + right;
}

// ---- English ----
constexpr std::array<const char*, 20> kEnOnes = {
    "zero",     "one",     "two",     "three",     "four",     "five",    "six",
    "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",  "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
constexpr std::array<const char*, 10> kEnTens = {"",      "",      "twenty",  "thirty", "forty",
                                                 "fifty", "sixty", "seventy", "eighty", "ninety"};

std::string EnBelow100(long n) {
  if (n < 20) return kEnOnes[n];
  return Join(kEnTens[n / 10], n % 10 ? kEnOnes[n % 10] : "");
}

std::string EnBelow1000(long n) {
  std::string out = n >= 100 ? std::string(kEnOnes[n / 100]) + " hundred" : "";
  return n % 100 ? Join(out, EnBelow100(n % 100)) : out;
}

std::string EnCardinal(long n) {
  if (n == 0) return "zero";
  std::string out;
  if (n >= 1'000'000) out = EnBelow1000(n / 1'000'000) + " million";
  if (n / 1000 % 1000) out = Join(out, EnBelow1000(n / 1000 % 1000) + " thousand");
  return Join(out, n % 1000 ? EnBelow1000(n % 1000) : "");
}

// 1100..1999 as a year: "nineteen ninety nine", "nineteen oh five".
std::string EnYear(long n) {
  const long century = n / 100, rest = n % 100;
  if (rest == 0) return EnBelow100(century) + " hundred";
  if (rest < 10) return EnBelow100(century) + " oh " + kEnOnes[rest];
  return EnBelow100(century) + " " + EnBelow100(rest);
}

// ---- French ----
constexpr std::array<const char*, 17> kFrUnits = {
    "zéro", "un",  "deux", "trois", "quatre", "cinq",     "six",    "sept", "huit",
    "neuf", "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize"};
constexpr std::array<const char*, 7> kFrTens = {"",         "dix",       "vingt",   "trente",
                                                "quarante", "cinquante", "soixante"};

// `plural` keeps the "s" of "quatre vingts" (dropped before "mille").
std::string FrBelow100(long n, bool plural) {
  if (n < 17) return kFrUnits[n];
  if (n < 20) return std::string("dix ") + kFrUnits[n - 10];
  const long tens = n / 10, unit = n % 10;
  if (tens <= 6) {
    if (unit == 0) return kFrTens[tens];
    return std::string(kFrTens[tens]) + (unit == 1 ? " et un" : std::string(" ") + kFrUnits[unit]);
  }
  if (tens == 7) return n == 71 ? "soixante et onze" : "soixante " + FrBelow100(n - 60, false);
  if (n == 80) return plural ? "quatre vingts" : "quatre vingt";
  return "quatre vingt " + FrBelow100(n - 80, false);
}

std::string FrBelow1000(long n, bool plural) {
  const long hundreds = n / 100, rest = n % 100;
  std::string out;
  if (hundreds == 1) out = "cent";
  if (hundreds > 1)
    out = std::string(kFrUnits[hundreds]) + (rest == 0 && plural ? " cents" : " cent");
  return rest ? Join(out, FrBelow100(rest, plural)) : out;
}

std::string FrCardinal(long n) {
  if (n == 0) return kFrUnits[0];
  std::string out;
  const long millions = n / 1'000'000, thousands = n / 1000 % 1000, rest = n % 1000;
  if (millions == 1) out = "un million";
  if (millions > 1) out = FrBelow1000(millions, true) + " millions";
  if (thousands == 1) out = Join(out, "mille");
  if (thousands > 1) out = Join(out, FrBelow1000(thousands, false) + " mille");
  return Join(out, rest ? FrBelow1000(rest, true) : "");
}

// ---- Spanish ----
constexpr std::array<const char*, 30> kEsBelow30 = {
    "cero",         "uno",         "dos",        "tres",        "cuatro",     "cinco",
    "seis",         "siete",       "ocho",       "nueve",       "diez",       "once",
    "doce",         "trece",       "catorce",    "quince",      "dieciséis",  "diecisiete",
    "dieciocho",    "diecinueve",  "veinte",     "veintiuno",   "veintidós",  "veintitrés",
    "veinticuatro", "veinticinco", "veintiséis", "veintisiete", "veintiocho", "veintinueve"};
constexpr std::array<const char*, 10> kEsTens = {
    "", "", "", "treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa"};
constexpr std::array<const char*, 10> kEsHundreds = {
    "",           "ciento",      "doscientos",  "trescientos", "cuatrocientos",
    "quinientos", "seiscientos", "setecientos", "ochocientos", "novecientos"};

std::string EsBelow100(long n) {
  if (n < 30) return kEsBelow30[n];
  const long unit = n % 10;
  return unit ? std::string(kEsTens[n / 10]) + " y " + kEsBelow30[unit] : kEsTens[n / 10];
}

std::string EsBelow1000(long n) {
  if (n == 100) return "cien";
  const std::string out = kEsHundreds[n / 100];
  return n % 100 ? Join(out, EsBelow100(n % 100)) : out;
}

// "uno" shortens before a noun: "veintiún mil", "treinta y un mil".
std::string EsApocope(std::string words) {
  constexpr std::string_view kVeintiuno = "veintiuno";
  if (words.ends_with(kVeintiuno)) {
    words.resize(words.size() - kVeintiuno.size());
    return words + "veintiún";
  }
  if (words == "uno" || words.ends_with(" uno")) words.pop_back();
  return words;
}

std::string EsCardinal(long n) {
  if (n == 0) return kEsBelow30[0];
  std::string out;
  const long millions = n / 1'000'000, thousands = n / 1000 % 1000, rest = n % 1000;
  if (millions == 1) out = "un millón";
  if (millions > 1) out = EsApocope(EsBelow1000(millions)) + " millones";
  if (thousands == 1) out = Join(out, "mil");
  if (thousands > 1) out = Join(out, EsApocope(EsBelow1000(thousands)) + " mil");
  return Join(out, rest ? EsBelow1000(rest) : "");
}

// ---- German ----
constexpr std::array<const char*, 20> kDeUnits = {
    "null",     "eins",     "zwei",     "drei",     "vier",     "fünf",    "sechs",
    "sieben",   "acht",     "neun",     "zehn",     "elf",      "zwölf",   "dreizehn",
    "vierzehn", "fünfzehn", "sechzehn", "siebzehn", "achtzehn", "neunzehn"};
constexpr std::array<const char*, 10> kDeTens = {
    "", "", "zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig"};

// `final` says whether a lone 1 ends the number ("eins") or not ("ein").
std::string DeBelow100(long n, bool final) {
  if (n == 1) return final ? "eins" : "ein";
  if (n < 20) return kDeUnits[n];
  const long unit = n % 10;
  if (unit == 0) return kDeTens[n / 10];
  return std::string(unit == 1 ? "ein" : kDeUnits[unit]) + "und" + kDeTens[n / 10];
}

std::string DeBelow1000(long n, bool final) {
  const long hundreds = n / 100, rest = n % 100;
  std::string out;
  if (hundreds == 1) out = "hundert";
  if (hundreds > 1) out = std::string(kDeUnits[hundreds]) + "hundert";
  return rest ? out + DeBelow100(rest, final) : out;
}

std::string DeCardinal(long n) {
  if (n == 0) return kDeUnits[0];
  std::string out;
  const long millions = n / 1'000'000, thousands = n / 1000 % 1000, rest = n % 1000;
  if (millions == 1) out = "eine million";
  if (millions > 1) out = DeBelow1000(millions, false) + " millionen";
  std::string below_million;
  if (thousands == 1) below_million = "tausend";
  if (thousands > 1) below_million = DeBelow1000(thousands, false) + "tausend";
  if (rest) below_million += DeBelow1000(rest, true);
  return Join(out, below_million);
}

// 1100..1999 as a year: "neunzehnhundertneunundneunzig".
std::string DeYear(long n) {
  return DeBelow100(n / 100, false) + "hundert" + (n % 100 ? DeBelow100(n % 100, true) : "");
}

std::string Cardinal(long n, NumberLanguage language) {
  switch (language) {
    case NumberLanguage::kEnglish:
      return EnCardinal(n);
    case NumberLanguage::kFrench:
      return FrCardinal(n);
    case NumberLanguage::kSpanish:
      return EsCardinal(n);
    case NumberLanguage::kGerman:
      return DeCardinal(n);
  }
  return EnCardinal(n);
}

const char* MinusWord(NumberLanguage language) {
  switch (language) {
    case NumberLanguage::kFrench:
      return "moins";
    case NumberLanguage::kSpanish:
      return "menos";
    case NumberLanguage::kEnglish:
    case NumberLanguage::kGerman:
      return "minus";
  }
  return "minus";
}

std::string SpellDigits(unsigned long magnitude, NumberLanguage language) {
  std::string out;
  for (const char digit : std::to_string(magnitude))
    out = Join(out, Cardinal(digit - '0', language));
  return out;
}

// Replaces the last word of a spoken number with its ordinal form.
std::string EnOrdinalOfLastWord(std::string_view word) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kIrregular = {
      {{"one", "first"},
       {"two", "second"},
       {"three", "third"},
       {"five", "fifth"},
       {"eight", "eighth"},
       {"nine", "ninth"},
       {"twelve", "twelfth"}}};
  for (const auto& [cardinal, ordinal] : kIrregular) {
    if (word == cardinal) return std::string(ordinal);
  }
  if (word.ends_with('y')) return std::string(word.substr(0, word.size() - 1)) + "ieth";
  return std::string(word) + "th";
}

std::string FrOrdinalOfLastWord(std::string word) {
  if (word == "un") return "unième";
  if (word == "cinq") return "cinquième";
  if (word == "neuf") return "neuvième";
  if (word.ends_with('s') && word != "trois") word.pop_back();
  if (word.ends_with('e')) word.pop_back();
  return word + "ième";
}

}  // namespace

std::string SpellNumber(long value, std::string_view language) {
  const NumberLanguage lang = LanguageOf(language);
  const unsigned long magnitude =
      value < 0 ? 0UL - static_cast<unsigned long>(value) : static_cast<unsigned long>(value);
  std::string spelled;
  if (magnitude > static_cast<unsigned long>(kMaxSpelled)) {
    spelled = SpellDigits(magnitude, lang);
  } else {
    const long n = static_cast<long>(magnitude);
    const bool year = n >= 1100 && n <= 1999;
    if (year && lang == NumberLanguage::kEnglish)
      spelled = EnYear(n);
    else if (year && lang == NumberLanguage::kGerman)
      spelled = DeYear(n);
    else
      spelled = Cardinal(n, lang);
  }
  return value < 0 ? Join(MinusWord(lang), spelled) : spelled;
}

std::optional<std::string> SpellOrdinal(long value, std::string_view language) {
  const NumberLanguage lang = LanguageOf(language);
  if (language != "en" && lang != NumberLanguage::kFrench) return std::nullopt;
  if (value < 0 || value > kMaxSpelled) return std::nullopt;
  if (lang == NumberLanguage::kFrench && value == 1) return "premier";
  const std::string cardinal = Cardinal(value, lang);
  const std::size_t split = cardinal.rfind(' ') == std::string::npos ? 0 : cardinal.rfind(' ') + 1;
  const std::string last = cardinal.substr(split);
  return cardinal.substr(0, split) +
         (lang == NumberLanguage::kFrench ? FrOrdinalOfLastWord(last) : EnOrdinalOfLastWord(last));
}

}  // namespace ytl
