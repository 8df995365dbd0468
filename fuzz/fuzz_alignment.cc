#include "fuzz/fuzz_alignment.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace ytl::fuzz {
namespace {

constexpr int kMaxLines = 24;
constexpr int kMaxWordsPerLine = 12;
constexpr double kMaxStepS = 600;

std::string ConsumeWord(FuzzedDataProvider& data, const WordAlphabet& alphabet) {
  static constexpr std::array<std::string_view, 4> kAccented = {"é", "ü", "ß", "—"};
  const std::size_t length = data.ConsumeIntegralInRange<std::size_t>(1, 8);
  std::string word;
  for (std::size_t i = 0; i < length; ++i) {
    const int kind = data.ConsumeIntegralInRange(0, 3);
    if (kind == 1 && !alphabet.punctuation.empty()) {
      word += alphabet.punctuation[data.ConsumeIntegralInRange<std::size_t>(
          0, alphabet.punctuation.size() - 1)];
    } else if (kind == 2 && alphabet.accented) {
      word += kAccented[data.ConsumeIntegralInRange<std::size_t>(0, kAccented.size() - 1)];
    } else if (kind == 3) {
      word += static_cast<char>('0' + data.ConsumeIntegralInRange(0, 9));
    } else {
      word += static_cast<char>('a' + data.ConsumeIntegralInRange(0, 25));
    }
  }
  return word;
}

double ConsumeStep(FuzzedDataProvider& data) {
  return data.ConsumeFloatingPointInRange(0.0, kMaxStepS) *
         data.ConsumeFloatingPointInRange(0.0, 1.0);
}

double ConsumeAnyTime(FuzzedDataProvider& data) {
  const double t = data.ConsumeFloatingPoint<double>();
  if (!std::isfinite(t)) return 0;
  return std::clamp(t, -1e7, 1e7);
}

}  // namespace

Alignment ConsumeWellFormedAlignment(FuzzedDataProvider& data, const WordAlphabet& alphabet) {
  Alignment alignment;
  double now_s = ConsumeStep(data);
  const int lines = data.ConsumeIntegralInRange(0, kMaxLines);
  for (int l = 0; l < lines && data.remaining_bytes() > 0; ++l) {
    TimedLine line;
    line.start_s = now_s;
    const int words = data.ConsumeIntegralInRange(1, kMaxWordsPerLine);
    for (int w = 0; w < words; ++w) {
      TimedWord word;
      word.text = ConsumeWord(data, alphabet);
      word.start_s = now_s;
      now_s += ConsumeStep(data);
      word.end_s = now_s;
      now_s += data.ConsumeBool() ? ConsumeStep(data) : 0;
      word.confidence = data.ConsumeProbability<double>();
      word.interpolated = data.ConsumeBool();
      word.line = static_cast<int>(alignment.lines.size());
      line.text += (line.text.empty() ? "" : " ") + word.text;
      line.words.push_back(static_cast<int>(alignment.words.size()));
      alignment.words.push_back(std::move(word));
    }
    line.end_s = alignment.words.back().end_s;
    alignment.lines.push_back(std::move(line));
  }
  return alignment;
}

Alignment ConsumeAnyAlignment(FuzzedDataProvider& data) {
  Alignment alignment;
  alignment.duration_s = ConsumeAnyTime(data);
  alignment.source = data.ConsumeRandomLengthString(64);
  const int lines = data.ConsumeIntegralInRange(0, kMaxLines);
  for (int l = 0; l < lines && data.remaining_bytes() > 0; ++l) {
    TimedLine line;
    line.text = data.ConsumeRandomLengthString(64);
    line.start_s = ConsumeAnyTime(data);
    line.end_s = ConsumeAnyTime(data);
    line.confidence = data.ConsumeProbability<double>();
    const int words = data.ConsumeIntegralInRange(0, kMaxWordsPerLine);
    for (int w = 0; w < words; ++w) {
      TimedWord word;
      word.text = data.ConsumeRandomLengthString(16);
      word.start_s = ConsumeAnyTime(data);
      word.end_s = ConsumeAnyTime(data);
      word.confidence = data.ConsumeProbability<double>();
      word.line = static_cast<int>(alignment.lines.size());
      line.words.push_back(static_cast<int>(alignment.words.size()));
      alignment.words.push_back(std::move(word));
    }
    alignment.lines.push_back(std::move(line));
  }
  return alignment;
}

}  // namespace ytl::fuzz
