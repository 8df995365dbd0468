#include "audio/decoder.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>

#include "audio/ffmpeg_handles.h"
#include "audio/ffmpeg_runtime.h"
#include "audio/resampler.h"
#include "audio/stream_decoder.h"

namespace ytl {
namespace {

constexpr char kFormatsHint[] = "give an mp3, m4a, opus, ogg, flac, wav, mp4 or webm file";
// How much shorter than its declared duration a decode may end before the
// file counts as truncated (decoders round the last frame).
constexpr double kTruncationToleranceS = 0.5;
// The most end padding an encoder adds: two AAC frames (HE-AAC uses 2048).
constexpr std::int64_t kMaxEndPaddingFrames = 4096;
// Highest sample rate accepted: the resampler's limit (resampler.cc).
constexpr int kMaxSampleRateHz = 768000;

Status CheckPath(const std::string& path) {
  if (path.empty()) {
    return Status::InvalidInput(std::string("no audio file given; ") + kFormatsHint);
  }
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (status.type() == std::filesystem::file_type::not_found) {
    return Status::NotFound(path + ": no such file; check the path");
  }
  if (ec) return Status::InvalidInput(path + ": cannot read it (" + ec.message() + ")");
  if (std::filesystem::is_directory(status)) {
    return Status::InvalidInput(path + ": is a directory, not an audio file");
  }
  if (std::filesystem::is_regular_file(status) && std::filesystem::file_size(path, ec) == 0 &&
      !ec) {
    return Status::InvalidInput(path + ": is an empty file (0 bytes); " + kFormatsHint);
  }
  return Status::Ok();
}

// Length of the UTF-8 sequence that `lead` starts, or 0 if it cannot start one.
int Utf8Length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

// True when the file starts like UTF-8 text without control bytes other than
// whitespace: the usual mistake of passing the lyrics instead of the song.
bool LooksLikeText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  unsigned char head[512];
  in.read(reinterpret_cast<char*>(head), sizeof(head));
  const auto count = static_cast<std::size_t>(in.gcount());
  if (count == 0) return false;
  for (std::size_t i = 0; i < count;) {
    const unsigned char byte = head[i];
    if (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r' && byte != '\f') return false;
    const int length = Utf8Length(byte);
    if (length == 0) return false;
    for (int k = 1; k < length && i + k < count; ++k) {
      if ((head[i + k] & 0xC0) != 0x80) return false;
    }
    i += static_cast<std::size_t>(length);
  }
  return true;
}

// The container format FFmpeg detects for the file, or "" when none fits: a
// confident match on content, or a weak one (a cut file) that agrees with the
// file name's extension.
std::string DetectedFormat(const std::string& path) {
  AVIOContext* raw = nullptr;
  if (avio_open(&raw, path.c_str(), AVIO_FLAG_READ) < 0) return "";
  ffmpeg::IoContextPtr io(raw);
  const AVInputFormat* format = nullptr;
  const int score = av_probe_input_buffer2(io.get(), &format, path.c_str(), nullptr, 0, 0);
  if (score <= 0 || format == nullptr) return "";
  const bool named_so =
      format->extensions != nullptr && av_match_ext(path.c_str(), format->extensions);
  return score > AVPROBE_SCORE_RETRY || named_so ? format->name : "";
}

Status OpenError(const std::string& path, int err) {
  if (err == AVERROR(ENOENT)) return Status::NotFound(path + ": no such file; check the path");
  if (err == AVERROR(EACCES) || err == AVERROR(EPERM)) {
    return Status::InvalidInput(path + ": cannot read it (" + ffmpeg::ErrorText(err) +
                                "); check its permissions");
  }
  const std::string detected = LooksLikeText(path) ? "" : DetectedFormat(path);
  if (!detected.empty()) {
    return Status::InvalidInput(path + ": FFmpeg cannot read it as " + detected + " (" +
                                ffmpeg::ErrorText(err) +
                                "); the file is truncated, damaged or not really " + detected +
                                ": download or export it again");
  }
  return Status::InvalidInput(path + ": not an audio or video file FFmpeg can read (" +
                              ffmpeg::ErrorText(err) + "); " + kFormatsHint);
}

Result<ffmpeg::FormatContextPtr> OpenContainer(const std::string& path) {
  AVFormatContext* raw = nullptr;
  int err = avformat_open_input(&raw, path.c_str(), nullptr, nullptr);
  if (err < 0) return OpenError(path, err);  // FFmpeg freed `raw`
  ffmpeg::FormatContextPtr format(raw);
  err = avformat_find_stream_info(format.get(), nullptr);
  if (err < 0) return OpenError(path, err);
  return format;
}

std::string NoAudioStreamMessage(const std::string& path, const AVFormatContext& format) {
  if (LooksLikeText(path)) {
    return path +
           ": not an audio or video file FFmpeg can read (it is text, which FFmpeg reads as " +
           format.iformat->name + "); " + kFormatsHint;
  }
  return path + ": has no audio stream (FFmpeg reads it as " + format.iformat->name + " with " +
         std::to_string(format.nb_streams) + " stream(s) and no audio); " + kFormatsHint;
}

// The best audio stream and an opened decoder for it.
struct AudioStream {
  AVStream* stream = nullptr;
  ffmpeg::CodecContextPtr codec;
};

Result<AudioStream> OpenBestAudioStream(const std::string& path, AVFormatContext* format) {
  const int index = av_find_best_stream(format, AVMEDIA_TYPE_AUDIO, -1, -1, nullptr, 0);
  if (index == AVERROR_STREAM_NOT_FOUND) {
    return Status::InvalidInput(NoAudioStreamMessage(path, *format));
  }
  if (index < 0) return OpenError(path, index);
  AudioStream audio;
  audio.stream = format->streams[index];
  const AVCodecID codec_id = audio.stream->codecpar->codec_id;
  const AVCodec* decoder = avcodec_find_decoder(codec_id);
  if (decoder == nullptr) {
    return Status::Unavailable(path + ": this FFmpeg build has no decoder for its audio codec (" +
                               avcodec_get_name(codec_id) + "); convert the file to mp3 or flac");
  }
  audio.codec.reset(avcodec_alloc_context3(decoder));
  if (!audio.codec) return Status::Internal(path + ": out of memory opening the audio decoder");
  int err = avcodec_parameters_to_context(audio.codec.get(), audio.stream->codecpar);
  audio.codec->pkt_timebase = audio.stream->time_base;
  if (err >= 0) err = avcodec_open2(audio.codec.get(), decoder, nullptr);
  if (err < 0) {
    return Status::InvalidInput(path + ": cannot open its " + decoder->name + " audio (" +
                                ffmpeg::ErrorText(err) + "); the file may be damaged");
  }
  return audio;
}

// The audio's length in seconds as the container states it, or a negative
// value when unknown.
double DeclaredDurationS(const AVFormatContext& format, const AVStream& stream) {
  if (stream.duration != AV_NOPTS_VALUE && stream.duration > 0) {
    return static_cast<double>(stream.duration) * av_q2d(stream.time_base);
  }
  if (format.duration != AV_NOPTS_VALUE && format.duration > 0) {
    return static_cast<double>(format.duration) / AV_TIME_BASE;
  }
  return -1;
}

void AddTags(const AVDictionary* dict, std::map<std::string, std::string>* tags) {
  const AVDictionaryEntry* entry = nullptr;
  while ((entry = av_dict_get(dict, "", entry, AV_DICT_IGNORE_SUFFIX)) != nullptr) {
    std::string key = entry->key;
    std::transform(key.begin(), key.end(), key.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    (*tags)[key] = entry->value;
  }
}

// Drops decoded frames past the stream's declared length, when that length is
// exact (stated in the stream header, as MP4 edit lists, WAV and FLAC do) and
// the excess is no more than encoder padding: libavcodec trims the encoder
// delay of AAC in MP4 but leaves its end padding.
void TrimEndPadding(const AVFormatContext& format, const AVStream& stream, AudioBuffer* audio) {
  if (format.duration_estimation_method != AVFMT_DURATION_FROM_STREAM ||
      stream.duration == AV_NOPTS_VALUE || stream.duration <= 0) {
    return;
  }
  const std::int64_t declared =
      av_rescale_q(stream.duration, stream.time_base, AVRational{1, audio->sample_rate_hz});
  const std::int64_t decoded = static_cast<std::int64_t>(audio->frames());
  if (declared < decoded && decoded - declared <= kMaxEndPaddingFrames) {
    for (auto& channel : audio->channels) channel.resize(static_cast<std::size_t>(declared));
  }
}

// Refuses, before any sample buffer is allocated, a stream whose sample rate no resampler
// takes or whose declared length holds more than options.max_samples samples.
Status CheckSampleBudget(const std::string& path, const DecodeOptions& options,
                         const AVFormatContext& format, const AVCodecContext& codec,
                         double declared_s) {
  const int rate_hz = codec.sample_rate;
  if (rate_hz > kMaxSampleRateHz) {
    return Status::InvalidInput(path + ": its audio claims a sample rate of " +
                                std::to_string(rate_hz) + " Hz, over " +
                                std::to_string(kMaxSampleRateHz) +
                                " Hz; the file is damaged or unusual, so convert it "
                                "(ffmpeg -i IN -ar 48000 OUT.flac)");
  }
  if (format.duration_estimation_method == AVFMT_DURATION_FROM_BITRATE || declared_s <= 0 ||
      rate_hz <= 0) {
    return Status::Ok();  // the decode loop counts the samples
  }
  const double samples = declared_s * rate_hz * std::clamp(codec.ch_layout.nb_channels, 1, 2);
  if (samples > static_cast<double>(options.max_samples)) {
    return ffmpeg::SampleLimitError(path, options.max_samples, samples);
  }
  return Status::Ok();
}

// Decodes the opened stream into `decoded->original`, marking it truncated
// when reads failed or it ends well before the declared duration.
Status DecodeStream(const std::string& path, const DecodeOptions& options, AVFormatContext* format,
                    AudioStream* audio, double declared_s, const StageContext& ctx,
                    DecodedAudio* decoded) {
  ffmpeg::StreamDecoder::Config config;
  config.path = path;
  config.max_duration_s = options.max_duration_s;
  config.declared_duration_s = declared_s;
  config.max_samples = options.max_samples;
  config.max_rate_hz = options.max_original_rate_hz;
  ffmpeg::StreamDecoder decoder(config, format, audio->stream, audio->codec.get(), ctx,
                                &decoded->original);
  YTL_RETURN_IF_ERROR(decoder.Run());
  TrimEndPadding(*format, *audio->stream, &decoded->original);
  const double decoded_s = decoded->original.duration_s();
  if (decoded->original.frames() == 0) {
    if (decoder.damaged()) {
      return Status::InvalidInput(path +
                                  ": no audio could be decoded; the file is truncated or "
                                  "damaged, so download or export it again");
    }
    return Status::InvalidInput(path + ": contains no audio samples; " + kFormatsHint);
  }
  decoded->truncated =
      decoder.damaged() || (format->duration_estimation_method != AVFMT_DURATION_FROM_BITRATE &&
                            declared_s > 0 && decoded_s < declared_s - kTruncationToleranceS);
  return Status::Ok();
}

}  // namespace

Status DecodeOptions::Validate() const {
  if (!(max_duration_s > 0) || !std::isfinite(max_duration_s)) {
    return Status::InvalidInput("max_duration_s (--max-duration) must be a positive number of " +
                                std::string("seconds, got ") + std::to_string(max_duration_s));
  }
  if (max_samples <= 0) {
    return Status::InvalidInput("max_samples must be a positive number of samples, got " +
                                std::to_string(max_samples));
  }
  if (recognition_sample_rate_hz < 8000 || recognition_sample_rate_hz > 48000) {
    return Status::InvalidInput("recognition_sample_rate_hz must be between 8000 and 48000, got " +
                                std::to_string(recognition_sample_rate_hz));
  }
  if (max_original_rate_hz != 0 && max_original_rate_hz < 8000) {
    return Status::InvalidInput(
        "max_original_rate_hz must be 0 (the source's rate) or at least "
        "8000, got " +
        std::to_string(max_original_rate_hz));
  }
  return Status::Ok();
}

Result<DecodedAudio> DecodeFile(const std::string& path, const DecodeOptions& options,
                                const StageContext& ctx) {
  YTL_RETURN_IF_ERROR(options.Validate());
  YTL_RETURN_IF_ERROR(CheckPath(path));
  ffmpeg::SilenceLogging();
  ctx.Report("decode", 0.0);
  auto format = OpenContainer(path);
  if (!format.ok()) return format.status();
  auto audio = OpenBestAudioStream(path, format->get());
  if (!audio.ok()) return audio.status();

  const double declared_s = DeclaredDurationS(**format, *audio->stream);
  // A bitrate estimate can be far off for VBR files: only the decode loop's
  // exact count refuses those.
  if ((*format)->duration_estimation_method != AVFMT_DURATION_FROM_BITRATE &&
      declared_s > options.max_duration_s) {
    return ffmpeg::DurationLimitError(path, options.max_duration_s, declared_s);
  }
  YTL_RETURN_IF_ERROR(CheckSampleBudget(path, options, **format, *audio->codec, declared_s));
  DecodedAudio decoded;
  AddTags((*format)->metadata, &decoded.tags);
  AddTags(audio->stream->metadata, &decoded.tags);
  YTL_RETURN_IF_ERROR(
      DecodeStream(path, options, format->get(), &audio.value(), declared_s, ctx, &decoded));

  if (ctx.cancelled()) return Status::Cancelled(path + ": decoding cancelled");
  auto mono = Resample(decoded.original, options.recognition_sample_rate_hz, 1);
  if (!mono.ok()) return mono.status();
  decoded.mono16k = std::move(mono.value());
  ctx.Report("decode", 1.0);
  return decoded;
}

}  // namespace ytl
