#include "tests/support/synthetic_song.h"

#include <espeak-ng/speak_lib.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <numbers>
#include <random>
#include <sstream>

#include "lyrics/espeak_phonemizer.h"

namespace ytl::testing {
namespace {

// What one espeak_Synth call produced: samples and word onsets in ms.
struct SpokenLine {
  std::vector<short> samples;
  std::vector<std::pair<int, int>> word_onsets;  // (1-based character position, ms)
};

SpokenLine* g_current = nullptr;  // espeak-ng's callback has no user pointer

int CollectSpeech(short* wav, int count, espeak_EVENT* events) {
  if (wav != nullptr && count > 0)
    g_current->samples.insert(g_current->samples.end(), wav, wav + count);
  for (; events->type != espeakEVENT_LIST_TERMINATED; ++events) {
    if (events->type == espeakEVENT_WORD) {
      g_current->word_onsets.emplace_back(events->text_position, events->audio_position);
    }
  }
  return 0;
}

std::size_t CodePointsIn(const std::string& text) {
  std::size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

Result<SpokenLine> Speak(const std::string& text) {
  SpokenLine line;
  g_current = &line;
  const espeak_ERROR err = espeak_Synth(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0,
                                        espeakCHARS_UTF8, nullptr, nullptr);
  espeak_Synchronize();
  g_current = nullptr;
  if (err != EE_OK) return Status::Internal("espeak-ng failed to speak '" + text + "'");
  return line;
}

std::vector<float> ResampleLinear(const std::vector<short>& in, int in_rate, int out_rate) {
  const double step = static_cast<double>(in_rate) / out_rate;
  const std::size_t n = static_cast<std::size_t>(in.size() / step);
  std::vector<float> out(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double pos = i * step;
    const std::size_t k = static_cast<std::size_t>(pos);
    const double frac = pos - k;
    const double a = in[k], b = k + 1 < in.size() ? in[k + 1] : in[k];
    out[i] = static_cast<float>((a + (b - a) * frac) / 32768.0);
  }
  return out;
}

double Rms(const std::vector<float>& x, std::size_t begin, std::size_t end) {
  double sum = 0;
  for (std::size_t i = begin; i < end; ++i) sum += x[i] * x[i];
  return end > begin ? std::sqrt(sum / (end - begin)) : 0.0;
}

// A I-V-vi-IV pad left and right, a bass, a kick and a hi-hat; 100 bpm.
void AddMusicBed(std::vector<float>& left, std::vector<float>& right, int rate, unsigned seed) {
  const double kRoots[4] = {261.63, 392.00, 440.00, 349.23};
  const double kBeat_s = 0.6;
  std::mt19937 rng(seed);
  std::normal_distribution<float> noise(0.f, 1.f);
  for (std::size_t i = 0; i < left.size(); ++i) {
    const double t = static_cast<double>(i) / rate;
    const int bar = static_cast<int>(t / (4 * kBeat_s)) % 4;
    const double root = kRoots[bar];
    double pad = 0;
    for (double ratio : {1.0, 1.26, 1.5}) {
      for (int h = 1; h <= 4; ++h) pad += std::sin(2 * std::numbers::pi * root * ratio * h * t) / h;
    }
    const double bass = std::sin(2 * std::numbers::pi * root / 4 * t);
    const double beat_t = std::fmod(t, kBeat_s);
    const double kick = std::sin(2 * std::numbers::pi * 55 * beat_t) * std::exp(-beat_t * 25);
    const double hat_t = std::fmod(t + kBeat_s / 2, kBeat_s);
    const double hat = noise(rng) * std::exp(-hat_t * 60) * 0.5;
    left[i] += static_cast<float>(0.8 * pad + 0.6 * bass + kick + 0.9 * hat);
    right[i] += static_cast<float>(0.3 * pad + 0.6 * bass + kick + 0.2 * hat);
  }
}

}  // namespace

Result<SyntheticSong> MakeSyntheticSong(const SyntheticSongSpec& spec) {
  if (spec.lines.empty()) return Status::InvalidInput("synthetic song has no lines");
  // espeak-ng is started once per process, by the phonemizer's code, and used under its lock.
  int espeak_rate = 0;
  std::vector<SpokenLine> spoken_lines;
  YTL_RETURN_IF_ERROR(WithEspeak("", [&](int rate_hz) -> Status {
    espeak_rate = rate_hz;
    espeak_SetSynthCallback(CollectSpeech);
    if (espeak_SetVoiceByName(spec.voice.c_str()) != EE_OK) {
      return Status::InvalidInput("espeak-ng has no voice '" + spec.voice + "'");
    }
    espeak_SetParameter(espeakRATE, spec.speed_wpm, 0);
    espeak_SetParameter(espeakPITCH, spec.pitch, 0);
    for (const std::string& line : spec.lines) {
      auto spoken = Speak(line);
      if (!spoken.ok()) return spoken.status();
      spoken_lines.push_back(std::move(spoken).value());
    }
    return Status::Ok();
  }));

  SyntheticSong song;
  std::vector<float>& voice = song.voice.channels.emplace_back();
  song.voice.sample_rate_hz = spec.sample_rate_hz;
  const auto pad = [&](double seconds) {
    voice.resize(voice.size() + seconds * spec.sample_rate_hz, 0.f);
  };
  pad(spec.intro_s);
  const std::size_t half = (spec.lines.size() + 1) / 2;
  int word_index = 0;
  for (std::size_t l = 0; l < spec.lines.size(); ++l) {
    if (l == half) pad(spec.break_s);
    const SpokenLine* spoken = &spoken_lines[l];
    // espeak-ng runs short function words together ("in the") under one
    // event, so events are matched to words by character position; a word
    // without its own event has no known onset and is left out of the truth.
    const double line_start_s = static_cast<double>(voice.size()) / spec.sample_rate_hz;
    std::istringstream words(spec.lines[l]);
    std::string word;
    std::size_t search_from = 0;
    while (words >> word) {
      const std::size_t byte_pos = spec.lines[l].find(word, search_from);
      search_from = byte_pos + word.size();
      const std::size_t char_pos = CodePointsIn(spec.lines[l].substr(0, byte_pos)) + 1;
      for (const auto& [text_pos, ms] : spoken->word_onsets) {
        if (static_cast<std::size_t>(text_pos) == char_pos) {
          song.words.push_back({word, word_index, line_start_s + ms / 1000.0});
        }
      }
      ++word_index;
    }
    const auto samples = ResampleLinear(spoken->samples, espeak_rate, spec.sample_rate_hz);
    voice.insert(voice.end(), samples.begin(), samples.end());
    song.lyrics_text += spec.lines[l] + "\n";
    pad(spec.line_gap_s);
  }
  pad(spec.outro_s);

  std::vector<float> left(voice.size(), 0.f), right(voice.size(), 0.f);
  AddMusicBed(left, right, spec.sample_rate_hz, spec.seed);
  const std::size_t sung_begin = spec.intro_s * spec.sample_rate_hz;
  const std::size_t sung_end = voice.size() - spec.outro_s * spec.sample_rate_hz;
  const double music_rms = (Rms(left, 0, left.size()) + Rms(right, 0, right.size())) / 2;
  const double voice_rms = Rms(voice, sung_begin, sung_end);
  const double music_gain =
      voice_rms / std::max(music_rms, 1e-9) * std::pow(10.0, -spec.vocal_to_music_db / 20);
  float peak = 0;
  for (std::size_t i = 0; i < voice.size(); ++i) {
    left[i] = left[i] * music_gain + voice[i];
    right[i] = right[i] * music_gain + voice[i];
    peak = std::max({peak, std::abs(left[i]), std::abs(right[i])});
  }
  const float norm = peak > 0.95f ? 0.95f / peak : 1.f;
  for (std::size_t i = 0; i < voice.size(); ++i) {
    left[i] *= norm;
    right[i] *= norm;
    voice[i] *= norm;
  }
  song.mix.sample_rate_hz = spec.sample_rate_hz;
  song.mix.channels = {std::move(left), std::move(right)};
  return song;
}

Status WriteWav(const std::string& path, const AudioBuffer& audio) {
  std::ofstream out(path, std::ios::binary);
  if (!out) return Status::Unavailable(path + ": cannot write; check the folder exists");
  const auto put32 = [&](std::uint32_t v) { out.write(reinterpret_cast<const char*>(&v), 4); };
  const auto put16 = [&](std::uint16_t v) { out.write(reinterpret_cast<const char*>(&v), 2); };
  const std::uint16_t channels = audio.channels.size();
  const std::uint32_t data_bytes = audio.frames() * channels * 2;
  out.write("RIFF", 4);
  put32(36 + data_bytes);
  out.write("WAVEfmt ", 8);
  put32(16);
  put16(1);
  put16(channels);
  put32(audio.sample_rate_hz);
  put32(audio.sample_rate_hz * channels * 2);
  put16(channels * 2);
  put16(16);
  out.write("data", 4);
  put32(data_bytes);
  for (std::size_t i = 0; i < audio.frames(); ++i) {
    for (const auto& channel : audio.channels) {
      const float v = std::clamp(channel[i], -1.f, 1.f);
      put16(static_cast<std::uint16_t>(static_cast<std::int16_t>(std::lround(v * 32767))));
    }
  }
  return out ? Status::Ok() : Status::Unavailable(path + ": write failed; check free disk space");
}

}  // namespace ytl::testing
