// Stereo centre extraction: keeps the time-frequency bins where left and right agree.
#pragma once

#include <complex>

namespace ytl {

// Writes the mid (L + R) / 2 of each bin, scaled by a soft mask that subtracts the side
// (L - R) / 2 energy from the mid energy: gain = sqrt(max(floor^2, 1 - s |S|^2 / |M|^2)).
// A centred source (L == R) keeps gain 1; a source in one channel only gets `floor_gain`.
// `left`, `right` and `centre` hold `bins` values; `centre` may alias neither input.
void ExtractCentre(const std::complex<float>* left, const std::complex<float>* right, int bins,
                   float side_subtraction, float floor_gain, std::complex<float>* centre);

}  // namespace ytl
