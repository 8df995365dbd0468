// OnsetAgreement: how far apart two backends' word onsets are for the same song, overall and per
// line (the same figures as the racing page's web/race_agreement.js).
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace ytl::race {

// Lines whose words differ by more than this many seconds disagree.
inline constexpr double kDisagreeS = 0.3;

struct LineAgreement {
  std::size_t index = 0;  // line of the first document
  std::string text;
  double max_s = 0;  // largest onset difference of its paired words; NaN: none paired
  bool disagrees = false;
};

struct OnsetAgreement {
  std::size_t paired_words = 0;
  std::size_t unpaired_words = 0;  // words only one side has
  double mean_s = 0;               // NaN when nothing paired
  double max_s = 0;
  std::vector<LineAgreement> lines;
  std::size_t disagreeing_lines = 0;
};

// Word texts reduced for matching: lower case, letters, digits and apostrophes only.
std::string NormalizeWord(const std::string& text);

// Pairs the words of `a` and `b` that are the same word in reading order (the longest common
// subsequence of their normalised texts): [(index in a, index in b)].
std::vector<std::pair<std::size_t, std::size_t>> PairWords(const std::vector<std::string>& a,
                                                           const std::vector<std::string>& b);

// Compares two lyrics.json documents ({"lines": [{"text", "words": [{"text", "start_s"}]}]});
// lines are those of `a`.
OnsetAgreement CompareOnsets(const nlohmann::json& a, const nlohmann::json& b,
                             double threshold_s = kDisagreeS);

}  // namespace ytl::race
