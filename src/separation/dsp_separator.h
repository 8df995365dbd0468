// DspSeparator: vocal isolation by signal processing, with no model to load.
#pragma once

#include <string_view>

#include "separation/separator.h"

namespace ytl {

// Each stage can be switched off on its own so that its effect can be measured.
struct DspSeparatorConfig {
  bool centre_extraction = true;  // (a) keep the stereo centre, where lead vocals sit
  // (b) keep the harmonic part (median filtering). Off by default: on the jamendo-dev songs it
  // lowered the vocal-to-instrumental contrast (-1.3 dB) and the VAD's word-onset recall.
  bool harmonic_percussive = false;
  bool predominant_voice_mask = true;  // (c) comb mask around the predominant f0's partials

  // STFT length and hop in samples at 44.1 or 48 kHz; at other rates the length is the
  // power of two nearest the same duration, and the hop keeps its ratio to it.
  int fft_size = 2048;     // a power of two
  int hop = 512;           // fft_size must be a multiple, at least 2x
  int block_frames = 256;  // STFT frames processed at once; bounds the memory of the stage

  float side_subtraction = 1.0f;   // (a) weight of the side energy subtracted from the mid
  float centre_floor_gain = 0.1f;  // (a) least gain of a bin judged off-centre, in [0, 1]

  double harmonic_kernel_s = 0.1;     // (b) time span of the median that finds harmonic energy
  double percussive_kernel_hz = 400;  // (b) frequency span of the median for percussive energy
  double consonant_from_hz = 4000;    // (b) above this, percussive energy is partly kept
  float consonant_keep = 0.5f;        // (b) fraction of the removed part kept there, in [0, 1]

  double min_f0_hz = 80;       // (c) lowest predominant fundamental searched
  double max_f0_hz = 1000;     // (c) highest predominant fundamental searched
  double comb_max_hz = 5000;   // (c) partials above this are left alone (fricatives)
  float comb_strength = 0.8f;  // (c) 0: no effect; 1: full comb on confident frames

  double min_frequency_hz = 90;    // bins below are dropped: bass and kick, not voice
  double max_frequency_hz = 8000;  // bins above are dropped: the recogniser hears 16 kHz audio
  // Input above this rate is decoded at half rate (or less): nothing above max_frequency_hz
  // is kept, so a 22.05 or 24 kHz mix gives the same vocals as 44.1 or 48 kHz at half the
  // memory and time. At least 2 * max_frequency_hz; 0: take any rate as it comes.
  int max_input_rate_hz = 24000;

  // Names the first invalid field and its valid range.
  Status Validate() const;
};

// Mid/side centre extraction, then harmonic/percussive median masks, then a predominant-f0
// comb mask, on a Hann STFT processed in blocks of block_frames frames. Thread-compatible:
// Separate() is const and keeps its state on the stack.
class DspSeparator : public Separator {
 public:
  // `config` must have passed Validate().
  explicit DspSeparator(const DspSeparatorConfig& config) : config_(config) {}

  Result<AudioBuffer> Separate(const AudioBuffer& mix, const StageContext& ctx) const override;
  std::string_view name() const override { return "dsp"; }
  std::string Fingerprint() const override;
  int max_input_rate_hz() const override { return config_.max_input_rate_hz; }

 private:
  DspSeparatorConfig config_;
};

}  // namespace ytl
