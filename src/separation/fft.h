// RealFft: a radix-2 FFT of real signals, for the STFT of the separator and the VAD.
#pragma once

#include <complex>
#include <vector>

namespace ytl {

// Forward and inverse FFT of a real signal whose length is a power of two (>= 4).
// Immutable after construction, so one instance may be shared across threads.
class RealFft {
 public:
  // `size` must be a power of two >= 4; use IsValidSize() to check first.
  explicit RealFft(int size);

  static bool IsValidSize(int size);
  // The smallest valid size that holds `samples` samples.
  static int SizeFor(int samples);

  int size() const { return size_; }
  int bins() const { return size_ / 2 + 1; }

  // `in` has size() samples; `out` receives bins() values X[k] = sum x[n] e^{-2 pi i k n / N}.
  void Forward(const float* in, std::complex<float>* out) const;

  // Inverse of Forward, including the 1/N scale: `in` has bins() values (the imaginary parts of
  // DC and Nyquist are ignored), `out` receives size() samples.
  void Inverse(const std::complex<float>* in, float* out) const;

 private:
  // In-place complex FFT of length size_/2; `sign` is -1 (forward) or +1 (inverse).
  void Complex(std::complex<float>* data, int sign) const;

  int size_;
  std::vector<int> bit_reverse_;                   // permutation of size_/2 points
  std::vector<std::complex<float>> twiddle_;       // e^{-2 pi i k / (size_/2)}, k < size_/4
  std::vector<std::complex<float>> post_twiddle_;  // e^{-2 pi i k / size_}, k <= size_/2
};

}  // namespace ytl
