// Chooses the vocal separator engine.
#pragma once

#include <memory>
#include <string_view>

#include "separation/dsp_separator.h"
#include "separation/separator.h"

namespace ytl {

enum class SeparatorKind {
  kNone,    // downmix only (PassthroughSeparator)
  kDsp,     // DspSeparator: centre, harmonic and predominant-voice masks
  kDemucs,  // neural separation; Unavailable unless built in
};

// Parses "none", "dsp" or "demucs" (the --separator flag); InvalidInput names the choices.
Result<SeparatorKind> ParseSeparatorKind(std::string_view name);

// Builds the separator of `kind`. `dsp_config` is validated and used only for kDsp.
Result<std::unique_ptr<Separator>> MakeSeparator(SeparatorKind kind,
                                                 const DspSeparatorConfig& dsp_config);

}  // namespace ytl
