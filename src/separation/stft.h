// Stft: Hann-windowed short-time Fourier analysis and overlap-add synthesis of one signal.
#pragma once

#include <complex>
#include <cstddef>
#include <vector>

#include "separation/fft.h"

namespace ytl {

// Frame f covers samples [f * hop - (fft_size - hop), f * hop + hop), zero outside the signal,
// so every sample is covered by fft_size / hop complete frames and synthesis reconstructs it
// exactly. Immutable after construction; the scratch buffers belong to the caller.
class Stft {
 public:
  // `fft_size` must be a power of two >= 4 and a multiple of `hop`.
  Stft(int fft_size, int hop);

  int fft_size() const { return fft_.size(); }
  int hop() const { return hop_; }
  int bins() const { return fft_.bins(); }

  // Number of frames that cover a signal of `length` samples.
  std::size_t FrameCount(std::size_t length) const;

  // Spectrum (bins() values) of frame `frame` of `signal`.
  void Analyze(const std::vector<float>& signal, std::size_t frame,
               std::complex<float>* spectrum) const;

  // Adds the windowed inverse of `spectrum` at frame `frame` into `output` (same length as the
  // analysed signal). After every frame is added, `output` holds the reconstruction.
  void OverlapAdd(const std::complex<float>* spectrum, std::size_t frame,
                  std::vector<float>& output) const;

 private:
  long long FrameStart(std::size_t frame) const;

  RealFft fft_;
  int hop_;
  std::vector<float> analysis_window_;   // periodic Hann
  std::vector<float> synthesis_window_;  // Hann divided by the summed squared windows
};

}  // namespace ytl
