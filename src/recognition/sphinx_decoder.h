// SphinxDecoder: a move-only owner of a PocketSphinx decoder and its
// configuration (ps_decoder_t and cmd_ln_t).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/status.h"

// Forward declarations (as in pocketsphinx.h and cmd_ln.h), so that users of
// this header need not see the PocketSphinx include paths.
typedef struct ps_decoder_s ps_decoder_t;
typedef struct cmd_ln_s cmd_ln_t;

namespace ytl {

class SphinxDecoder {
 public:
  // Parses `args` ({"-hmm", dir}, {"-lm", path}, ...) against ps_args() and
  // starts a decoder. Fails with InvalidInput on an unknown or malformed
  // argument and Unavailable when the models cannot be loaded.
  static Result<SphinxDecoder> Open(const std::vector<std::pair<std::string, std::string>>& args);

  SphinxDecoder(SphinxDecoder&& other) noexcept;
  SphinxDecoder& operator=(SphinxDecoder&& other) noexcept;
  SphinxDecoder(const SphinxDecoder&) = delete;
  SphinxDecoder& operator=(const SphinxDecoder&) = delete;
  ~SphinxDecoder();

  // Owned by this object; not thread-safe, so callers serialise its use.
  ps_decoder_t* get() const { return decoder_; }
  // Feature frames per second ("-frate", 100 by default): the unit of
  // ps_seg_frames.
  int frames_per_s() const;

 private:
  SphinxDecoder(cmd_ln_t* config, ps_decoder_t* decoder) : config_(config), decoder_(decoder) {}
  void Reset();

  cmd_ln_t* config_ = nullptr;
  ps_decoder_t* decoder_ = nullptr;
};

}  // namespace ytl
