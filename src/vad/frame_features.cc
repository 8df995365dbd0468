#include "vad/frame_features.h"

#include <algorithm>
#include <cmath>
#include <complex>
#include <numbers>

#include "separation/fft.h"

namespace ytl {
namespace {

constexpr double kMinF0Hz = 80;
constexpr double kMaxF0Hz = 1000;
constexpr double kFlatnessLowHz = 100;
constexpr double kFlatnessHighHz = 4000;

// Analyses one window at a time; holds the FFT, the window and the scratch buffers.
class FrameAnalyzer {
 public:
  FrameAnalyzer(int sample_rate_hz, int window)
      : rate_hz_(sample_rate_hz),
        window_(window),
        fft_(RealFft::SizeFor(2 * window)),
        hann_(window),
        frame_(fft_.size()),
        spectrum_(fft_.bins()),
        acf_(fft_.size()),
        window_acf_(fft_.size()) {
    for (int i = 0; i < window; ++i) {
      hann_[i] =
          static_cast<float>(0.5 - 0.5 * std::cos(2 * std::numbers::pi * (i + 0.5) / window));
    }
    Autocorrelate(hann_.data(), window_acf_);
  }

  // Features of the window starting at `start` (may reach outside `samples`: zeros there).
  void Analyze(const std::vector<float>& samples, long long start, FrameFeatures& out) {
    std::fill(frame_.begin(), frame_.end(), 0.0f);
    double energy = 0;
    for (int i = 0; i < window_; ++i) {
      const long long t = start + i;
      if (t < 0 || t >= static_cast<long long>(samples.size())) continue;
      energy += static_cast<double>(samples[t]) * samples[t];
      frame_[i] = samples[t] * hann_[i];
    }
    out.energy_db.push_back(static_cast<float>(10 * std::log10(energy / window_ + 1e-12)));
    Autocorrelate(frame_.data(), acf_);
    out.harmonicity.push_back(Harmonicity());
    out.flatness.push_back(Flatness());
  }

 private:
  // Fills `acf` with the autocorrelation of the window-length signal `x`; leaves the power
  // spectrum in spectrum_.
  void Autocorrelate(const float* x, std::vector<float>& acf) {
    std::vector<float> padded(fft_.size(), 0.0f);
    std::copy(x, x + window_, padded.begin());
    fft_.Forward(padded.data(), spectrum_.data());
    for (auto& bin : spectrum_) bin = std::norm(bin);
    fft_.Inverse(spectrum_.data(), acf.data());
  }

  // Boersma (1993): the signal's normalised autocorrelation divided by the window's.
  float Harmonicity() const {
    if (acf_[0] <= 0) return 0.0f;
    const int min_lag = static_cast<int>(rate_hz_ / kMaxF0Hz);
    const int max_lag = std::min(window_ - 1, static_cast<int>(rate_hz_ / kMinF0Hz));
    float best = 0.0f;
    for (int lag = std::max(1, min_lag); lag < max_lag; ++lag) {
      if (acf_[lag] < acf_[lag - 1] || acf_[lag] < acf_[lag + 1]) continue;
      const float r = (acf_[lag] / acf_[0]) / (window_acf_[lag] / window_acf_[0]);
      best = std::max(best, r);
    }
    return std::clamp(best, 0.0f, 1.0f);
  }

  float Flatness() const {
    const double bin_hz = static_cast<double>(rate_hz_) / fft_.size();
    const int low = std::max(1, static_cast<int>(kFlatnessLowHz / bin_hz));
    const int high = std::min(fft_.bins() - 1, static_cast<int>(kFlatnessHighHz / bin_hz));
    double log_sum = 0, sum = 0;
    for (int b = low; b <= high; ++b) {
      const double power = spectrum_[b].real() + 1e-12;
      log_sum += std::log(power);
      sum += power;
    }
    const int count = high - low + 1;
    return static_cast<float>(std::exp(log_sum / count) / (sum / count));
  }

  int rate_hz_;
  int window_;
  RealFft fft_;
  std::vector<float> hann_;
  std::vector<float> frame_;
  std::vector<std::complex<float>> spectrum_;
  std::vector<float> acf_;
  std::vector<float> window_acf_;
};

}  // namespace

Result<FrameFeatures> ComputeFrameFeatures(const std::vector<float>& samples, int sample_rate_hz,
                                           double frame_s, double window_s,
                                           const StageContext& ctx) {
  const double hop = frame_s * sample_rate_hz;
  const int window = std::max(8, static_cast<int>(std::lround(window_s * sample_rate_hz)));
  FrameAnalyzer analyzer(sample_rate_hz, window);
  FrameFeatures features;
  features.frame_s = frame_s;
  const std::size_t frames = static_cast<std::size_t>(std::ceil(samples.size() / hop));
  for (std::size_t f = 0; f < frames; ++f) {
    if (f % 1000 == 0) {
      if (ctx.cancelled()) return Status::Cancelled("voice activity detection cancelled");
      ctx.Report("vad", 0.9 * f / frames);
    }
    const long long centre = std::llround((f + 0.5) * hop);
    analyzer.Analyze(samples, centre - window / 2, features);
  }
  return features;
}

}  // namespace ytl
