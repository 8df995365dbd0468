#include "store/job_id.h"

#include <random>

namespace ytl {

std::string NewJobId() {
  static constexpr char kHex[] = "0123456789abcdef";
  thread_local std::mt19937_64 engine = [] {
    std::random_device device;
    std::seed_seq seed{device(), device(), device(), device(),
                       device(), device(), device(), device()};
    return std::mt19937_64(seed);
  }();
  std::string id = "job_";
  for (int word = 0; word < 2; ++word) {
    std::uint64_t bits = engine();
    for (int i = 0; i < 16; ++i, bits >>= 4) id.push_back(kHex[bits & 15]);
  }
  return id;
}

}  // namespace ytl
