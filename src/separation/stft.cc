#include "separation/stft.h"

#include <cmath>
#include <numbers>

namespace ytl {

Stft::Stft(int fft_size, int hop)
    : fft_(fft_size), hop_(hop), analysis_window_(fft_size), synthesis_window_(fft_size) {
  for (int i = 0; i < fft_size; ++i) {
    analysis_window_[i] =
        static_cast<float>(0.5 - 0.5 * std::cos(2.0 * std::numbers::pi * i / fft_size));
  }
  std::vector<double> squared_sum(hop, 0.0);
  for (int i = 0; i < fft_size; ++i) {
    squared_sum[i % hop] += analysis_window_[i] * analysis_window_[i];
  }
  for (int i = 0; i < fft_size; ++i) {
    synthesis_window_[i] = static_cast<float>(analysis_window_[i] / squared_sum[i % hop]);
  }
}

std::size_t Stft::FrameCount(std::size_t length) const {
  if (length == 0) return 0;
  return (length - 1 + fft_size() - hop_) / hop_ + 1;
}

long long Stft::FrameStart(std::size_t frame) const {
  return static_cast<long long>(frame) * hop_ - (fft_size() - hop_);
}

void Stft::Analyze(const std::vector<float>& signal, std::size_t frame,
                   std::complex<float>* spectrum) const {
  const int n = fft_size();
  std::vector<float> windowed(n, 0.0f);
  const long long start = FrameStart(frame);
  const long long length = static_cast<long long>(signal.size());
  for (int i = 0; i < n; ++i) {
    const long long t = start + i;
    if (t >= 0 && t < length) windowed[i] = signal[t] * analysis_window_[i];
  }
  fft_.Forward(windowed.data(), spectrum);
}

void Stft::OverlapAdd(const std::complex<float>* spectrum, std::size_t frame,
                      std::vector<float>& output) const {
  const int n = fft_size();
  std::vector<float> frame_samples(n);
  fft_.Inverse(spectrum, frame_samples.data());
  const long long start = FrameStart(frame);
  const long long length = static_cast<long long>(output.size());
  for (int i = 0; i < n; ++i) {
    const long long t = start + i;
    if (t >= 0 && t < length) output[t] += frame_samples[i] * synthesis_window_[i];
  }
}

}  // namespace ytl
