#include "separation/fft.h"

#include <gtest/gtest.h>

#include <cmath>
#include <complex>
#include <numbers>
#include <random>
#include <vector>

namespace ytl {
namespace {

std::vector<std::complex<double>> NaiveDft(const std::vector<float>& x) {
  const int n = static_cast<int>(x.size());
  std::vector<std::complex<double>> out(n / 2 + 1);
  for (int k = 0; k <= n / 2; ++k) {
    for (int t = 0; t < n; ++t) {
      out[k] += std::polar(static_cast<double>(x[t]), -2.0 * std::numbers::pi * k * t / n);
    }
  }
  return out;
}

std::vector<float> RandomSignal(int n, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<float> dist(-1.0f, 1.0f);
  std::vector<float> x(n);
  for (float& v : x) v = dist(rng);
  return x;
}

TEST(RealFft, ForwardMatchesNaiveDft) {
  for (int n : {4, 8, 64, 512}) {
    const std::vector<float> x = RandomSignal(n, 7u + n);
    RealFft fft(n);
    std::vector<std::complex<float>> spectrum(fft.bins());
    fft.Forward(x.data(), spectrum.data());
    const auto expected = NaiveDft(x);
    for (int k = 0; k < fft.bins(); ++k) {
      EXPECT_NEAR(spectrum[k].real(), expected[k].real(), 1e-3) << "n=" << n << " k=" << k;
      EXPECT_NEAR(spectrum[k].imag(), expected[k].imag(), 1e-3) << "n=" << n << " k=" << k;
    }
  }
}

TEST(RealFft, InverseUndoesForward) {
  const int n = 2048;
  const std::vector<float> x = RandomSignal(n, 3);
  RealFft fft(n);
  std::vector<std::complex<float>> spectrum(fft.bins());
  std::vector<float> back(n);
  fft.Forward(x.data(), spectrum.data());
  fft.Inverse(spectrum.data(), back.data());
  for (int i = 0; i < n; ++i) ASSERT_NEAR(back[i], x[i], 1e-5) << i;
}

TEST(RealFft, RejectsSizesThatAreNotPowersOfTwo) {
  EXPECT_TRUE(RealFft::IsValidSize(1024));
  EXPECT_FALSE(RealFft::IsValidSize(1000));
  EXPECT_FALSE(RealFft::IsValidSize(2));
  EXPECT_FALSE(RealFft::IsValidSize(0));
}

TEST(RealFft, SizeForIsTheSmallestValidSizeHoldingTheSamples) {
  EXPECT_EQ(RealFft::SizeFor(0), 4);
  EXPECT_EQ(RealFft::SizeFor(4), 4);
  EXPECT_EQ(RealFft::SizeFor(5), 8);
  EXPECT_EQ(RealFft::SizeFor(1024), 1024);
  EXPECT_EQ(RealFft::SizeFor(1025), 2048);
}

}  // namespace
}  // namespace ytl
