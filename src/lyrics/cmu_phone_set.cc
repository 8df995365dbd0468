#include "lyrics/cmu_phone_set.h"

#include <algorithm>

namespace ytl {

int CmuPhoneIndex(std::string_view phone) {
  const auto it = std::lower_bound(kCmuPhones.begin(), kCmuPhones.end(), phone);
  if (it == kCmuPhones.end() || *it != phone) return -1;
  return static_cast<int>(it - kCmuPhones.begin());
}

}  // namespace ytl
