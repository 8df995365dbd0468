#include "separation/testing/cli_audio.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <vector>

namespace ytl::testing {

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "ytl_test_XXXXXX").string();
  std::vector<char> buffer(pattern.begin(), pattern.end());
  buffer.push_back('\0');
  const char* made = mkdtemp(buffer.data());
  path_ = made != nullptr ? made : pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

Status RunCommand(const std::string& command) {
  const int rc = std::system(command.c_str());
  if (rc != 0) {
    return Status::Unavailable("command failed (status " + std::to_string(rc) + "): " + command);
  }
  return Status::Ok();
}

Result<AudioBuffer> ReadRawFloat(const std::string& path, int sample_rate_hz, int channels) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot open raw audio " + path);
  std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::size_t frames = bytes.size() / (sizeof(float) * channels);
  AudioBuffer audio;
  audio.sample_rate_hz = sample_rate_hz;
  audio.channels.assign(channels, std::vector<float>(frames));
  const float* samples = reinterpret_cast<const float*>(bytes.data());
  for (std::size_t i = 0; i < frames; ++i) {
    for (int c = 0; c < channels; ++c) audio.channels[c][i] = samples[i * channels + c];
  }
  return audio;
}

Status WriteRawFloat(const std::string& path, const AudioBuffer& audio) {
  std::ofstream out(path, std::ios::binary);
  if (!out) return Status::Unavailable("cannot write raw audio " + path);
  for (std::size_t i = 0; i < audio.frames(); ++i) {
    for (const std::vector<float>& channel : audio.channels) {
      out.write(reinterpret_cast<const char*>(&channel[i]), sizeof(float));
    }
  }
  return out ? Status::Ok() : Status::Unavailable("short write to " + path);
}

Result<AudioBuffer> DecodeWithFfmpeg(const std::string& path, int sample_rate_hz, int channels,
                                     const std::string& scratch_dir) {
  const std::string raw = scratch_dir + "/decoded.f32";
  YTL_RETURN_IF_ERROR(RunCommand("ffmpeg -v error -y -i '" + path + "' -f f32le -ac " +
                                 std::to_string(channels) + " -ar " +
                                 std::to_string(sample_rate_hz) + " '" + raw + "'"));
  Result<AudioBuffer> audio = ReadRawFloat(raw, sample_rate_hz, channels);
  std::filesystem::remove(raw);
  return audio;
}

Result<AudioBuffer> ResampleWithSox(const AudioBuffer& audio, int sample_rate_hz,
                                    const std::string& scratch_dir) {
  const std::string in = scratch_dir + "/resample_in.f32";
  const std::string out = scratch_dir + "/resample_out.f32";
  YTL_RETURN_IF_ERROR(WriteRawFloat(in, audio));
  const std::string raw_format = " -t raw -e floating-point -b 32 -c 1 -r ";
  YTL_RETURN_IF_ERROR(RunCommand("sox" + raw_format + std::to_string(audio.sample_rate_hz) + " '" +
                                 in + "'" + raw_format + std::to_string(sample_rate_hz) + " '" +
                                 out + "'"));
  Result<AudioBuffer> resampled = ReadRawFloat(out, sample_rate_hz, 1);
  std::filesystem::remove(in);
  std::filesystem::remove(out);
  return resampled;
}

}  // namespace ytl::testing
