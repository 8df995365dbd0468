// End-to-end: PocketSphinx transcribes real and synthetic speech.
#include "recognition/sphinx_recognizer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace ytl {
namespace {

namespace fs = std::filesystem;

const std::string kModelDir = YTL_POCKETSPHINX_MODEL_DIR;

SphinxRecognizerConfig ModelConfig() {
  SphinxRecognizerConfig config;
  config.acoustic_model_dir = kModelDir + "/en-us";
  config.language_model_path = kModelDir + "/en-us.lm.bin";
  config.dictionary_path = kModelDir + "/cmudict-en-us.dict";
  return config;
}

// Reads a 16-bit PCM mono WAV file; an empty buffer when it is anything else.
AudioBuffer ReadPcm16Wav(const fs::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(file)), {});
  AudioBuffer audio;
  if (bytes.size() < 12 || bytes.compare(0, 4, "RIFF") != 0) return audio;
  auto u32 = [&](size_t at) {
    uint32_t v;
    std::memcpy(&v, bytes.data() + at, 4);
    return v;
  };
  auto u16 = [&](size_t at) {
    uint16_t v;
    std::memcpy(&v, bytes.data() + at, 2);
    return v;
  };
  for (size_t at = 12; at + 8 <= bytes.size(); at += 8 + u32(at + 4) + (u32(at + 4) & 1)) {
    const std::string id = bytes.substr(at, 4);
    if (id == "fmt " && (u16(at + 8) != 1 || u16(at + 10) != 1 || u16(at + 22) != 16)) return {};
    if (id == "fmt ") audio.sample_rate_hz = static_cast<int>(u32(at + 12));
    if (id != "data") continue;
    const size_t count = std::min<size_t>(u32(at + 4), bytes.size() - at - 8) / 2;
    audio.channels.assign(1, std::vector<float>(count));
    for (size_t i = 0; i < count; ++i) {
      audio.channels[0][i] = static_cast<int16_t>(u16(at + 8 + 2 * i)) / 32768.0f;
    }
    break;
  }
  return audio;
}

std::vector<std::string> NormalisedWords(const std::string& text) {
  std::vector<std::string> words;
  std::istringstream in(text);
  for (std::string word; in >> word;) {
    std::string clean;
    for (char c : word) {
      if (std::isalnum(static_cast<unsigned char>(c)) || c == '\'') {
        clean += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      }
    }
    if (!clean.empty()) words.push_back(clean);
  }
  return words;
}

// Word error rate: word-level edit distance over the reference length.
double WordErrorRate(const std::string& reference, const std::string& hypothesis) {
  const auto ref = NormalisedWords(reference);
  const auto hyp = NormalisedWords(hypothesis);
  std::vector<size_t> row(hyp.size() + 1);
  for (size_t j = 0; j <= hyp.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= ref.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= hyp.size(); ++j) {
      const size_t substitution = diagonal + (ref[i - 1] == hyp[j - 1] ? 0 : 1);
      diagonal = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, substitution});
    }
  }
  return static_cast<double>(row[hyp.size()]) / std::max<size_t>(1, ref.size());
}

std::string AllText(const Alignment& alignment) {
  std::string text;
  for (const TimedWord& word : alignment.words) text += word.text + " ";
  return text;
}

void ExpectOrderedWithin(const Alignment& alignment, double begin_s, double end_s) {
  for (size_t i = 0; i < alignment.words.size(); ++i) {
    const TimedWord& word = alignment.words[i];
    EXPECT_GE(word.start_s, begin_s) << word.text;
    EXPECT_LE(word.end_s, end_s + 1e-9) << word.text;
    EXPECT_LT(word.start_s, word.end_s) << word.text;
    EXPECT_GE(word.confidence, 0.0);
    EXPECT_LE(word.confidence, 1.0);
    if (i > 0) {
      EXPECT_GE(word.start_s, alignment.words[i - 1].end_s - 1e-9) << word.text;
    }
  }
}

class RecordingProgress : public ProgressSink {
 public:
  void OnProgress(std::string_view stage, double fraction) override {
    if (stage == "recognize") fractions.push_back(fraction);
  }
  std::vector<double> fractions;
};

class SphinxRecognizerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(kModelDir + "/en-us.lm.bin")) {
      GTEST_SKIP() << "PocketSphinx en-us model absent at " << kModelDir
                   << "; install pocketsphinx-en-us";
    }
    auto created = SphinxRecognizer::Create(ModelConfig());
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    recognizer_ = std::move(created).value();
  }

  Result<Alignment> TranscribeWhole(const AudioBuffer& audio, double start_s = 0) {
    VocalActivity activity;
    activity.regions.push_back({start_s, audio.duration_s()});
    return recognizer_->Transcribe(audio, activity, StageContext{&progress_, nullptr});
  }

  std::unique_ptr<SphinxRecognizer> recognizer_;
  RecordingProgress progress_;
};

// Measured with pocketsphinx 5prealpha and the Debian en-us model: 0.227 (5 errors in 22
// words: so/all, americans/america, ask/and twice, country/lovely).
TEST_F(SphinxRecognizerTest, TranscribesJfkBelowWerBound) {
  const fs::path dir = fs::path(YTL_SHARED_DATA_DIR) / "speech/whisper_cpp";
  if (!fs::exists(dir / "jfk.wav"))
    GTEST_SKIP() << "no " << dir / "jfk.wav"
                 << " (shared data)";
  const AudioBuffer audio = ReadPcm16Wav(dir / "jfk.wav");
  ASSERT_EQ(audio.sample_rate_hz, 16000);
  std::ifstream transcript(dir / "jfk.txt");
  const std::string reference((std::istreambuf_iterator<char>(transcript)), {});

  const auto result = TranscribeWhole(audio);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  const double wer = WordErrorRate(reference, AllText(*result));
  std::printf("jfk.wav WER %.3f: %s\n", wer, AllText(*result).c_str());
  EXPECT_LT(wer, 0.3);
  EXPECT_EQ(result->mode, SyncMode::kTranscribed);
  EXPECT_EQ(result->lines.size(), 1u);
  ExpectOrderedWithin(*result, 0, audio.duration_s());
  ASSERT_FALSE(progress_.fractions.empty());
  EXPECT_DOUBLE_EQ(progress_.fractions.back(), 1.0);
}

constexpr double kSpeechPadS = 0.3;
constexpr size_t kSpeechPadSamples = 4800;  // kSpeechPadS at 16 kHz

// Speaks `sentence` with espeak-ng and resamples it to 16 kHz mono with sox,
// in a fresh temporary directory; an empty buffer when a tool is missing.
AudioBuffer Speak(const std::string& sentence) {
  if (std::system("command -v espeak-ng >/dev/null && command -v sox >/dev/null") != 0) return {};
  std::string pattern = (fs::temp_directory_path() / "ytl_recognition_XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) return {};
  const fs::path dir = pattern;
  // The general en-us model hears espeak-ng's default male voice poorly
  // (WER 1.0 on this sentence); its en-us+f2 voice at 140 words/min works.
  const std::string command = "espeak-ng -v en-us+f2 -s 140 -w '" + (dir / "speech.wav").string() +
                              "' '" + sentence + "' && sox '" + (dir / "speech.wav").string() +
                              "' -D -r 16000 -c 1 -b 16 '" + (dir / "speech16k.wav").string() + "'";
  AudioBuffer audio =
      std::system(command.c_str()) == 0 ? ReadPcm16Wav(dir / "speech16k.wav") : AudioBuffer{};
  fs::remove_all(dir);
  if (audio.frames() == 0) return audio;
  // Silence each side stands in for a VAD region's margins.
  std::vector<float>& samples = audio.channels[0];
  samples.insert(samples.begin(), kSpeechPadSamples, 0.0f);
  samples.insert(samples.end(), kSpeechPadSamples, 0.0f);
  return audio;
}

constexpr char kSentence[] = "the quick brown fox jumps over the lazy dog";

// Measured: 0.222 ("the tweet on fox jumps over the lazy dog").
TEST_F(SphinxRecognizerTest, TranscribesSynthesisedSentence) {
  const AudioBuffer audio = Speak(kSentence);
  if (audio.frames() == 0)
    GTEST_SKIP() << "espeak-ng or sox missing; apt-get install espeak-ng sox";
  const auto result = TranscribeWhole(audio);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  const double wer = WordErrorRate(kSentence, AllText(*result));
  std::printf("espeak-ng WER %.3f: %s\n", wer, AllText(*result).c_str());
  EXPECT_LT(wer, 0.5);
  ExpectOrderedWithin(*result, 0, audio.duration_s());
}

TEST_F(SphinxRecognizerTest, GivesOneLinePerRegionOffsetByItsStart) {
  AudioBuffer audio = Speak(kSentence);
  if (audio.frames() == 0)
    GTEST_SKIP() << "espeak-ng or sox missing; apt-get install espeak-ng sox";
  const double speech_s = audio.duration_s();
  std::vector<float>& samples = audio.channels[0];
  const std::vector<float> speech = samples;
  samples.insert(samples.begin(), 2 * 16000, 0.0f);  // 2 s of silence, then the sentence twice
  samples.insert(samples.end(), 16000, 0.0f);
  samples.insert(samples.end(), speech.begin(), speech.end());
  const double second_s = 3.0 + speech_s;
  VocalActivity activity;
  activity.regions = {{1.9, 2.0 + speech_s}, {second_s - 0.1, audio.duration_s()}};
  const auto result = recognizer_->Transcribe(audio, activity, StageContext{&progress_, nullptr});
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  ASSERT_EQ(result->lines.size(), 2u);
  ExpectOrderedWithin(*result, 1.9, audio.duration_s());
  const TimedWord& first = result->words[result->lines[0].words.front()];
  const TimedWord& again = result->words[result->lines[1].words.front()];
  EXPECT_NEAR(first.start_s, 2.0 + kSpeechPadS, 0.2) << first.text;
  EXPECT_NEAR(again.start_s - first.start_s, second_s - 2.0, 0.15) << again.text;
  EXPECT_GE(again.start_s, second_s - 0.1);
  EXPECT_EQ(progress_.fractions, (std::vector<double>{0.0, 0.5, 1.0}));
}

TEST_F(SphinxRecognizerTest, StopsWhenCancelled) {
  AudioBuffer audio;
  audio.sample_rate_hz = 16000;
  audio.channels.assign(1, std::vector<float>(16000, 0.0f));
  VocalActivity activity;
  activity.regions = {{0, 1}};
  CancelToken cancel;
  cancel.Cancel();
  const auto result = recognizer_->Transcribe(audio, activity, StageContext{&progress_, &cancel});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), Status::Code::kCancelled);
}

TEST_F(SphinxRecognizerTest, RejectsAudioThatIsNotMono16k) {
  AudioBuffer audio;
  audio.sample_rate_hz = 44100;
  audio.channels.assign(2, std::vector<float>(100, 0.0f));
  const auto result = TranscribeWhole(audio);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(result.status().message().find("44100"), std::string::npos);
}

TEST_F(SphinxRecognizerTest, NoRegionsGiveNoLines) {
  AudioBuffer audio;
  audio.sample_rate_hz = 16000;
  audio.channels.assign(1, std::vector<float>(8000, 0.0f));
  const auto result =
      recognizer_->Transcribe(audio, VocalActivity{}, StageContext{&progress_, nullptr});
  ASSERT_TRUE(result.ok());
  EXPECT_TRUE(result->lines.empty());
  EXPECT_DOUBLE_EQ(result->duration_s, 0.5);
  EXPECT_EQ(result->mode, SyncMode::kTranscribed);
}

}  // namespace
}  // namespace ytl
