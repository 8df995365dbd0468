#include "recognition/sphinx_decoder.h"

#include <pocketsphinx.h>

namespace ytl {

Result<SphinxDecoder> SphinxDecoder::Open(
    const std::vector<std::pair<std::string, std::string>>& args) {
  std::vector<char*> argv;
  for (const auto& [flag, value] : args) {
    argv.push_back(const_cast<char*>(flag.c_str()));
    argv.push_back(const_cast<char*>(value.c_str()));
  }
  cmd_ln_t* config = cmd_ln_parse_r(nullptr, ps_args(), static_cast<int32>(argv.size()),
                                    argv.data(), /*strict=*/TRUE);
  if (config == nullptr) {
    std::string flags;
    for (const auto& [flag, value] : args) flags += " " + flag + " " + value;
    return Status::InvalidInput("PocketSphinx rejected the decoder arguments:" + flags +
                                "; check the flag names against pocketsphinx 5prealpha");
  }
  ps_decoder_t* decoder = ps_init(config);
  if (decoder == nullptr) {
    cmd_ln_free_r(config);
    return Status::Unavailable(
        "PocketSphinx could not load its models (-hmm, -lm, -dict); install pocketsphinx-en-us "
        "or point the config at a complete model");
  }
  return SphinxDecoder(config, decoder);
}

SphinxDecoder::SphinxDecoder(SphinxDecoder&& other) noexcept
    : config_(std::exchange(other.config_, nullptr)),
      decoder_(std::exchange(other.decoder_, nullptr)) {}

SphinxDecoder& SphinxDecoder::operator=(SphinxDecoder&& other) noexcept {
  if (this != &other) {
    Reset();
    config_ = std::exchange(other.config_, nullptr);
    decoder_ = std::exchange(other.decoder_, nullptr);
  }
  return *this;
}

SphinxDecoder::~SphinxDecoder() { Reset(); }

void SphinxDecoder::Reset() {
  if (decoder_ != nullptr) ps_free(decoder_);
  if (config_ != nullptr) cmd_ln_free_r(config_);
  decoder_ = nullptr;
  config_ = nullptr;
}

int SphinxDecoder::frames_per_s() const { return cmd_ln_int32_r(config_, "-frate"); }

}  // namespace ytl
