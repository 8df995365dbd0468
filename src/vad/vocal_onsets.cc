#include "vad/vocal_onsets.h"

#include <algorithm>
#include <cmath>
#include <complex>
#include <deque>
#include <numbers>
#include <string>

#include "separation/fft.h"

namespace ytl {
namespace {

Status FieldError(const std::string& field, const std::string& rule) {
  return Status::InvalidInput("VocalOnsetConfig." + field + " " + rule);
}

// Subtracts the mean of the `half`-frame neighbourhood on either side, keeps what is above.
std::vector<float> AboveLocalMean(const std::vector<float>& x, int half) {
  std::vector<double> prefix(x.size() + 1, 0.0);
  for (std::size_t i = 0; i < x.size(); ++i) prefix[i + 1] = prefix[i] + x[i];
  std::vector<float> out(x.size());
  const long long n = static_cast<long long>(x.size());
  for (long long i = 0; i < n; ++i) {
    const long long lo = std::max(0LL, i - half);
    const long long hi = std::min(n, i + half + 1);
    const double mean = (prefix[hi] - prefix[lo]) / static_cast<double>(hi - lo);
    out[i] = static_cast<float>(std::max(0.0, x[i] - mean));
  }
  return out;
}

}  // namespace

Status VocalOnsetConfig::Validate() const {
  if (!(frame_s > 0) || frame_s > 0.1) return FieldError("frame_s", "must be in (0, 0.1]");
  if (!(window_s >= frame_s) || window_s > 0.5) {
    return FieldError("window_s", "must be in [frame_s, 0.5]");
  }
  if (!(low_hz >= 0) || !(high_hz > low_hz)) {
    return FieldError("low_hz", "must be >= 0 and below high_hz");
  }
  if (lag_frames < 1 || lag_frames > 20) return FieldError("lag_frames", "must be in [1, 20]");
  if (max_filter_bins < 1 || max_filter_bins > 15 || max_filter_bins % 2 == 0) {
    return FieldError("max_filter_bins", "must be odd, in [1, 15]");
  }
  if (!(mean_window_s >= 0) || mean_window_s > 10) {
    return FieldError("mean_window_s", "must be in [0, 10]");
  }
  if (!(scale_percentile > 0) || scale_percentile > 1) {
    return FieldError("scale_percentile", "must be in (0, 1]");
  }
  return Status::Ok();
}

Result<std::vector<float>> ComputeVocalOnsets(const std::vector<float>& samples, int sample_rate_hz,
                                              const VocalOnsetConfig& config,
                                              const StageContext& ctx) {
  YTL_RETURN_IF_ERROR(config.Validate());
  if (sample_rate_hz <= 0) return Status::InvalidInput("onsets need a positive sample rate");
  const double hop = config.frame_s * sample_rate_hz;
  const int window = std::max(8, static_cast<int>(std::lround(config.window_s * sample_rate_hz)));
  const RealFft fft(RealFft::SizeFor(window));
  const double bin_hz = static_cast<double>(sample_rate_hz) / fft.size();
  const int low = std::max(1, static_cast<int>(std::ceil(config.low_hz / bin_hz)));
  const int high = std::min(fft.bins() - 1, static_cast<int>(config.high_hz / bin_hz));
  const std::size_t frames = static_cast<std::size_t>(std::ceil(samples.size() / hop));
  std::vector<float> flux(frames, 0.0f);
  if (high <= low || frames == 0) return flux;

  // Magnitudes are compressed relative to the level of noise at the song's mean power, so that
  // quiet and loud masters give the same onsets.
  double power = 0;
  for (float s : samples) power += static_cast<double>(s) * s;
  const double rms = std::sqrt(power / std::max<std::size_t>(1, samples.size()));
  if (rms <= 0) return flux;
  std::vector<float> hann(window);
  double window_power = 0;
  for (int i = 0; i < window; ++i) {
    hann[i] = static_cast<float>(0.5 - 0.5 * std::cos(2 * std::numbers::pi * (i + 0.5) / window));
    window_power += static_cast<double>(hann[i]) * hann[i];
  }
  const double reference = rms * std::sqrt(window_power);

  const int bands = high - low + 1;
  const int half_filter = config.max_filter_bins / 2;
  std::vector<float> frame(fft.size());
  std::vector<std::complex<float>> spectrum(fft.bins());
  std::deque<std::vector<float>> history;  // log magnitudes of the last lag_frames frames
  std::vector<float> current(bands), filtered(bands);
  for (std::size_t f = 0; f < frames; ++f) {
    if (f % 1000 == 0) {
      if (ctx.cancelled()) return Status::Cancelled("voice activity detection cancelled");
      ctx.Report("vad", 0.9 + 0.1 * static_cast<double>(f) / frames);
    }
    const long long start = std::llround((f + 0.5) * hop) - window / 2;
    std::fill(frame.begin(), frame.end(), 0.0f);
    for (int i = 0; i < window; ++i) {
      const long long t = start + i;
      if (t >= 0 && t < static_cast<long long>(samples.size())) frame[i] = samples[t] * hann[i];
    }
    fft.Forward(frame.data(), spectrum.data());
    for (int b = 0; b < bands; ++b) {
      current[b] = static_cast<float>(std::log1p(std::abs(spectrum[low + b]) / reference));
    }
    if (static_cast<int>(history.size()) == config.lag_frames) {
      const std::vector<float>& before = history.front();
      for (int b = 0; b < bands; ++b) {
        float m = before[b];
        for (int d = -half_filter; d <= half_filter; ++d) {
          const int k = b + d;
          if (k >= 0 && k < bands) m = std::max(m, before[k]);
        }
        filtered[b] = m;
      }
      double rise = 0;
      for (int b = 0; b < bands; ++b) rise += std::max(0.0f, current[b] - filtered[b]);
      flux[f] = static_cast<float>(rise / bands);
      history.pop_front();
    }
    history.push_back(current);
  }

  const int half_mean = static_cast<int>(std::lround(config.mean_window_s / 2 / config.frame_s));
  std::vector<float> onsets = half_mean > 0 ? AboveLocalMean(flux, half_mean) : flux;
  std::vector<float> positive;
  for (float v : onsets) {
    if (v > 0) positive.push_back(v);
  }
  if (positive.empty()) return onsets;
  const auto at = positive.begin() +
                  static_cast<std::ptrdiff_t>(config.scale_percentile * (positive.size() - 1));
  std::nth_element(positive.begin(), at, positive.end());
  const float scale = *at;
  if (!(scale > 0)) return onsets;
  for (float& v : onsets) v = std::min(1.0f, v / scale);
  return onsets;
}

}  // namespace ytl
