#include "pipeline/stage_codec.h"

#include <cstdint>
#include <cstring>
#include <nlohmann/json.hpp>

namespace ytl {
namespace {

constexpr char kAudioMagic[4] = {'Y', 'T', 'L', 'A'};

struct AudioHeader {
  char magic[4];
  std::uint32_t sample_rate_hz;
  std::uint32_t channels;
  std::uint64_t frames;
};

}  // namespace

std::string EncodeAudio(const AudioBuffer& audio) {
  AudioHeader header{};
  std::memcpy(header.magic, kAudioMagic, 4);
  header.sample_rate_hz = static_cast<std::uint32_t>(audio.sample_rate_hz);
  header.channels = static_cast<std::uint32_t>(audio.channels.size());
  header.frames = audio.frames();
  std::string bytes(reinterpret_cast<const char*>(&header), sizeof(header));
  for (const auto& channel : audio.channels) {
    bytes.append(reinterpret_cast<const char*>(channel.data()), channel.size() * sizeof(float));
  }
  return bytes;
}

Result<AudioBuffer> DecodeAudio(std::string_view bytes) {
  AudioHeader header{};
  if (bytes.size() < sizeof(header)) return Status::InvalidInput("cached audio is truncated");
  std::memcpy(&header, bytes.data(), sizeof(header));
  if (std::memcmp(header.magic, kAudioMagic, 4) != 0 || header.channels > 8) {
    return Status::InvalidInput("cached audio has a bad header");
  }
  const std::uint64_t samples = header.frames * header.channels;
  if (bytes.size() != sizeof(header) + samples * sizeof(float)) {
    return Status::InvalidInput("cached audio has the wrong size");
  }
  AudioBuffer audio;
  audio.sample_rate_hz = static_cast<int>(header.sample_rate_hz);
  audio.channels.resize(header.channels, std::vector<float>(header.frames));
  const char* data = bytes.data() + sizeof(header);
  for (auto& channel : audio.channels) {
    std::memcpy(channel.data(), data, header.frames * sizeof(float));
    data += header.frames * sizeof(float);
  }
  return audio;
}

std::string EncodeActivity(const VocalActivity& activity) {
  nlohmann::json regions = nlohmann::json::array();
  for (const auto& region : activity.regions) regions.push_back({region.start_s, region.end_s});
  return nlohmann::json{{"frame_s", activity.frame_s},
                        {"probability", activity.probability},
                        {"regions", regions},
                        {"onset", activity.onset}}
      .dump();
}

Result<VocalActivity> DecodeActivity(std::string_view bytes) {
  const nlohmann::json json = nlohmann::json::parse(bytes, nullptr, false);
  if (json.is_discarded() || !json.is_object()) {
    return Status::InvalidInput("cached vocal activity is not JSON");
  }
  try {
    VocalActivity activity;
    activity.frame_s = json.at("frame_s").get<double>();
    activity.probability = json.at("probability").get<std::vector<float>>();
    for (const auto& region : json.at("regions")) {
      activity.regions.push_back({region.at(0).get<double>(), region.at(1).get<double>()});
    }
    if (json.contains("onset")) activity.onset = json.at("onset").get<std::vector<float>>();
    return activity;
  } catch (const nlohmann::json::exception& e) {
    return Status::InvalidInput(std::string("cached vocal activity is malformed: ") + e.what());
  }
}

}  // namespace ytl
