// Writes the exported formats to a folder or to stdout.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "alignment/alignment.h"
#include "core/status.h"
#include "export/format.h"

namespace ytl::cli {

// Writes `alignment` in every format of `formats`: into `output` as
// `<stem>.<extension>` (each file written whole to a temporary name, then
// renamed, so that an interruption never leaves half a file), or to stdout
// when `output` is "-" (then only one format is allowed). Returns the paths
// written.
Result<std::vector<std::string>> WriteOutputs(const Alignment& alignment,
                                              const std::vector<Format>& formats,
                                              const std::string& output, const std::string& stem);

// Writes `content` to `path` whole: into `path`.partial, then renamed over `path`, so that an
// interruption never leaves half a file.
Status WriteFileAtomically(const std::filesystem::path& path, const std::string& content);

// An output file stem for a source: the file's stem, or the last meaningful
// part of a URL ("dQw4w9WgXcQ" for a YouTube watch URL), made file-name safe.
std::string OutputStemFor(const std::string& source);

}  // namespace ytl::cli
