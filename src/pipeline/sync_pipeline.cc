#include "pipeline/sync_pipeline.h"

#include <chrono>
#include <cmath>
#include <utility>

#include "audio/resampler.h"

namespace ytl {
namespace {

// More words per second of audio than anyone sings: the lyrics are not for
// this audio (or the audio is cut short).
constexpr double kMaxWordsPerSecond = 8.0;

// Measures one stage's wall time into `timings`.
class StageTimer {
 public:
  StageTimer(std::map<std::string, double>& timings, std::string stage)
      : timings_(timings), stage_(std::move(stage)), start_(std::chrono::steady_clock::now()) {}
  ~StageTimer() {
    timings_[stage_] +=
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  std::map<std::string, double>& timings_;
  std::string stage_;
  std::chrono::steady_clock::time_point start_;
};

VocalActivity WholeSongIsSung(const AudioBuffer& audio) {
  VocalActivity activity;
  const auto frames = static_cast<std::size_t>(std::ceil(audio.duration_s() / activity.frame_s));
  activity.probability.assign(frames, 1.0f);
  activity.regions.push_back({0.0, audio.duration_s()});
  return activity;
}

Status CheckLyricsFitAudio(const LyricSheet& sheet, double duration_s, const std::string& name) {
  const double words = static_cast<double>(sheet.word_count());
  if (words > kMaxWordsPerSecond * std::max(duration_s, 1.0)) {
    return Status::InvalidInput(name + " has " + std::to_string(sheet.word_count()) +
                                " words, far more than can be sung in " +
                                std::to_string(static_cast<int>(duration_s)) +
                                " s of audio; check that the lyrics belong to this song");
  }
  return Status::Ok();
}

}  // namespace

Status PipelineConfig::Validate() const {
  YTL_RETURN_IF_ERROR(decode.Validate());
  YTL_RETURN_IF_ERROR(lyrics.Validate());
  if (yt_dlp_timeout_s <= 0) {
    return Status::InvalidInput("yt_dlp_timeout_s must be positive; set a time limit in seconds");
  }
  if (work_dir.empty()) return Status::InvalidInput("work_dir is empty; give a scratch folder");
  return Status::Ok();
}

SyncPipeline::SyncPipeline(PipelineConfig config, SyncEngines engines)
    : config_(std::move(config)), engines_(engines) {}

Result<Alignment> SyncPipeline::Run(const SyncRequest& request, const StageContext& ctx) const {
  std::map<std::string, double> timings;
  std::optional<LyricSheet> sheet;
  if (request.lyrics_text) {
    StageTimer timer(timings, "lyrics");
    ParseOptions options = config_.lyrics;
    options.language = request.language;
    auto parsed = ParseLyricSheet(*request.lyrics_text, request.lyrics_name, options);
    if (!parsed.ok()) return parsed.status();
    sheet = std::move(parsed).value();
  } else if (engines_.recognizer == nullptr) {
    return Status::InvalidInput("no lyrics given and no recognizer configured; pass --lyrics FILE");
  }

  ResolvedSource source;
  {
    StageTimer timer(timings, "download");
    SourceRequest source_request;
    source_request.source = request.source;
    source_request.yt_dlp_path = config_.yt_dlp_path;
    source_request.yt_dlp_timeout_s = config_.yt_dlp_timeout_s;
    source_request.work_dir = config_.work_dir;
    auto resolved = ResolveSource(source_request, *engines_.process_runner, ctx);
    if (!resolved.ok()) return resolved.status();
    source = std::move(resolved).value();
  }
  if (ctx.cancelled()) return Status::Cancelled("stopped before decoding");

  DecodedAudio decoded;
  {
    StageTimer timer(timings, "decode");
    auto result = DecodeFile(source.audio_path, config_.decode, ctx);
    if (!result.ok()) {
      if (!source.is_url) return result.status();
      return Status(result.status().code() == Status::Code::kInvalidInput
                        ? Status::InvalidInput("audio downloaded from " + request.source + ": " +
                                               result.status().message())
                        : result.status());
    }
    decoded = std::move(result).value();
  }
  if (sheet) {
    YTL_RETURN_IF_ERROR(
        CheckLyricsFitAudio(*sheet, decoded.mono16k.duration_s(), request.lyrics_name));
  }
  if (ctx.cancelled()) return Status::Cancelled("stopped before separating vocals");

  AudioBuffer vocals;
  {
    StageTimer timer(timings, "separate");
    if (config_.separate_vocals) {
      // Peak memory matters on long songs: each buffer is released as soon as
      // the next one no longer needs it.
      decoded.mono16k = AudioBuffer();
      auto separated = engines_.separator->Separate(decoded.original, ctx);
      if (!separated.ok()) return separated.status();
      decoded.original = AudioBuffer();
      AudioBuffer separated_vocals = std::move(separated).value();
      auto resampled = Resample(separated_vocals, 16000, 1);
      if (!resampled.ok()) return resampled.status();
      vocals = std::move(resampled).value();
    } else {
      decoded.original = AudioBuffer();
      vocals = std::move(decoded.mono16k);
    }
  }
  if (ctx.cancelled()) return Status::Cancelled("stopped before finding the sung regions");

  VocalActivity activity;
  {
    StageTimer timer(timings, "vad");
    if (config_.use_vocal_activity) {
      auto detected = engines_.voice_activity->Detect(vocals, ctx);
      if (!detected.ok()) return detected.status();
      activity = std::move(detected).value();
    } else {
      activity = WholeSongIsSung(vocals);
    }
  }
  if (ctx.cancelled()) return Status::Cancelled("stopped before aligning");

  Result<Alignment> alignment = Status::Internal("no alignment stage ran");
  if (sheet) {
    StageTimer timer(timings, "align");
    alignment = engines_.aligner->Align(vocals, activity, *sheet, ctx);
  } else {
    StageTimer timer(timings, "recognize");
    alignment = engines_.recognizer->Transcribe(vocals, activity, ctx);
  }
  if (!alignment.ok()) return alignment.status();
  alignment->source = request.source;
  alignment->duration_s = vocals.duration_s();
  alignment->language = request.language;
  alignment->mode = sheet ? SyncMode::kAligned : SyncMode::kTranscribed;
  alignment->timings_s = std::move(timings);
  return alignment;
}

}  // namespace ytl
