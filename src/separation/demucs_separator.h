// Demucs neural separation. This build has no Demucs engine: see demucs_separator_stub.cc.
#pragma once

#include <memory>

#include "separation/separator.h"

namespace ytl {

// Returns the Demucs separator, or Unavailable when this binary was built without it.
Result<std::unique_ptr<Separator>> MakeDemucsSeparator();

}  // namespace ytl
