// Decodes any audio or video file FFmpeg can read into in-memory audio.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "audio/audio_buffer.h"
#include "core/progress.h"
#include "core/status.h"

namespace ytl {

struct DecodeOptions {
  // Longest audio accepted, in seconds (the CLI flag --max-duration). Checked
  // against the container's declared duration before any sample buffer is
  // allocated (unless FFmpeg only guessed it from the bitrate), and against the
  // decoded length while decoding, which catches every other file.
  double max_duration_s = 3600;
  // Most samples DecodedAudio::original may hold (frames times the channels kept, at
  // most 2), so that a file claiming a huge sample rate cannot exhaust memory within
  // max_duration_s. Checked against the declared duration and sample rate before any
  // sample buffer is allocated, and while decoding. Default: an hour of 48 kHz stereo
  // (1.3 GiB of float samples).
  std::int64_t max_samples = std::int64_t{3600} * 48000 * 2;
  // Sample rate of DecodedAudio::mono16k, the copy the recognisers read.
  int recognition_sample_rate_hz = 16000;
  // DecodedAudio::original keeps the source's rate, halved (exactly 2:1, while decoding)
  // as long as it is above this; 0 keeps the source's rate. A separator that drops the top
  // of the spectrum asks for less (Separator::max_input_rate_hz): an hour of stereo at
  // 22.05 kHz takes 0.6 GiB instead of 1.3 GiB at 44.1 kHz.
  int max_original_rate_hz = 0;

  // InvalidInput naming the field and its valid range when a value is unusable.
  Status Validate() const;
};

struct DecodedAudio {
  // The file's audio at its own sample rate, planar float. Mono stays mono;
  // stereo stays stereo; more channels are downmixed to stereo.
  AudioBuffer original;
  // The same audio at DecodeOptions::recognition_sample_rate_hz, mono.
  AudioBuffer mono16k;
  // Container and stream metadata with lower-case keys ("title", "artist",
  // "album", ...). Stream values override container values of the same key.
  std::map<std::string, std::string> tags;
  // True when the file ended early or held undecodable packets: the audio is
  // what could be read. Callers may warn; the audio is still usable.
  bool truncated = false;
};

// Decodes the best audio stream of the file at `path` (mp3, m4a, opus, ogg,
// flac, wav, mp4, webm, ...; for a video file, its main audio track).
//
// Gapless: encoder delay and padding that the file declares (LAME/Xing tag,
// MP4 edit list, Opus pre-skip, FFmpeg skip-samples side data) are trimmed, so
// sample 0 is the first sample of the source that was encoded.
//
// Reports ctx.Report("decode", fraction) as the stream position advances and
// returns Cancelled soon after ctx.cancelled() becomes true.
// Errors, each naming `path`:
//   NotFound           the file does not exist
//   InvalidInput       a directory, an empty or unreadable file, a file FFmpeg
//                      cannot parse, no audio stream, no decodable samples
//   Unavailable        this FFmpeg build has no decoder for the audio codec
//   ResourceExhausted  longer than options.max_duration_s (flag --max-duration),
//                      or more samples than options.max_samples
//   Cancelled          ctx.cancelled() became true
// Never prints: FFmpeg's own logging is silenced process-wide.
// Thread-safe: concurrent calls share no state.
Result<DecodedAudio> DecodeFile(const std::string& path, const DecodeOptions& options,
                                const StageContext& ctx);

}  // namespace ytl
