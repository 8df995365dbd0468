// Acoustic feature vectors of one utterance, one row per 10 ms frame.
#pragma once

#include <vector>

namespace ytl {

struct FeatureMatrix {
  int dim = 0;                // values per frame (39 for 1s_c_d_dd)
  int frames = 0;             // rows
  std::vector<float> values;  // frames * dim, row-major

  const float* frame(int t) const { return values.data() + static_cast<std::size_t>(t) * dim; }
};

}  // namespace ytl
