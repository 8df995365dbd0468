#include "recognition/sphinx_recognizer.h"

#include <pocketsphinx.h>
#include <sphinxbase/err.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <vector>

#include "recognition/transcript_lines.h"

namespace ytl {
namespace {

constexpr int kSampleRateHz = 16000;

Status CheckPath(const std::string& path, const char* field) {
  if (path.empty()) {
    return Status::InvalidInput(std::string("SphinxRecognizerConfig.") + field +
                                " is empty; set it to the pocketsphinx-en-us model file");
  }
  std::error_code error;
  if (!std::filesystem::exists(path, error)) {
    return Status::NotFound(std::string("SphinxRecognizerConfig.") + field + " " + path +
                            " does not exist; install pocketsphinx-en-us or fix the path");
  }
  return Status::Ok();
}

size_t ToSampleIndex(double time_s) {
  return time_s > 0 ? static_cast<size_t>(std::llround(time_s * kSampleRateHz)) : 0;
}

bool IsFiller(std::string_view word) {
  return word.empty() || word.front() == '<' || word.front() == '[' || word.front() == '+';
}

// "read(2)" -> "read": the dictionary's alternate-pronunciation marker.
std::string WithoutAlternateMarker(std::string word) {
  const size_t open = word.rfind('(');
  if (open != std::string::npos && open > 0 && word.back() == ')') word.erase(open);
  return word;
}

std::vector<int16> ToPcm16(const std::vector<float>& samples, size_t begin, size_t end) {
  std::vector<int16> pcm(end - begin);
  for (size_t i = begin; i < end; ++i) {
    // x 32768 so that audio decoded from 16-bit PCM comes back bit-exact.
    pcm[i - begin] =
        static_cast<int16>(std::clamp(std::lround(samples[i] * 32768.0f), -32768L, 32767L));
  }
  return pcm;
}

// Decodes `pcm` as one utterance and appends its words, shifted by `offset_s`.
Status DecodeRegion(const SphinxDecoder& decoder, const std::vector<int16>& pcm, double offset_s,
                    std::vector<TimedWord>* words) {
  ps_decoder_t* ps = decoder.get();
  if (ps_start_utt(ps) < 0) return Status::Internal("PocketSphinx could not start an utterance");
  const int frames = ps_process_raw(ps, pcm.data(), pcm.size(), /*no_search=*/FALSE,
                                    /*full_utt=*/TRUE);
  if (ps_end_utt(ps) < 0 || frames < 0) {
    return Status::Internal("PocketSphinx failed to decode " + std::to_string(pcm.size()) +
                            " samples at " + std::to_string(offset_s) + " s");
  }
  logmath_t* logmath = ps_get_logmath(ps);
  const double frame_s = 1.0 / decoder.frames_per_s();
  for (ps_seg_t* seg = ps_seg_iter(ps); seg != nullptr; seg = ps_seg_next(seg)) {
    const char* text = ps_seg_word(seg);
    if (text == nullptr || IsFiller(text)) continue;
    int start_frame = 0;
    int end_frame = 0;
    ps_seg_frames(seg, &start_frame, &end_frame);
    int32 acoustic = 0, language = 0, backoff = 0;
    const int32 log_posterior = ps_seg_prob(seg, &acoustic, &language, &backoff);
    TimedWord word;
    word.text = WithoutAlternateMarker(text);
    word.start_s = offset_s + start_frame * frame_s;
    word.end_s = offset_s + (end_frame + 1) * frame_s;
    word.confidence = std::clamp(logmath_exp(logmath, log_posterior), 0.0, 1.0);
    words->push_back(std::move(word));
  }
  return Status::Ok();
}

}  // namespace

Status SphinxRecognizerConfig::Validate() const {
  YTL_RETURN_IF_ERROR(CheckPath(acoustic_model_dir, "acoustic_model_dir"));
  YTL_RETURN_IF_ERROR(CheckPath(language_model_path, "language_model_path"));
  return CheckPath(dictionary_path, "dictionary_path");
}

Result<std::unique_ptr<SphinxRecognizer>> SphinxRecognizer::Create(
    const SphinxRecognizerConfig& config) {
  YTL_RETURN_IF_ERROR(config.Validate());
  err_set_logfp(nullptr);  // cmd_ln_parse_r logs before -logfn takes effect
  auto decoder = SphinxDecoder::Open({{"-hmm", config.acoustic_model_dir},
                                      {"-lm", config.language_model_path},
                                      {"-dict", config.dictionary_path},
                                      {"-remove_silence", "no"},
                                      {"-logfn", "/dev/null"}});
  if (!decoder.ok()) return decoder.status();
  return std::unique_ptr<SphinxRecognizer>(new SphinxRecognizer(std::move(decoder).value()));
}

Result<Alignment> SphinxRecognizer::Transcribe(const AudioBuffer& vocals16k,
                                               const VocalActivity& activity,
                                               const StageContext& ctx) const {
  if (vocals16k.sample_rate_hz != kSampleRateHz || vocals16k.channels.size() != 1) {
    return Status::InvalidInput("PocketSphinx needs mono 16 kHz vocals, got " +
                                std::to_string(vocals16k.channels.size()) + " channel(s) at " +
                                std::to_string(vocals16k.sample_rate_hz) + " Hz; resample first");
  }
  const std::vector<float>& samples = vocals16k.channels[0];
  Alignment alignment;
  alignment.duration_s = vocals16k.duration_s();
  alignment.mode = SyncMode::kTranscribed;
  std::lock_guard<std::mutex> lock(mutex_);
  ctx.Report("recognize", 0.0);
  for (size_t i = 0; i < activity.regions.size(); ++i) {
    if (ctx.cancelled())
      return Status::Cancelled("recognition cancelled before region " + std::to_string(i + 1));
    const VoicedRegion& region = activity.regions[i];
    const size_t begin = std::min(samples.size(), ToSampleIndex(region.start_s));
    const size_t end = std::min(samples.size(), ToSampleIndex(region.end_s));
    std::vector<TimedWord> words;
    if (end > begin) {
      YTL_RETURN_IF_ERROR(DecodeRegion(decoder_, ToPcm16(samples, begin, end),
                                       static_cast<double>(begin) / kSampleRateHz, &words));
    }
    if (!words.empty()) AppendTranscribedLine(std::move(words), &alignment);
    ctx.Report("recognize", static_cast<double>(i + 1) / activity.regions.size());
  }
  return alignment;
}

}  // namespace ytl
