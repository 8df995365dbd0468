#include "separation/separator_factory.h"

#include <string>

#include "separation/demucs_separator.h"
#include "separation/passthrough_separator.h"

namespace ytl {

Result<SeparatorKind> ParseSeparatorKind(std::string_view name) {
  if (name == "none") return SeparatorKind::kNone;
  if (name == "dsp") return SeparatorKind::kDsp;
  if (name == "demucs") return SeparatorKind::kDemucs;
  return Status::InvalidInput("unknown separator '" + std::string(name) +
                              "'; choose one of none, dsp, demucs");
}

Result<std::unique_ptr<Separator>> MakeSeparator(SeparatorKind kind,
                                                 const DspSeparatorConfig& dsp_config) {
  switch (kind) {
    case SeparatorKind::kNone:
      return std::unique_ptr<Separator>(std::make_unique<PassthroughSeparator>());
    case SeparatorKind::kDsp: {
      YTL_RETURN_IF_ERROR(dsp_config.Validate());
      return std::unique_ptr<Separator>(std::make_unique<DspSeparator>(dsp_config));
    }
    case SeparatorKind::kDemucs:
      return MakeDemucsSeparator();
  }
  return Status::Internal("unhandled SeparatorKind " + std::to_string(static_cast<int>(kind)));
}

}  // namespace ytl
