// Reads how long a song is from its container headers, without decoding it: the cheap check a
// server makes before queuing a job (the decoder checks the exact length again while decoding).
#pragma once

#include <string>

#include "core/status.h"

namespace ytl {

struct DurationProbe {
  double duration_s = -1;     // the length the container declares; < 0 when it declares none
  bool from_bitrate = false;  // FFmpeg guessed the length from the bitrate (VBR files: rough)
};

// Opens `path` with FFmpeg and reads the declared length of its best audio stream (else of the
// container). InvalidInput naming `path` when FFmpeg cannot read it or it has no audio stream.
// Thread-safe; never prints.
Result<DurationProbe> ProbeDuration(const std::string& path);

}  // namespace ytl
