// Built when no Demucs engine is compiled in: says so instead of separating.
#include "separation/demucs_separator.h"

namespace ytl {

Result<std::unique_ptr<Separator>> MakeDemucsSeparator() {
  return Status::Unavailable(
      "Demucs separation is not built into this binary; use --separator dsp or none");
}

}  // namespace ytl
