// Alignment JSON: ParseAlignmentJson on arbitrary bytes; what it accepts must export to every
// format (as the job server does with stored results) and read back from its own JSON.
#include <cstdint>
#include <string_view>

#include "export/format.h"
#include "export/json_reader.h"
#include "export/json_writer.h"
#include "fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  const auto read =
      ytl::ParseAlignmentJson(std::string_view(reinterpret_cast<const char*>(bytes), size));
  if (!read.ok()) return 0;
  for (ytl::Format format : {ytl::Format::kLrc, ytl::Format::kElrc, ytl::Format::kSrt,
                             ytl::Format::kVtt, ytl::Format::kAss}) {
    (void)ytl::Export(*read, format);
  }
  const auto again = ytl::ParseAlignmentJson(ytl::WriteAlignmentJson(*read));
  FUZZ_CHECK(again.ok(), "written JSON does not read back: %s", again.status().ToString().c_str());
  FUZZ_CHECK(again->lines.size() == read->lines.size(), "%zu lines vs %zu", again->lines.size(),
             read->lines.size());
  FUZZ_CHECK(again->words.size() == read->words.size(), "%zu words vs %zu", again->words.size(),
             read->words.size());
  return 0;
}
