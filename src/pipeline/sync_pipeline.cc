#include "pipeline/sync_pipeline.h"

#include <chrono>
#include <cmath>
#include <utility>

#include "audio/resampler.h"
#include "core/content_hash.h"
#include "export/json_reader.h"
#include "export/json_writer.h"
#include "pipeline/online_lyrics.h"
#include "pipeline/stage_codec.h"
#include "pipeline/stage_deadline.h"

namespace ytl {
namespace {

// More words per second of audio than anyone sings: the lyrics are not for
// this audio (or the audio is cut short).
constexpr double kMaxWordsPerSecond = 8.0;

// Bump when a stage's output format or meaning changes, so old cache entries
// are never read.
constexpr const char* kCacheVersion = "1";
constexpr int kRecognitionRateHz = 16000;

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
  if (!(stage_time_limit_s >= 0) || !std::isfinite(stage_time_limit_s)) {
    return Status::InvalidInput(
        "stage_time_limit_s must be 0 (no limit) or a positive number of seconds, got " +
        std::to_string(stage_time_limit_s));
  }
  if (work_dir.empty()) return Status::InvalidInput("work_dir is empty; give a scratch folder");
  return Status::Ok();
}

SyncPipeline::SyncPipeline(PipelineConfig config, SyncEngines engines)
    : config_(std::move(config)), engines_(engines) {}

std::optional<std::string> SyncPipeline::CacheLoad(const std::string& key) const {
  if (engines_.cache == nullptr) return std::nullopt;
  auto loaded = engines_.cache->Load(key);
  return loaded.ok() ? *loaded : std::nullopt;
}

void SyncPipeline::CacheStore(const std::string& key, std::string_view bytes) const {
  if (engines_.cache != nullptr) (void)engines_.cache->Store(key, bytes);
}

Result<AudioBuffer> SyncPipeline::IsolatedVocals(const ResolvedSource& source,
                                                 const std::string& key, Timings& timings,
                                                 const StageContext& ctx) const {
  if (auto cached = CacheLoad(key)) {
    auto vocals = DecodeAudio(*cached);
    if (vocals.ok()) {
      ctx.Report("separate", 1.0);
      return vocals;
    }
  }
  DecodedAudio decoded;
  {
    StageTimer timer(timings, "decode");
    StageDeadline deadline("decode", config_.stage_time_limit_s, ctx);
    DecodeOptions options = config_.decode;
    if (config_.separate_vocals)
      options.max_original_rate_hz = engines_.separator->max_input_rate_hz();
    auto result = DecodeFile(source.audio_path, options, deadline.context());
    if (!result.ok()) {
      const Status status = deadline.Explain(result.status());
      if (!source.is_url || status.code() != Status::Code::kInvalidInput) return status;
      return Status::InvalidInput("the audio yt-dlp downloaded: " + status.message());
    }
    decoded = std::move(result).value();
  }
  if (ctx.cancelled()) return Status::Cancelled("stopped before separating vocals");
  AudioBuffer vocals;
  {
    StageTimer timer(timings, "separate");
    StageDeadline deadline("separate", config_.stage_time_limit_s, ctx);
    if (config_.separate_vocals) {
      // Peak memory matters on long songs: each buffer is released as soon as
      // the next one no longer needs it.
      decoded.mono16k = AudioBuffer();
      auto separated = engines_.separator->Separate(decoded.original, deadline.context());
      if (!separated.ok()) return deadline.Explain(separated.status());
      decoded.original = AudioBuffer();
      AudioBuffer separated_vocals = std::move(separated).value();
      auto resampled = Resample(separated_vocals, kRecognitionRateHz, 1);
      if (!resampled.ok()) return resampled.status();
      vocals = std::move(resampled).value();
    } else {
      decoded.original = AudioBuffer();
      vocals = std::move(decoded.mono16k);
    }
  }
  CacheStore(key, EncodeAudio(vocals));
  return vocals;
}

Result<VocalActivity> SyncPipeline::SungRegions(const AudioBuffer& vocals, const std::string& key,
                                                Timings& timings, const StageContext& ctx) const {
  if (!config_.use_vocal_activity) return WholeSongIsSung(vocals);
  if (auto cached = CacheLoad(key)) {
    auto activity = DecodeActivity(*cached);
    if (activity.ok()) return activity;
  }
  StageTimer timer(timings, "vad");
  StageDeadline deadline("vad", config_.stage_time_limit_s, ctx);
  auto detected = engines_.voice_activity->Detect(vocals, deadline.context());
  if (!detected.ok()) return deadline.Explain(detected.status());
  CacheStore(key, EncodeActivity(*detected));
  return detected;
}

Result<Alignment> SyncPipeline::Realigned(const Alignment& transcript, const AudioBuffer& vocals,
                                          const VocalActivity& activity,
                                          const std::string& language, Timings& timings,
                                          const StageContext& ctx) const {
  std::string text;
  for (const TimedLine& line : transcript.lines) text += line.text + "\n";
  ParseOptions options = config_.lyrics;
  // "auto": the language the recognizer detected.
  options.language = language == "auto" ? transcript.language : language;
  auto sheet = ParseLyricSheet(text, "the transcript", options);
  if (!sheet.ok()) return sheet.status();
  // One sheet line per transcribed line unless the parser dropped or split
  // some; the hints only hold when they still match.
  if (sheet->lines.size() == transcript.lines.size()) {
    for (std::size_t i = 0; i < sheet->lines.size(); ++i) {
      sheet->lines[i].start_hint_s = transcript.lines[i].start_s;
    }
  }
  StageTimer timer(timings, "align");
  StageDeadline deadline("align", config_.stage_time_limit_s, ctx);
  auto aligned = engines_.aligner->Align(vocals, activity, *sheet, deadline.context());
  if (!aligned.ok()) return deadline.Explain(aligned.status());
  return aligned;
}

Result<Alignment> SyncPipeline::Words(const AudioBuffer& vocals, const VocalActivity& activity,
                                      const std::optional<LyricSheet>& sheet,
                                      const std::string& language, const std::string& key,
                                      Timings& timings, const StageContext& ctx) const {
  if (auto cached = CacheLoad(key)) {
    auto alignment = ParseAlignmentJson(*cached);
    if (alignment.ok()) return alignment;
  }
  Result<Alignment> alignment = Status::Internal("no alignment stage ran");
  if (sheet) {
    StageTimer timer(timings, "align");
    StageDeadline deadline("align", config_.stage_time_limit_s, ctx);
    alignment = engines_.aligner->Align(vocals, activity, *sheet, deadline.context());
    if (!alignment.ok()) return deadline.Explain(alignment.status());
  } else {
    StageTimer timer(timings, "recognize");
    StageDeadline deadline("recognize", config_.stage_time_limit_s, ctx);
    alignment = engines_.recognizer->Transcribe(vocals, activity, deadline.context());
    if (!alignment.ok()) return deadline.Explain(alignment.status());
  }
  if (!sheet && RealignsTranscripts() && !alignment->words.empty()) {
    auto realigned = Realigned(*alignment, vocals, activity, language, timings, ctx);
    if (realigned.ok()) {
      alignment = std::move(realigned);
    } else if (realigned.status().code() == Status::Code::kCancelled) {
      return realigned.status();
    }
  }
  if (alignment.ok()) CacheStore(key, WriteAlignmentJson(*alignment));
  return alignment;
}

Result<Alignment> SyncPipeline::Run(const SyncRequest& request, const StageContext& ctx) const {
  Timings timings;
  std::optional<LyricSheet> sheet;
  if (request.lyrics_text) {
    StageTimer timer(timings, "lyrics");
    ParseOptions options = config_.lyrics;
    options.language = request.language;
    auto parsed = ParseLyricSheet(*request.lyrics_text, request.lyrics_name, options);
    if (!parsed.ok()) return parsed.status();
    sheet = std::move(parsed).value();
  } else if (engines_.recognizer == nullptr && engines_.lyrics_lookup == nullptr) {
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

  std::string lyrics_text = request.lyrics_text.value_or("");
  std::string lyrics_source = sheet ? "user" : "transcribed";
  if (!sheet && engines_.lyrics_lookup != nullptr && engines_.aligner != nullptr) {
    StageTimer timer(timings, "lyrics");
    ParseOptions options = config_.lyrics;
    options.language = request.language;
    auto online =
        FindOnlineLyrics(*engines_.lyrics_lookup, SongMetadataOf(source, request.song_hint),
                         options, ctx, request.notes);
    if (!online.ok()) return online.status();
    if (online->has_value() && !(*online)->sheet) {
      Alignment instrumental;
      instrumental.source = request.source;
      instrumental.duration_s = (*online)->song.duration_s;
      instrumental.language = request.language;
      instrumental.lyrics_source = "lrclib";
      instrumental.timings_s = timings;
      return instrumental;
    }
    if (online->has_value()) {
      sheet = std::move((*online)->sheet);
      lyrics_text = (*online)->text;
      lyrics_source = "lrclib";
    }
  }
  if (!sheet && engines_.recognizer == nullptr) {
    return Status::NotFound(
        "no lyrics given, none found online and no recognizer configured; pass --lyrics FILE");
  }

  std::string audio_hash = "uncached";
  if (engines_.cache != nullptr) {
    auto hash = Sha256OfFile(source.audio_path);
    if (!hash.ok()) return hash.status();
    audio_hash = *hash;
  }
  const std::string separator =
      config_.separate_vocals ? engines_.separator->Fingerprint() : std::string("none");
  const std::string vocals_key = std::string("v") + kCacheVersion + "/vocals/" + audio_hash + "/" +
                                 separator + "/" + std::to_string(kRecognitionRateHz);
  auto vocals = IsolatedVocals(source, vocals_key, timings, ctx);
  if (!vocals.ok()) return vocals.status();
  if (sheet) {
    YTL_RETURN_IF_ERROR(CheckLyricsFitAudio(
        *sheet, vocals->duration_s(),
        lyrics_source == "user" ? request.lyrics_name : std::string("the lyrics found online")));
  }
  if (ctx.cancelled()) return Status::Cancelled("stopped before finding the sung regions");

  const std::string activity_key = vocals_key + "/vad/" + engines_.voice_activity->Fingerprint();
  auto activity = SungRegions(*vocals, activity_key, timings, ctx);
  if (!activity.ok()) return activity.status();
  if (ctx.cancelled()) return Status::Cancelled("stopped before aligning");

  const std::string words_key =
      activity_key + (config_.use_vocal_activity ? "" : "/whole-song") +
      (sheet ? "/align/" + engines_.aligner->Fingerprint() + "/" +
                   Sha256Hex(request.language + "\n" + lyrics_text)
             : "/recognize/" + std::string(engines_.recognizer->name()) +
                   (RealignsTranscripts()
                        ? "/realign/" + engines_.aligner->Fingerprint() + "/" + request.language
                        : std::string()));
  auto alignment = Words(*vocals, *activity, sheet, request.language, words_key, timings, ctx);
  if (!alignment.ok()) return alignment.status();
  alignment->source = request.source;
  alignment->duration_s = vocals->duration_s();
  alignment->language = request.language;
  alignment->mode = sheet ? SyncMode::kAligned : SyncMode::kTranscribed;
  alignment->lyrics_source = lyrics_source;
  alignment->timings_s = std::move(timings);
  return alignment;
}

}  // namespace ytl
