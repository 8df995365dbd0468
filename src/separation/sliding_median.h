// SlidingMedian: the median of a window that moves one value at a time.
#pragma once

#include <algorithm>
#include <vector>

namespace ytl {

// Keeps the window sorted: Add and Remove cost O(window) moves of floats, which beats
// re-selecting the median for the short windows of the harmonic/percussive filter.
class SlidingMedian {
 public:
  explicit SlidingMedian(int capacity) { sorted_.reserve(capacity); }

  void Clear() { sorted_.clear(); }
  void Add(float value) {
    sorted_.insert(std::upper_bound(sorted_.begin(), sorted_.end(), value), value);
  }
  // `value` must have been added and not removed since.
  void Remove(float value) {
    sorted_.erase(std::lower_bound(sorted_.begin(), sorted_.end(), value));
  }
  // The upper median; 0 when the window is empty.
  float Median() const { return sorted_.empty() ? 0.0f : sorted_[sorted_.size() / 2]; }

 private:
  std::vector<float> sorted_;
};

}  // namespace ytl
