// The whisper.cpp recognizer, built with -DYT_LYRICS_WITH_WHISPER=ON.
#include "recognition/whisper_recognizer.h"

#include <whisper.h>

#include <algorithm>
#include <filesystem>
#include <mutex>

#include "recognition/transcript_lines.h"
#include "recognition/whisper_words.h"

namespace ytl {
namespace {

constexpr int kSampleRateHz = 16000;
constexpr double kRegionPaddingS = 0.2;  // context either side of a sung region
constexpr double kMinRegionS = 0.3;      // shorter regions hold no word worth decoding

struct WhisperContextDeleter {
  void operator()(whisper_context* ctx) const { whisper_free(ctx); }
};
using WhisperContextPtr = std::unique_ptr<whisper_context, WhisperContextDeleter>;

void SilenceWhisperLog(ggml_log_level, const char*, void*) {}

class WhisperRecognizer : public Recognizer {
 public:
  WhisperRecognizer(WhisperContextPtr ctx, WhisperRecognizerConfig config)
      : ctx_(std::move(ctx)), config_(std::move(config)) {}

  Result<Alignment> Transcribe(const AudioBuffer& vocals16k, const VocalActivity& activity,
                               const StageContext& ctx) const override;
  std::string_view name() const override { return "whisper.cpp"; }

 private:
  // Decodes samples [begin, end) and appends one line per kept segment.
  Status DecodeRegion(const std::vector<float>& samples, std::size_t begin, std::size_t end,
                      const StageContext& ctx, Alignment* alignment) const;
  whisper_full_params Params(const StageContext& ctx) const;

  mutable std::mutex mutex_;  // one whisper_full at a time on the shared context
  WhisperContextPtr ctx_;
  WhisperRecognizerConfig config_;
};

bool AbortWhenCancelled(void* user) { return static_cast<const StageContext*>(user)->cancelled(); }

whisper_full_params WhisperRecognizer::Params(const StageContext& ctx) const {
  whisper_full_params params = whisper_full_default_params(WHISPER_SAMPLING_BEAM_SEARCH);
  params.n_threads = config_.threads;
  params.language = config_.language.c_str();  // "auto": detect, then transcribe
  params.translate = false;
  params.no_context = true;        // earlier regions' text must not seed loops
  params.token_timestamps = true;  // per-token t0/t1 for word times
  params.suppress_nst = true;      // no "[Music]" / "♪" tokens
  params.vad = false;              // a speech VAD drops singing; our vocal activity chose regions
  params.temperature = 0.0f;
  params.temperature_inc = 0.2f;  // fall back to sampling when decoding is repetitive
  params.print_progress = false;
  params.print_realtime = false;
  params.print_timestamps = false;
  params.print_special = false;
  params.abort_callback = AbortWhenCancelled;
  params.abort_callback_user_data = const_cast<StageContext*>(&ctx);
  return params;
}

Status WhisperRecognizer::DecodeRegion(const std::vector<float>& samples, std::size_t begin,
                                       std::size_t end, const StageContext& ctx,
                                       Alignment* alignment) const {
  const whisper_full_params params = Params(ctx);
  if (whisper_full(ctx_.get(), params, samples.data() + begin, static_cast<int>(end - begin)) !=
      0) {
    if (ctx.cancelled()) return Status::Cancelled("transcription cancelled");
    return Status::Internal("whisper.cpp failed to transcribe the region at " +
                            std::to_string(static_cast<double>(begin) / kSampleRateHz) + " s");
  }
  const double offset_s = static_cast<double>(begin) / kSampleRateHz;
  const double clip_s = static_cast<double>(end - begin) / kSampleRateHz;
  const whisper_token eot = whisper_token_eot(ctx_.get());
  std::string previous_text;
  for (int segment = 0; segment < whisper_full_n_segments(ctx_.get()); ++segment) {
    const std::string text = whisper_full_get_segment_text(ctx_.get(), segment);
    if (IsLikelyHallucination(text, previous_text)) continue;
    previous_text = text;
    std::vector<WhisperToken> tokens;
    for (int i = 0; i < whisper_full_n_tokens(ctx_.get(), segment); ++i) {
      const whisper_token_data data = whisper_full_get_token_data(ctx_.get(), segment, i);
      tokens.push_back({whisper_full_get_token_text(ctx_.get(), segment, i), data.t0, data.t1,
                        data.p, data.id >= eot});
    }
    std::vector<TimedWord> words = MergeTokensIntoWords(tokens, offset_s, clip_s);
    if (!words.empty()) AppendTranscribedLine(std::move(words), alignment);
  }
  return Status::Ok();
}

Result<Alignment> WhisperRecognizer::Transcribe(const AudioBuffer& vocals16k,
                                                const VocalActivity& activity,
                                                const StageContext& ctx) const {
  if (vocals16k.sample_rate_hz != kSampleRateHz || vocals16k.channels.size() != 1) {
    return Status::InvalidInput("whisper.cpp needs mono 16 kHz vocals; resample first");
  }
  const std::vector<float>& samples = vocals16k.channels[0];
  Alignment alignment;
  alignment.duration_s = vocals16k.duration_s();
  alignment.mode = SyncMode::kTranscribed;
  alignment.language = config_.language;
  std::lock_guard<std::mutex> lock(mutex_);
  ctx.Report("recognize", 0.0);
  for (std::size_t i = 0; i < activity.regions.size(); ++i) {
    if (ctx.cancelled()) return Status::Cancelled("transcription cancelled");
    const VoicedRegion& region = activity.regions[i];
    if (region.end_s - region.start_s < kMinRegionS) continue;
    const auto to_index = [&](double s) {
      return std::min(samples.size(), static_cast<std::size_t>(std::max(0.0, s) * kSampleRateHz));
    };
    const std::size_t begin = to_index(region.start_s - kRegionPaddingS);
    const std::size_t end = to_index(region.end_s + kRegionPaddingS);
    if (end > begin) YTL_RETURN_IF_ERROR(DecodeRegion(samples, begin, end, ctx, &alignment));
    ctx.Report("recognize", static_cast<double>(i + 1) / activity.regions.size());
  }
  if (config_.language == "auto") {
    const int id = whisper_full_lang_id(ctx_.get());
    if (id >= 0) alignment.language = whisper_lang_str(id);
  }
  return alignment;
}

}  // namespace

bool WhisperIsBuiltIn() { return true; }

Result<std::unique_ptr<Recognizer>> CreateWhisperRecognizer(const WhisperRecognizerConfig& config) {
  YTL_RETURN_IF_ERROR(config.Validate());
  std::error_code error;
  if (!std::filesystem::is_regular_file(config.model_path, error)) {
    return Status::NotFound("Whisper model " + config.model_path +
                            " does not exist; `yt-lyrics models pull base.en` downloads one");
  }
  whisper_log_set(SilenceWhisperLog, nullptr);
  whisper_context_params params = whisper_context_default_params();
  params.use_gpu = false;
  WhisperContextPtr ctx(whisper_init_from_file_with_params(config.model_path.c_str(), params));
  if (!ctx) {
    return Status::InvalidInput("whisper.cpp cannot load " + config.model_path +
                                "; is it a ggml Whisper model? pull one with `yt-lyrics models "
                                "pull base.en`");
  }
  return std::unique_ptr<Recognizer>(new WhisperRecognizer(std::move(ctx), config));
}

}  // namespace ytl
