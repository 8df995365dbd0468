#include "separation/stft.h"

#include <gtest/gtest.h>

#include <cmath>
#include <complex>
#include <random>
#include <vector>

namespace ytl {
namespace {

std::vector<float> Reconstruct(const Stft& stft, const std::vector<float>& signal) {
  std::vector<float> output(signal.size(), 0.0f);
  std::vector<std::complex<float>> spectrum(stft.bins());
  for (std::size_t f = 0; f < stft.FrameCount(signal.size()); ++f) {
    stft.Analyze(signal, f, spectrum.data());
    stft.OverlapAdd(spectrum.data(), f, output);
  }
  return output;
}

TEST(Stft, ReconstructsEverySampleIncludingTheEdges) {
  std::mt19937 rng(5);
  std::uniform_real_distribution<float> dist(-1.0f, 1.0f);
  for (auto [fft_size, hop] : {std::pair{1024, 256}, std::pair{512, 256}, std::pair{256, 32}}) {
    std::vector<float> signal(5003);
    for (float& v : signal) v = dist(rng);
    const Stft stft(fft_size, hop);
    const std::vector<float> output = Reconstruct(stft, signal);
    for (std::size_t i = 0; i < signal.size(); ++i) {
      ASSERT_NEAR(output[i], signal[i], 1e-4) << "fft " << fft_size << " hop " << hop << " i " << i;
    }
  }
}

TEST(Stft, CountsFramesCoveringTheSignal) {
  const Stft stft(1024, 256);
  EXPECT_EQ(stft.FrameCount(0), 0u);
  EXPECT_EQ(stft.FrameCount(1), 4u);
  EXPECT_EQ(stft.FrameCount(256), 4u);
  EXPECT_EQ(stft.FrameCount(257), 5u);
}

}  // namespace
}  // namespace ytl
