#include "separation/dsp_separator.h"

#include <algorithm>
#include <cmath>
#include <complex>
#include <string>
#include <vector>

#include "core/fingerprint.h"
#include "separation/centre_mask.h"
#include "separation/fft.h"
#include "separation/harmonic_percussive_mask.h"
#include "separation/magnitude_block.h"
#include "separation/predominant_voice_mask.h"
#include "separation/stft.h"

namespace ytl {
namespace {

Status FieldError(const std::string& field, const std::string& rule) {
  return Status::InvalidInput("DspSeparatorConfig." + field + " " + rule);
}

int OddAtLeastOne(double value) {
  const int n = std::max(1, static_cast<int>(std::lround(value)));
  return n % 2 == 1 ? n : n + 1;
}

Status CheckMix(const AudioBuffer& mix) {
  if (mix.sample_rate_hz <= 0) {
    return Status::InvalidInput("separator input has sample rate " +
                                std::to_string(mix.sample_rate_hz) + " Hz; decode it first");
  }
  if (mix.channels.empty() || mix.channels.size() > 2) {
    return Status::InvalidInput("separator takes mono or stereo audio but got " +
                                std::to_string(mix.channels.size()) +
                                " channels; downmix to stereo first");
  }
  if (mix.channels.size() == 2 && mix.channels[0].size() != mix.channels[1].size()) {
    return Status::InvalidInput("separator input channels differ in length (" +
                                std::to_string(mix.channels[0].size()) + " vs " +
                                std::to_string(mix.channels[1].size()) + " samples)");
  }
  return Status::Ok();
}

// The state of one Separate() call: STFT, masks and the scratch of the current block.
class BlockSeparator {
 public:
  BlockSeparator(const DspSeparatorConfig& config, const AudioBuffer& mix)
      : config_(config),
        mix_(mix),
        stft_(config.fft_size, config.hop),
        voice_mask_(VoiceParams(config, mix.sample_rate_hz)) {
    const double bin_hz = static_cast<double>(mix.sample_rate_hz) / config.fft_size;
    kept_bins_ = std::min(stft_.bins(), static_cast<int>(config.max_frequency_hz / bin_hz) + 1);
    lowest_bin_ =
        std::min(kept_bins_, static_cast<int>(std::ceil(config.min_frequency_hz / bin_hz)));
    hpss_.time_kernel_frames =
        OddAtLeastOne(config.harmonic_kernel_s * mix.sample_rate_hz / config.hop);
    hpss_.freq_kernel_bins = OddAtLeastOne(config.percussive_kernel_hz / bin_hz);
    hpss_.keep_from_bin = static_cast<int>(std::ceil(config.consonant_from_hz / bin_hz));
    hpss_.keep_fraction = config.consonant_keep;
  }

  std::size_t frame_count() const { return stft_.FrameCount(mix_.frames()); }

  // Separates STFT frames [first, last) and overlap-adds them into `vocals`.
  void Process(std::size_t first, std::size_t last, std::vector<float>& vocals) {
    const std::size_t context =
        config_.harmonic_percussive ? static_cast<std::size_t>(hpss_.time_kernel_frames / 2) : 0;
    const std::size_t block_first = first >= context ? first - context : 0;
    const std::size_t block_last = std::min(frame_count(), last + context);
    const int bins = stft_.bins();
    const int count = static_cast<int>(block_last - block_first);
    spectra_.assign(static_cast<std::size_t>(count) * bins, {});
    magnitude_.Resize(count, kept_bins_);
    for (int i = 0; i < count; ++i) {
      std::complex<float>* spectrum = Spectrum(i);
      AnalyzeMid(block_first + i, spectrum);
      for (int b = 0; b < kept_bins_; ++b)
        magnitude_.frame(i)[b] = std::sqrt(std::norm(spectrum[b]));
    }
    const int first_i = static_cast<int>(first - block_first);
    if (config_.harmonic_percussive) {
      HarmonicMasks(magnitude_, first_i, static_cast<int>(last - block_first), hpss_,
                    harmonic_masks_);
    }
    std::vector<float> mask(bins);
    for (std::size_t frame = first; frame < last; ++frame) {
      const int i = static_cast<int>(frame - block_first);
      FrameMask(i, i - first_i, mask);
      std::complex<float>* spectrum = Spectrum(i);
      for (int b = 0; b < bins; ++b) spectrum[b] *= mask[b];
      stft_.OverlapAdd(spectrum, frame, vocals);
    }
  }

 private:
  static PredominantVoiceParams VoiceParams(const DspSeparatorConfig& config, int rate_hz) {
    PredominantVoiceParams params;
    params.sample_rate_hz = rate_hz;
    params.fft_size = config.fft_size;
    params.min_f0_hz = config.min_f0_hz;
    params.max_f0_hz = config.max_f0_hz;
    params.comb_max_hz = config.comb_max_hz;
    params.strength = config.comb_strength;
    return params;
  }

  std::complex<float>* Spectrum(int i) {
    return spectra_.data() + static_cast<std::size_t>(i) * stft_.bins();
  }

  // The mid spectrum of `frame` (the centre-extracted one when enabled; the channel when mono).
  void AnalyzeMid(std::size_t frame, std::complex<float>* mid) {
    if (mix_.channels.size() == 1) {
      stft_.Analyze(mix_.channels[0], frame, mid);
      return;
    }
    left_.resize(stft_.bins());
    right_.resize(stft_.bins());
    stft_.Analyze(mix_.channels[0], frame, left_.data());
    stft_.Analyze(mix_.channels[1], frame, right_.data());
    if (config_.centre_extraction) {
      ExtractCentre(left_.data(), right_.data(), kept_bins_, config_.side_subtraction,
                    config_.centre_floor_gain, mid);
      return;
    }
    for (int b = 0; b < kept_bins_; ++b) mid[b] = 0.5f * (left_[b] + right_[b]);
  }

  // The gain of every bin of block frame `i` (frame `out` of the harmonic masks): band limits,
  // harmonic mask, then the predominant-voice comb.
  void FrameMask(int i, int out, std::vector<float>& mask) {
    std::fill(mask.begin(), mask.end(), 0.0f);
    std::fill(mask.begin() + lowest_bin_, mask.begin() + kept_bins_, 1.0f);
    if (config_.harmonic_percussive) {
      const float* harmonic = harmonic_masks_.frame(out);
      for (int b = lowest_bin_; b < kept_bins_; ++b) mask[b] = harmonic[b];
    }
    if (!config_.predominant_voice_mask) return;
    weighted_.assign(stft_.bins(), 0.0f);
    for (int b = 0; b < kept_bins_; ++b) weighted_[b] = magnitude_.frame(i)[b] * mask[b];
    voice_mask_.Apply(voice_mask_.Estimate(weighted_.data()), mask.data());
  }

  const DspSeparatorConfig& config_;
  const AudioBuffer& mix_;
  Stft stft_;
  PredominantVoiceMask voice_mask_;
  HarmonicMaskParams hpss_;
  int lowest_bin_ = 0;                        // bins below are dropped (min_frequency_hz)
  int kept_bins_ = 0;                         // bins from here on are dropped (max_frequency_hz)
  std::vector<std::complex<float>> spectra_;  // block frames x bins, frame-major
  MagnitudeBlock magnitude_;                  // |spectra_| up to kept_bins_
  MagnitudeBlock harmonic_masks_;             // of the frames being output
  std::vector<std::complex<float>> left_, right_;
  std::vector<float> weighted_;
};

// `config` with its STFT sized for `rate_hz`: the power of two nearest the duration that
// fft_size has at 44.1 kHz (48 kHz rounds to the same), the hop in the same ratio.
DspSeparatorConfig AtRate(DspSeparatorConfig config, int rate_hz) {
  const double ideal = config.fft_size * static_cast<double>(rate_hz) / 44100;
  const int fft_size = std::clamp(1 << static_cast<int>(std::lround(std::log2(ideal))), 256, 16384);
  config.hop = std::max(1, config.hop * fft_size / config.fft_size);
  config.fft_size = fft_size;
  return config;
}

}  // namespace

Status DspSeparatorConfig::Validate() const {
  if (!RealFft::IsValidSize(fft_size) || fft_size < 256 || fft_size > 16384) {
    return FieldError("fft_size",
                      "must be a power of two in [256, 16384]; got " + std::to_string(fft_size));
  }
  if (hop <= 0 || fft_size % hop != 0 || fft_size / hop < 2) {
    return FieldError(
        "hop", "must divide fft_size and be at most fft_size / 2; got " + std::to_string(hop));
  }
  if (block_frames < 1) return FieldError("block_frames", "must be at least 1");
  if (side_subtraction < 0) return FieldError("side_subtraction", "must be >= 0");
  if (centre_floor_gain < 0 || centre_floor_gain > 1) {
    return FieldError("centre_floor_gain", "must be in [0, 1]");
  }
  if (harmonic_kernel_s <= 0) return FieldError("harmonic_kernel_s", "must be > 0");
  if (percussive_kernel_hz <= 0) return FieldError("percussive_kernel_hz", "must be > 0");
  if (consonant_from_hz < 0) return FieldError("consonant_from_hz", "must be >= 0");
  if (consonant_keep < 0 || consonant_keep > 1) {
    return FieldError("consonant_keep", "must be in [0, 1]");
  }
  if (min_f0_hz < 20 || max_f0_hz <= min_f0_hz) {
    return FieldError("min_f0_hz", "must be >= 20 and below max_f0_hz");
  }
  if (comb_max_hz <= max_f0_hz) return FieldError("comb_max_hz", "must be above max_f0_hz");
  if (comb_strength < 0 || comb_strength > 1) {
    return FieldError("comb_strength", "must be in [0, 1]");
  }
  if (min_frequency_hz < 0 || max_frequency_hz <= min_frequency_hz) {
    return FieldError("max_frequency_hz", "must be above min_frequency_hz (>= 0)");
  }
  if (max_input_rate_hz != 0 && max_input_rate_hz < 2 * max_frequency_hz) {
    return FieldError("max_input_rate_hz", "must be 0 or at least 2 * max_frequency_hz");
  }
  return Status::Ok();
}

Result<AudioBuffer> DspSeparator::Separate(const AudioBuffer& mix, const StageContext& ctx) const {
  YTL_RETURN_IF_ERROR(config_.Validate());
  YTL_RETURN_IF_ERROR(CheckMix(mix));
  AudioBuffer vocals;
  vocals.sample_rate_hz = mix.sample_rate_hz;
  vocals.channels.assign(1, std::vector<float>(mix.frames(), 0.0f));
  const DspSeparatorConfig config = AtRate(config_, mix.sample_rate_hz);
  BlockSeparator separator(config, mix);
  const std::size_t frames = separator.frame_count();
  const std::size_t block = static_cast<std::size_t>(config.block_frames);
  for (std::size_t first = 0; first < frames; first += block) {
    if (ctx.cancelled()) return Status::Cancelled("separation cancelled");
    const std::size_t last = std::min(frames, first + block);
    separator.Process(first, last, vocals.channels[0]);
    ctx.Report("separate", static_cast<double>(last) / frames);
  }
  ctx.Report("separate", 1.0);
  return vocals;
}

std::string DspSeparator::Fingerprint() const {
  const DspSeparatorConfig& c = config_;
  return ytl::Fingerprint("dsp")
      .Add("centre", c.centre_extraction)
      .Add("hpss", c.harmonic_percussive)
      .Add("voice", c.predominant_voice_mask)
      .Add("fft", c.fft_size)
      .Add("hop", c.hop)
      .Add("side", c.side_subtraction)
      .Add("floor", c.centre_floor_gain)
      .Add("hk", c.harmonic_kernel_s)
      .Add("pk", c.percussive_kernel_hz)
      .Add("cons_hz", c.consonant_from_hz)
      .Add("cons_keep", c.consonant_keep)
      .Add("f0", c.min_f0_hz)
      .Add("f1", c.max_f0_hz)
      .Add("comb_hz", c.comb_max_hz)
      .Add("comb", c.comb_strength)
      .Add("lo", c.min_frequency_hz)
      .Add("hi", c.max_frequency_hz)
      .Add("rate", c.max_input_rate_hz)
      .str();
}

}  // namespace ytl
