// End-to-end check of HmmAligner on real speech: the MFA test clips with
// their reference TextGrids, pronounced with the CMU dictionary.
#include "alignment/hmm_aligner.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "alignment/testing/cmu_dict_pronouncer.h"
#include "alignment/testing/textgrid.h"

namespace ytl {
namespace {

const std::string kMfaDir = std::string(YTL_SHARED_DATA_DIR) + "/speech/mfa";
const std::string kDict = std::string(YTL_POCKETSPHINX_MODEL_DIR) + "/cmudict-en-us.dict";
const std::string kModel = std::string(YTL_POCKETSPHINX_MODEL_DIR) + "/en-us";

// Reads channel 0 of a 16-bit PCM WAV file.
Result<AudioBuffer> ReadWav(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  const std::string b((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (b.size() < 44 || b.compare(0, 4, "RIFF") != 0) return Status::InvalidInput(path);
  std::uint16_t channels = 0, bits = 0;
  std::uint32_t rate = 0;
  std::size_t pos = 12;
  while (pos + 8 <= b.size()) {
    std::uint32_t size = 0;
    std::memcpy(&size, b.data() + pos + 4, 4);
    if (b.compare(pos, 4, "fmt ") == 0) {
      std::memcpy(&channels, b.data() + pos + 10, 2);
      std::memcpy(&rate, b.data() + pos + 12, 4);
      std::memcpy(&bits, b.data() + pos + 22, 2);
    } else if (b.compare(pos, 4, "data") == 0 && bits == 16 && channels > 0) {
      AudioBuffer a;
      a.sample_rate_hz = static_cast<int>(rate);
      a.channels.resize(1);
      const std::size_t n = std::min<std::size_t>(size, b.size() - pos - 8) / (2 * channels);
      for (std::size_t i = 0; i < n; ++i) {
        std::int16_t s = 0;
        std::memcpy(&s, b.data() + pos + 8 + i * 2 * channels, 2);
        a.channels[0].push_back(s / 32768.0f);
      }
      return a;
    }
    pos += 8 + size + (size & 1);
  }
  return Status::InvalidInput(path + ": no 16-bit PCM data");
}

// Lines of eight reference words each.
LyricSheet SheetOf(const std::vector<TextGridInterval>& ref) {
  LyricSheet sheet;
  for (std::size_t i = 0; i < ref.size(); ++i) {
    if (i % 8 == 0) sheet.lines.emplace_back();
    sheet.lines.back().words.push_back({ref[i].text, ref[i].text, false});
    sheet.lines.back().text += (i % 8 ? " " : "") + ref[i].text;
  }
  return sheet;
}

VocalActivity AllVoiced(double duration_s) {
  VocalActivity va;
  va.probability.assign(static_cast<std::size_t>(duration_s * 100) + 1, 1.0f);
  va.regions.push_back({0.0, duration_s});
  return va;
}

// Aligns one MFA clip; returns its mean absolute onset error in seconds.
double MeanOnsetError(const HmmAligner& aligner, const std::string& clip) {
  auto audio = ReadWav(kMfaDir + "/" + clip + ".wav");
  EXPECT_TRUE(audio.ok()) << audio.status().ToString();
  auto ref = ReadTextGridTier(kMfaDir + "/" + clip + ".TextGrid", "words");
  EXPECT_TRUE(ref.ok()) << ref.status().ToString();
  if (!audio.ok() || !ref.ok()) return INFINITY;
  NullProgress progress;
  const StageContext ctx{&progress, nullptr};
  const auto t0 = std::chrono::steady_clock::now();
  auto a = aligner.Align(*audio, AllVoiced(audio->duration_s()), SheetOf(*ref), ctx);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_TRUE(a.ok()) << a.status().ToString();
  if (!a.ok() || a->words.size() != ref->size()) return INFINITY;
  double sum = 0, signed_sum = 0;
  int interpolated = 0;
  for (std::size_t i = 0; i < ref->size(); ++i) {
    const double err = a->words[i].start_s - (*ref)[i].start_s;
    sum += std::abs(err);
    signed_sum += err;
    interpolated += a->words[i].interpolated;
    EXPECT_GE(a->words[i].confidence, 0.0);
    EXPECT_LE(a->words[i].confidence, 1.0);
    if (std::abs(err) > 0.15) {
      std::printf("  %s word %zu '%s': reference %.2f s, aligned %.2f s (confidence %.2f)\n",
                  clip.c_str(), i, (*ref)[i].text.c_str(), (*ref)[i].start_s, a->words[i].start_s,
                  a->words[i].confidence);
    }
  }
  const double mae = sum / ref->size();
  std::printf(
      "%s: %zu words, mean onset error %.3f s (signed %+.3f s), %d interpolated, %.3f s per s of "
      "audio\n",
      clip.c_str(), ref->size(), mae, signed_sum / ref->size(), interpolated,
      secs / audio->duration_s());
  return mae;
}

// Empty when the MFA clips and the CMU dictionary are there; else why the tests skip.
std::string MissingMfaData() {
  if (!std::filesystem::exists(kMfaDir + "/acoustic_corpus.wav")) {
    return "shared data not found at " + kMfaDir + "; set YTL_SHARED_DATA_DIR";
  }
  if (!std::filesystem::exists(kDict)) return "no CMU dictionary at " + kDict;
  return "";
}

TEST(HmmAlignerOnMfa, WordOnsetsMatchTheReferenceTextGrids) {
  if (const std::string why = MissingMfaData(); !why.empty()) GTEST_SKIP() << why;
  auto pronouncer = CmuDictPronouncer::Load(kDict);
  ASSERT_TRUE(pronouncer.ok());
  // Speech, not singing: spoken vowels are often shorter than the minimum
  // that sung ones get by default (with 80 ms: 0.059 s mean here), and the
  // model's transition probabilities fit speech's phone durations (without
  // them: 0.050 s).
  HmmAlignerConfig config = AlignerConfigFor(AlignedContent::kSpeech);
  config.model_dir = kModel;
  auto aligner = HmmAligner::Create(config, *pronouncer);
  ASSERT_TRUE(aligner.ok()) << aligner.status().ToString();
  double total = 0;
  for (const char* clip : {"acoustic_corpus", "cold_corpus", "cold_corpus3"}) {
    const double mae = MeanOnsetError(**aligner, clip);
    EXPECT_LE(mae, 0.08) << clip;  // filled pauses ("uh", "um") make some clips harder
    total += mae;
  }
  EXPECT_LE(total / 3, 0.05) << "mean over the three clips";
}

// Sung words are reported where they are heard to start: a word whose pronunciation starts
// with a consonant comes consonant_onset_delay_s after the consonant's start (at most half the
// word), a vowel-initial word exactly where it was placed. Speech keeps the consonant's start.
TEST(HmmAlignerOnMfa, ConsonantInitialWordsAreReportedOnTheirHeardOnset) {
  if (const std::string why = MissingMfaData(); !why.empty()) GTEST_SKIP() << why;
  auto pronouncer = CmuDictPronouncer::Load(kDict);
  ASSERT_TRUE(pronouncer.ok());
  EXPECT_EQ(AlignerConfigFor(AlignedContent::kSpeech).consonant_onset_delay_s, 0.0);
  HmmAlignerConfig config = AlignerConfigFor(AlignedContent::kSinging);
  ASSERT_GT(config.consonant_onset_delay_s, 0.0);
  config.model_dir = kModel;
  const double delay = config.consonant_onset_delay_s;
  auto heard = HmmAligner::Create(config, *pronouncer);
  config.consonant_onset_delay_s = 0;
  auto placed = HmmAligner::Create(config, *pronouncer);
  ASSERT_TRUE(heard.ok() && placed.ok());
  auto audio = ReadWav(kMfaDir + "/acoustic_corpus.wav");
  auto ref = ReadTextGridTier(kMfaDir + "/acoustic_corpus.TextGrid", "words");
  ASSERT_TRUE(audio.ok() && ref.ok());
  NullProgress progress;
  const StageContext ctx{&progress, nullptr};
  const VocalActivity voiced = AllVoiced(audio->duration_s());
  auto a = (*heard)->Align(*audio, voiced, SheetOf(*ref), ctx);
  auto b = (*placed)->Align(*audio, voiced, SheetOf(*ref), ctx);
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_EQ(a->words.size(), b->words.size());
  int consonant_initial = 0, vowel_initial = 0;
  for (std::size_t i = 0; i < a->words.size(); ++i) {
    const TimedWord& w = b->words[i];
    auto phones = (*pronouncer).Pronounce(w.text, "en");
    ASSERT_TRUE(phones.ok() && !phones->empty()) << w.text;
    const bool vowel_first = IsVowelPhone(phones->front().front());
    const double expected = vowel_first ? 0.0 : std::min(delay, 0.5 * (w.end_s - w.start_s));
    EXPECT_NEAR(a->words[i].start_s - w.start_s, expected, 1e-6) << w.text;
    EXPECT_DOUBLE_EQ(a->words[i].end_s, w.end_s) << w.text;
    (vowel_first ? vowel_initial : consonant_initial)++;
  }
  EXPECT_GT(consonant_initial, 10);
  EXPECT_GT(vowel_initial, 3);
}

TEST(AlignedContent, ParsesTheTwoKindsAndNamesThemOnError) {
  EXPECT_EQ(*ParseAlignedContent("singing"), AlignedContent::kSinging);
  EXPECT_EQ(*ParseAlignedContent("speech"), AlignedContent::kSpeech);
  const auto bad = ParseAlignedContent("rap");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("singing"), std::string::npos);
  EXPECT_NE(bad.status().message().find("'rap'"), std::string::npos);
  const HmmAlignerConfig speech = AlignerConfigFor(AlignedContent::kSpeech);
  const HmmAlignerConfig singing = AlignerConfigFor(AlignedContent::kSinging);
  EXPECT_EQ(speech.graph.vowel_min_frames, 0);
  EXPECT_EQ(speech.graph.vocable_vowel_min_frames, 0);
  EXPECT_GT(singing.graph.vocable_vowel_min_frames, singing.graph.vowel_min_frames);
  EXPECT_GT(speech.graph.transition_weight, singing.graph.transition_weight);
  EXPECT_GT(singing.graph.vowel_min_frames, 0);
  EXPECT_GT(singing.refine_band_s, 0.0);  // sung notes are held in a second pass
  EXPECT_EQ(speech.refine_band_s, 0.0);
}

TEST(HmmAlignerConfig, RejectsABadRefineBandOrHoldCost) {
  HmmAlignerConfig config;
  EXPECT_TRUE(config.Validate().ok());
  config.refine_band_s = -1;
  EXPECT_NE(config.Validate().message().find("refine_band_s"), std::string::npos);
  config.refine_band_s = 0;
  EXPECT_TRUE(config.Validate().ok());
  config.graph.hold_frame_logp = 1;  // a bonus per frame would hold every note forever
  EXPECT_NE(config.Validate().message().find("hold_frame_logp"), std::string::npos);
  config.graph.hold_frame_logp = -2;
  config.graph.hold_entry_logp = std::nanf("");
  EXPECT_NE(config.Validate().message().find("hold_entry_logp"), std::string::npos);
}

TEST(HmmAlignerCreate, RejectsAMissingModelDirectory) {
  struct NoPronouncer : Pronouncer {
    Result<std::vector<Phones>> Pronounce(std::string_view, std::string_view) const override {
      return std::vector<Phones>{{"AH"}};
    }
  } pronouncer;
  HmmAlignerConfig config;
  config.model_dir = "/nonexistent";
  auto aligner = HmmAligner::Create(config, pronouncer);
  ASSERT_FALSE(aligner.ok());
  EXPECT_NE(aligner.status().message().find("/nonexistent"), std::string::npos);
}

}  // namespace
}  // namespace ytl
