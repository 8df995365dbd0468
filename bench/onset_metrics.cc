#include "bench/onset_metrics.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace ytl::bench {
namespace {

std::string Normalise(const std::string& text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c >= 0x80) out.push_back(static_cast<char>(std::tolower(c)));
  }
  return out;
}

// For each reference index, the matched predicted index or -1.
std::vector<int> MatchWords(const std::vector<ScoredWord>& reference,
                            const std::vector<ScoredWord>& predicted) {
  const std::size_t n = reference.size(), m = predicted.size();
  std::vector<std::string> ref(n), pred(m);
  for (std::size_t i = 0; i < n; ++i) ref[i] = Normalise(reference[i].text);
  for (std::size_t j = 0; j < m; ++j) pred[j] = Normalise(predicted[j].text);
  std::vector<std::vector<int>> lcs(n + 1, std::vector<int>(m + 1, 0));
  for (std::size_t i = n; i-- > 0;) {
    for (std::size_t j = m; j-- > 0;) {
      lcs[i][j] =
          ref[i] == pred[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  std::vector<int> match(n, -1);
  std::size_t i = 0, j = 0;
  while (i < n && j < m) {
    if (ref[i] == pred[j]) {
      match[i++] = static_cast<int>(j++);
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
      ++i;
    } else {
      ++j;
    }
  }
  return match;
}

double Median(std::vector<double> values) {
  if (values.empty()) return 0;
  const std::size_t mid = values.size() / 2;
  std::nth_element(values.begin(), values.begin() + mid, values.end());
  double upper = values[mid];
  if (values.size() % 2 == 1) return upper;
  double lower = *std::max_element(values.begin(), values.begin() + mid);
  return (lower + upper) / 2;
}

}  // namespace

OnsetScore ScoreOnsets(const std::vector<ScoredWord>& reference,
                       const std::vector<ScoredWord>& predicted) {
  OnsetScore score;
  score.reference_words = reference.size();
  if (reference.empty()) return score;
  const std::vector<int> match = MatchWords(reference, predicted);

  std::vector<double> onset(reference.size(), 0.0);
  double next_onset = predicted.empty() ? 0.0 : predicted.back().onset_s;
  for (std::size_t i = reference.size(); i-- > 0;) {
    if (match[i] >= 0) {
      next_onset = predicted[match[i]].onset_s;
      ++score.placed_words;
    }
    onset[i] = next_onset;
  }
  std::vector<double> errors;
  errors.reserve(reference.size());
  std::size_t within = 0;
  double sum = 0;
  for (std::size_t i = 0; i < reference.size(); ++i) {
    const double error = std::abs(onset[i] - reference[i].onset_s);
    errors.push_back(error);
    sum += error;
    if (error <= 0.3) ++within;
  }
  score.mean_abs_error_s = sum / reference.size();
  score.median_abs_error_s = Median(errors);
  score.within_300ms = static_cast<double>(within) / reference.size();
  return score;
}

OnsetScore AverageScores(const std::vector<OnsetScore>& songs) {
  OnsetScore avg;
  if (songs.empty()) return avg;
  for (const auto& s : songs) {
    avg.mean_abs_error_s += s.mean_abs_error_s / songs.size();
    avg.median_abs_error_s += s.median_abs_error_s / songs.size();
    avg.within_300ms += s.within_300ms / songs.size();
    avg.reference_words += s.reference_words;
    avg.placed_words += s.placed_words;
  }
  return avg;
}

}  // namespace ytl::bench
