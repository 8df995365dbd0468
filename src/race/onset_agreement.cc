#include "race/onset_agreement.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>

namespace ytl::race {
namespace {

using nlohmann::json;

struct FlatWord {
  std::string text;
  double start_s = 0;
  std::size_t line = 0;
};

struct FlatLyrics {
  std::vector<std::string> line_texts;
  std::vector<FlatWord> words;
};

FlatLyrics Flatten(const json& lyrics) {
  FlatLyrics flat;
  if (!lyrics.is_object() || !lyrics.contains("lines") || !lyrics["lines"].is_array()) return flat;
  for (const json& line : lyrics["lines"]) {
    const std::size_t index = flat.line_texts.size();
    flat.line_texts.push_back(line.value("text", ""));
    if (!line.contains("words") || !line["words"].is_array()) continue;
    for (const json& word : line["words"]) {
      flat.words.push_back({word.value("text", ""), word.value("start_s", 0.0), index});
    }
  }
  return flat;
}

}  // namespace

std::string NormalizeWord(const std::string& text) {
  std::string out;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || std::isalnum(u) || c == '\'') {
      out += static_cast<char>(u < 0x80 ? std::tolower(u) : u);
    }
  }
  return out;
}

std::vector<std::pair<std::size_t, std::size_t>> PairWords(const std::vector<std::string>& a,
                                                           const std::vector<std::string>& b) {
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  std::vector<std::vector<std::uint32_t>> lcs(n + 1, std::vector<std::uint32_t>(m + 1, 0));
  for (std::size_t i = n; i-- > 0;) {
    for (std::size_t j = m; j-- > 0;) {
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < n && j < m) {
    if (a[i] == b[j]) {
      pairs.emplace_back(i++, j++);
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
      ++i;
    } else {
      ++j;
    }
  }
  return pairs;
}

OnsetAgreement CompareOnsets(const json& a, const json& b, double threshold_s) {
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  const FlatLyrics fa = Flatten(a);
  const FlatLyrics fb = Flatten(b);
  std::vector<std::string> ta;
  std::vector<std::string> tb;
  for (const FlatWord& w : fa.words) ta.push_back(NormalizeWord(w.text));
  for (const FlatWord& w : fb.words) tb.push_back(NormalizeWord(w.text));
  const auto pairs = PairWords(ta, tb);

  OnsetAgreement result;
  std::vector<double> line_max(fa.line_texts.size(), kNaN);
  double sum = 0;
  result.max_s = kNaN;
  for (const auto& [i, j] : pairs) {
    const double diff = std::abs(fa.words[i].start_s - fb.words[j].start_s);
    sum += diff;
    result.max_s = std::isnan(result.max_s) ? diff : std::max(result.max_s, diff);
    double& line = line_max[fa.words[i].line];
    line = std::isnan(line) ? diff : std::max(line, diff);
  }
  result.paired_words = pairs.size();
  result.unpaired_words = fa.words.size() + fb.words.size() - 2 * pairs.size();
  result.mean_s = pairs.empty() ? kNaN : sum / static_cast<double>(pairs.size());
  for (std::size_t i = 0; i < fa.line_texts.size(); ++i) {
    const bool disagrees = line_max[i] > threshold_s;
    result.lines.push_back({i, fa.line_texts[i], line_max[i], disagrees});
    if (disagrees) ++result.disagreeing_lines;
  }
  return result;
}

}  // namespace ytl::race
