// Reads one interval tier of a Praat TextGrid (short or long text format).
#pragma once

#include <string>
#include <vector>

#include "core/status.h"

namespace ytl {

struct TextGridInterval {
  double start_s = 0;
  double end_s = 0;
  std::string text;
};

// The non-empty intervals of tier `tier_name`, in time order.
Result<std::vector<TextGridInterval>> ReadTextGridTier(const std::string& path,
                                                       const std::string& tier_name);

}  // namespace ytl
