// Every export writer on any alignment: arbitrary bytes as text (control characters, invalid
// UTF-8), times out of order, negative or huge. Writers must not crash, ASS \k durations must
// stay non-negative, and the JSON writer's output must read back when its times are valid.
#include <cstdint>

#include "export/ass_writer.h"
#include "export/format.h"
#include "export/json_reader.h"
#include "export/json_writer.h"
#include "fuzz/fuzz_alignment.h"
#include "fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  FuzzedDataProvider data(bytes, size);
  const ytl::SongInfo song{data.ConsumeRandomLengthString(32), data.ConsumeRandomLengthString(32),
                           data.ConsumeRandomLengthString(32)};
  const ytl::Alignment alignment = ytl::fuzz::ConsumeAnyAlignment(data);
  for (ytl::Format format :
       {ytl::Format::kLrc, ytl::Format::kElrc, ytl::Format::kSrt, ytl::Format::kVtt}) {
    (void)ytl::Export(alignment, format, song);
  }
  // Override codes are read in Dialogue text only (the header's title may hold anything): the
  // text must not break the section headers, and no \k duration may be negative.
  const std::string ass = ytl::WriteAss(alignment, song);
  const std::size_t events = ass.find("\n[Events]\n");
  FUZZ_CHECK(
      events != std::string::npos && ass.find("\n[Events]\n", events + 1) == std::string::npos,
      "the text broke the section headers:\n%s", ass.c_str());
  FUZZ_CHECK(ass.find("{\\k-", events) == std::string::npos, "negative \\k duration in:\n%s",
             ass.c_str() + events);
  const std::string json = ytl::WriteAlignmentJson(alignment);
  bool times_valid = alignment.duration_s >= 0;
  for (const auto& line : alignment.lines) times_valid &= line.start_s >= 0 && line.end_s >= 0;
  for (const auto& word : alignment.words) times_valid &= word.start_s >= 0 && word.end_s >= 0;
  if (times_valid) {  // the reader refuses negative times by contract
    const auto back = ytl::ParseAlignmentJson(json);
    FUZZ_CHECK(back.ok(), "%s", back.status().ToString().c_str());
  }
  return 0;
}
