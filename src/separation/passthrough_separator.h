// PassthroughSeparator: no isolation, only the downmix to mono.
#pragma once

#include <string_view>

#include "separation/separator.h"

namespace ytl {

// Returns the mean of the channels. For songs that are already a cappella, or to measure what
// separation brings. Stateless and thread-safe.
class PassthroughSeparator : public Separator {
 public:
  Result<AudioBuffer> Separate(const AudioBuffer& mix, const StageContext& ctx) const override;
  std::string_view name() const override { return "none"; }
};

}  // namespace ytl
