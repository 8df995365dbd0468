#include "recognition/whisper_words.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace ytl {
namespace {

constexpr double kMinWordS = 0.02;

constexpr std::array<std::string_view, 8> kCreditPhrases = {
    "thanks for watching", "thank you for watching", "subtitles by",
    "subscribe to",        "like and subscribe",     "amara org",
    "transcribed by",      "translated by"};

// Lower-case letters, digits and single spaces only.
std::string Normalised(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c >= 0x80) {
      out += static_cast<char>(std::tolower(c));
    } else if (!out.empty() && out.back() != ' ') {
      out += ' ';
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool IsNote(std::string_view word) {
  if (word.empty()) return true;
  const char first = word.front();
  const char last = word.back();
  if ((first == '[' && last == ']') || (first == '(' && last == ')')) return true;
  if (word.starts_with("\xE2\x99\xAA") || word.starts_with("\xE2\x99\xAB")) return true;  // ♪ ♫
  return Normalised(word).empty();
}

std::string Trim(std::string text) {
  const auto not_space = [](unsigned char c) { return !std::isspace(c); };
  text.erase(text.begin(), std::find_if(text.begin(), text.end(), not_space));
  text.erase(std::find_if(text.rbegin(), text.rend(), not_space).base(), text.end());
  return text;
}

struct PendingWord {
  std::string text;
  std::int64_t t0_cs = 0;
  std::int64_t t1_cs = 0;
  double probability_sum = 0;
  int tokens = 0;
};

}  // namespace

std::vector<TimedWord> MergeTokensIntoWords(const std::vector<WhisperToken>& tokens,
                                            double offset_s, double clip_s) {
  std::vector<PendingWord> pending;
  for (const WhisperToken& token : tokens) {
    if (token.special || token.text.empty()) continue;
    const bool opens = pending.empty() || token.text.front() == ' ';
    if (opens) pending.push_back({"", token.t0_cs, token.t1_cs, 0, 0});
    PendingWord& word = pending.back();
    word.text += token.text;
    word.t1_cs = std::max(word.t1_cs, token.t1_cs);
    word.probability_sum += token.probability;
    ++word.tokens;
  }
  std::vector<TimedWord> words;
  const double end_limit_s = offset_s + clip_s;
  double previous_end_s = offset_s;
  for (const PendingWord& pending_word : pending) {
    std::string text = Trim(pending_word.text);
    if (IsNote(text)) continue;
    TimedWord word;
    word.text = std::move(text);
    word.start_s = std::clamp(offset_s + pending_word.t0_cs / 100.0, previous_end_s, end_limit_s);
    word.end_s = std::clamp(offset_s + pending_word.t1_cs / 100.0, word.start_s, end_limit_s);
    if (word.end_s - word.start_s < kMinWordS) {
      word.end_s = std::min(word.start_s + kMinWordS, std::max(end_limit_s, word.start_s));
    }
    word.confidence = std::clamp(pending_word.probability_sum / pending_word.tokens, 0.0, 1.0);
    previous_end_s = word.end_s;
    words.push_back(std::move(word));
  }
  return words;
}

bool IsLikelyHallucination(const std::string& text, const std::string& previous_text) {
  const std::string normalised = Normalised(text);
  if (normalised.empty()) return true;
  for (std::string_view phrase : kCreditPhrases) {
    if (normalised.find(phrase) != std::string::npos) return true;
  }
  return !previous_text.empty() && normalised == Normalised(previous_text) &&
         normalised.find(' ') == std::string::npos;
}

}  // namespace ytl
