#include "separation/fft.h"

#include <cassert>
#include <cmath>
#include <numbers>
#include <utility>

namespace ytl {
namespace {

std::complex<float> Multiply(std::complex<float> a, std::complex<float> b) {
  return {a.real() * b.real() - a.imag() * b.imag(), a.real() * b.imag() + a.imag() * b.real()};
}

}  // namespace

bool RealFft::IsValidSize(int size) { return size >= 4 && (size & (size - 1)) == 0; }

int RealFft::SizeFor(int samples) {
  int size = 4;
  while (size < samples) size <<= 1;
  return size;
}

RealFft::RealFft(int size) : size_(size) {
  assert(IsValidSize(size));
  const int half = size / 2;
  bit_reverse_.resize(half);
  int bits = 0;
  while ((1 << bits) < half) ++bits;
  for (int i = 0; i < half; ++i) {
    int r = 0;
    for (int b = 0; b < bits; ++b) r |= ((i >> b) & 1) << (bits - 1 - b);
    bit_reverse_[i] = r;
  }
  twiddle_.resize(std::max(1, half / 2));
  for (int k = 0; k < static_cast<int>(twiddle_.size()); ++k) {
    const double a = -2.0 * std::numbers::pi * k / half;
    twiddle_[k] = {static_cast<float>(std::cos(a)), static_cast<float>(std::sin(a))};
  }
  post_twiddle_.resize(half + 1);
  for (int k = 0; k <= half; ++k) {
    const double a = -2.0 * std::numbers::pi * k / size;
    post_twiddle_[k] = {static_cast<float>(std::cos(a)), static_cast<float>(std::sin(a))};
  }
}

void RealFft::Complex(std::complex<float>* data, int sign) const {
  const int n = size_ / 2;
  for (int i = 0; i < n; ++i) {
    if (i < bit_reverse_[i]) std::swap(data[i], data[bit_reverse_[i]]);
  }
  for (int len = 2; len <= n; len <<= 1) {
    const int step = n / len;
    const int half_len = len / 2;
    for (int start = 0; start < n; start += len) {
      for (int j = 0; j < half_len; ++j) {
        // Spelled out: std::complex multiplication checks for NaN/inf and is several times slower.
        const float wr = twiddle_[j * step].real();
        const float wi = sign > 0 ? -twiddle_[j * step].imag() : twiddle_[j * step].imag();
        const std::complex<float> odd = data[start + j + half_len];
        const std::complex<float> t(wr * odd.real() - wi * odd.imag(),
                                    wr * odd.imag() + wi * odd.real());
        data[start + j + half_len] = data[start + j] - t;
        data[start + j] += t;
      }
    }
  }
}

// Packs the real signal as n/2 complex points, transforms, then splits the even and odd halves.
void RealFft::Forward(const float* in, std::complex<float>* out) const {
  const int half = size_ / 2;
  std::vector<std::complex<float>> z(half);
  for (int i = 0; i < half; ++i) z[i] = {in[2 * i], in[2 * i + 1]};
  Complex(z.data(), -1);
  for (int k = 0; k <= half; ++k) {
    const std::complex<float> a = z[k % half];
    const std::complex<float> b = std::conj(z[(half - k) % half]);
    const std::complex<float> even = 0.5f * (a + b);
    const std::complex<float> diff = a - b;
    const std::complex<float> odd(0.5f * diff.imag(), -0.5f * diff.real());  // -i/2 (a - b)
    out[k] = even + Multiply(post_twiddle_[k], odd);
  }
}

void RealFft::Inverse(const std::complex<float>* in, float* out) const {
  const int half = size_ / 2;
  std::vector<std::complex<float>> z(half);
  for (int k = 0; k < half; ++k) {
    const std::complex<float> a = in[k];
    const std::complex<float> b = std::conj(in[half - k]);
    const std::complex<float> even = 0.5f * (a + b);
    const std::complex<float> odd = Multiply(0.5f * (a - b), std::conj(post_twiddle_[k]));
    z[k] = even + std::complex<float>(-odd.imag(), odd.real());  // even + i odd
  }
  Complex(z.data(), +1);
  const float scale = 1.0f / static_cast<float>(half);
  for (int i = 0; i < half; ++i) {
    out[2 * i] = z[i].real() * scale;
    out[2 * i + 1] = z[i].imag() * scale;
  }
}

}  // namespace ytl
