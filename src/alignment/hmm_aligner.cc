#include "alignment/hmm_aligner.h"

#include <algorithm>
#include <cmath>

#include "alignment/senone_scorer.h"
#include "alignment/window_plan.h"
#include "alignment/word_placement.h"
#include "core/fingerprint.h"

namespace ytl {
namespace {

constexpr int kSampleRateHz = 16000;
constexpr double kFrameS = 1.0 / FeatureExtractor::kFrameRateHz;

std::vector<float> WordLogPrior(const VocalActivity& activity, double start_s, int frames,
                                float weight, float floor) {
  std::vector<float> prior;
  if (activity.probability.empty() || activity.frame_s <= 0 || weight == 0) return prior;
  prior.resize(frames);
  for (int t = 0; t < frames; ++t) {
    const double at_s = start_s + (t + 0.5) * kFrameS;
    const auto i = std::min(activity.probability.size() - 1,
                            static_cast<std::size_t>(std::max(0.0, at_s / activity.frame_s)));
    prior[t] = weight * std::log(std::max(floor, activity.probability[i]));
  }
  return prior;
}

// Per frame of the window: the bonus of starting a word there.
std::vector<float> WordEntryBonus(const VocalActivity& activity, double start_s, int frames,
                                  float weight, int lead_frames) {
  std::vector<float> bonus;
  if (activity.onset.empty() || activity.frame_s <= 0 || weight == 0) return bonus;
  bonus.resize(frames);
  const auto last = static_cast<long long>(activity.onset.size()) - 1;
  for (int t = 0; t < frames; ++t) {
    float best = 0;
    for (int d = 0; d <= lead_frames; ++d) {
      const double at_s = start_s + (t + d + 0.5) * kFrameS;
      const long long i =
          std::min(last, static_cast<long long>(std::max(0.0, at_s / activity.frame_s)));
      best = std::max(best, activity.onset[i]);
    }
    bonus[t] = weight * best;
  }
  return bonus;
}

}  // namespace

Status HmmAlignerConfig::Validate() const {
  if (model_dir.empty()) {
    return Status::InvalidInput(
        "HmmAlignerConfig model_dir is empty; set it to the pocketsphinx en-us model dir");
  }
  YTL_RETURN_IF_ERROR(features.Validate());
  YTL_RETURN_IF_ERROR(viterbi.Validate());
  if (graph.vowel_min_frames < 0 || graph.vowel_min_frames > 50) {
    return Status::InvalidInput("HmmAlignerConfig graph.vowel_min_frames must be in [0, 50]");
  }
  if (graph.vocable_vowel_min_frames < 0 || graph.vocable_vowel_min_frames > 200) {
    return Status::InvalidInput(
        "HmmAlignerConfig graph.vocable_vowel_min_frames must be in [0, 200]");
  }
  if (!(graph.transition_weight >= 0) || graph.transition_weight > 1) {
    return Status::InvalidInput("HmmAlignerConfig graph.transition_weight must be in [0, 1]");
  }
  if (top_n < 1) return Status::InvalidInput("HmmAlignerConfig top_n must be >= 1");
  if (vad_weight < 0 || !(vad_floor > 0) || vad_floor > 1) {
    return Status::InvalidInput("HmmAlignerConfig vad_weight must be >= 0 and vad_floor in (0, 1]");
  }
  if (!(onset_weight >= 0) || onset_lead_frames < 0 || onset_lead_frames > 50) {
    return Status::InvalidInput(
        "HmmAlignerConfig onset_weight must be >= 0 and onset_lead_frames in [0, 50]");
  }
  if (!(consonant_onset_delay_s >= 0) || consonant_onset_delay_s > 0.5) {
    return Status::InvalidInput("HmmAlignerConfig consonant_onset_delay_s must be in [0, 0.5]");
  }
  if (min_confidence < 0 || min_confidence > 1 || !(confidence_scale_nats > 0)) {
    return Status::InvalidInput(
        "HmmAlignerConfig min_confidence must be in [0, 1] and confidence_scale_nats > 0");
  }
  if (!(hint_band.before_s >= 0) || !(hint_band.after_s >= 0) || !(hint_band.first_phone_s > 0)) {
    return Status::InvalidInput(
        "HmmAlignerConfig hint_band before_s and after_s must be >= 0, first_phone_s > 0");
  }
  if (!(long_song_s > 0) || !(long_song_slack_s > 0)) {
    return Status::InvalidInput("HmmAlignerConfig long_song_s and long_song_slack_s must be > 0");
  }
  if (!(refine_band_s >= 0) || refine_band_s > 30) {
    return Status::InvalidInput("HmmAlignerConfig refine_band_s must be in [0, 30]");
  }
  if (!(graph.hold_entry_logp <= 0) || !(graph.hold_frame_logp <= 0) ||
      !std::isfinite(graph.hold_entry_logp) || !std::isfinite(graph.hold_frame_logp)) {
    return Status::InvalidInput(
        "HmmAlignerConfig graph.hold_entry_logp and graph.hold_frame_logp must be finite and <= 0");
  }
  if (window_min_gap_s <= 0 || window_margin_s < 0) {
    return Status::InvalidInput(
        "HmmAlignerConfig window_min_gap_s must be > 0 and window_margin_s >= 0");
  }
  return Status::Ok();
}

Result<AlignedContent> ParseAlignedContent(std::string_view name) {
  if (name == "singing") return AlignedContent::kSinging;
  if (name == "speech") return AlignedContent::kSpeech;
  return Status::InvalidInput("unknown content '" + std::string(name) +
                              "'; use singing (songs) or speech (talk, podcasts, audiobooks)");
}

HmmAlignerConfig AlignerConfigFor(AlignedContent content) {
  HmmAlignerConfig config;
  if (content == AlignedContent::kSpeech) {
    config.graph.vowel_min_frames = 0;
    config.graph.vocable_vowel_min_frames = 0;  // a spoken "uh" or "oh" is short
    config.graph.transition_weight = 1;
    config.graph.noise_between_words = true;
    config.refine_band_s = 0;  // spoken vowels are not held
    config.consonant_onset_delay_s = 0;
  }
  return config;
}

Result<std::unique_ptr<HmmAligner>> HmmAligner::Create(HmmAlignerConfig config,
                                                       const Pronouncer& pronouncer) {
  YTL_RETURN_IF_ERROR(config.Validate());
  auto model = AcousticModel::Load(config.model_dir);
  if (!model.ok()) return model.status();
  if (model->feature_dim() != 39 || model->silence_phone() < 0) {
    return Status::InvalidInput("acoustic model in " + config.model_dir +
                                " is not a 39-dimensional 1s_c_d_dd model with a SIL phone");
  }
  return std::unique_ptr<HmmAligner>(
      new HmmAligner(std::move(config), std::move(*model), pronouncer));
}

HmmAligner::HmmAligner(HmmAlignerConfig config, AcousticModel model, const Pronouncer& pronouncer)
    : config_(std::move(config)),
      model_(std::move(model)),
      features_(config_.features),
      pronouncer_(pronouncer) {}

namespace {

Result<std::vector<GraphWord>> PrepareWords(const AcousticModel& model,
                                            const Pronouncer& pronouncer, const LyricSheet& sheet) {
  std::vector<GraphWord> words;
  const int noise = model.CiPhoneId("+SPN+");
  for (const LyricLine& line : sheet.lines) {
    for (std::size_t i = 0; i < line.words.size(); ++i) {
      const LyricWord& w = line.words[i];
      GraphWord gw;
      gw.optional = w.optional;
      gw.line_start = i == 0;
      gw.vocable = w.vocable;
      auto prons = pronouncer.Pronounce(w.spoken.empty() ? w.text : w.spoken, sheet.language);
      if (!prons.ok()) return prons.status();
      for (const Phones& phones : *prons) {
        std::vector<int> ids;
        for (const std::string& p : phones) {
          const int id = model.CiPhoneId(p);
          if (id >= 0) ids.push_back(id);
        }
        if (!ids.empty()) gw.pronunciations.push_back(std::move(ids));
      }
      if (gw.pronunciations.empty()) gw.pronunciations.push_back({noise >= 0 ? noise : 0});
      words.push_back(std::move(gw));
    }
  }
  return words;
}

double Confidence(const DecodedSegment& seg, double scale_nats) {
  const int frames = std::max(1, seg.end_frame - seg.start_frame);
  const double gap = (seg.best_score - seg.path_score) / frames;
  return std::clamp(std::exp(-std::max(0.0, gap) / scale_nats), 0.0, 1.0);
}

}  // namespace

Status HmmAligner::AlignWindow(const AudioBuffer& vocals, const VocalActivity& activity,
                               const std::vector<GraphWord>& words, const WindowSpan& win,
                               const GraphOptions& graph_options,
                               const std::vector<WordWindow>* band, BandMiss on_miss,
                               FrameBestScores* bests, const SearchProgress& progress,
                               std::vector<WordPlacement>* placements) const {
  const double begin_s = std::max(0.0, win.start_s - config_.window_margin_s);
  const double end_s = std::min(vocals.duration_s(), win.end_s + config_.window_margin_s);
  const auto begin = static_cast<std::size_t>(begin_s * kSampleRateHz);
  const auto end = static_cast<std::size_t>(end_s * kSampleRateHz);
  std::vector<GraphWord> span(words.begin() + win.first_word, words.begin() + win.last_word);
  if (span.empty() || end <= begin) return Status::Ok();
  auto feats = features_.Extract(vocals, begin, end);
  if (!feats.ok()) return feats.status();
  if (feats->frames == 0) return Status::Ok();
  span.front().line_start = true;
  const AlignmentGraph graph = BuildAlignmentGraph(model_, span, graph_options);
  SenoneScorer scorer(model_, *feats, config_.top_n, bests);
  const double start_s = static_cast<double>(begin) / kSampleRateHz;
  const std::vector<float> prior =
      WordLogPrior(activity, start_s, feats->frames, config_.vad_weight, config_.vad_floor);
  const std::vector<float> entry_bonus = WordEntryBonus(
      activity, start_s, feats->frames, config_.onset_weight, config_.onset_lead_frames);
  Result<DecodeResult> decoded = Status::Internal("not decoded");
  if (band != nullptr) {
    const std::vector<WordWindow> span_band(band->begin() + win.first_word,
                                            band->begin() + win.last_word);
    const std::vector<FrameRange> ranges =
        NodeFrameRanges(graph, span_band, start_s, kFrameS, feats->frames);
    decoded = DecodeViterbi(graph, scorer, prior, config_.viterbi, ranges, progress, entry_bonus);
    // Hints that cannot all hold (wrong hints, a different version of the
    // song): align without them rather than cram the words.
    if (decoded.ok() && !decoded->reached_final) {
      if (on_miss == BandMiss::kLeaveUnplaced) return Status::Ok();
      band = nullptr;
    }
  }
  if (band == nullptr) {
    decoded = DecodeViterbi(graph, scorer, prior, config_.viterbi, {}, progress, entry_bonus);
  }
  if (!decoded.ok()) return decoded.status();
  for (const DecodedSegment& seg : decoded->segments) {
    const GraphSegment& gs = graph.segments[seg.segment];
    if (gs.kind != SegmentKind::kWord) continue;
    WordPlacement& p = (*placements)[win.first_word + gs.word];
    p.placed = true;
    p.start_s = start_s + seg.start_frame * kFrameS;
    p.end_s = start_s + seg.end_frame * kFrameS;
    if (!IsVowelPhone(model_.CiPhoneName(span[gs.word].pronunciations.front().front()))) {
      p.start_s += std::min(config_.consonant_onset_delay_s, 0.5 * (p.end_s - p.start_s));
    }
    p.confidence = Confidence(seg, config_.confidence_scale_nats);
  }
  return Status::Ok();
}

Status HmmAligner::Refine(const AudioBuffer& vocals, const VocalActivity& activity,
                          const std::vector<GraphWord>& words, FrameBestScores* bests,
                          const SearchProgress& progress,
                          std::vector<WordPlacement>* placements) const {
  const double duration_s = vocals.duration_s();
  std::vector<WordWindow> band(placements->size());
  for (std::size_t i = 0; i < band.size(); ++i) {
    const WordPlacement& p = (*placements)[i];
    if (!p.placed) return Status::Ok();
    band[i].start_s = std::max(0.0, p.start_s - config_.refine_band_s);
    band[i].end_s = std::min(duration_s, p.end_s + config_.refine_band_s);
  }
  GraphOptions options = config_.graph;
  options.hold_notes = true;
  std::vector<WordPlacement> refined(placements->size());
  const WindowSpan whole{0, words.size(), 0.0, duration_s};
  YTL_RETURN_IF_ERROR(AlignWindow(vocals, activity, words, whole, options, &band,
                                  BandMiss::kLeaveUnplaced, bests, progress, &refined));
  for (const WordPlacement& p : refined) {
    if (!p.placed) return Status::Ok();
  }
  *placements = std::move(refined);
  return Status::Ok();
}

Result<Alignment> HmmAligner::Align(const AudioBuffer& vocals, const VocalActivity& activity,
                                    const LyricSheet& sheet, const StageContext& ctx) const {
  if (vocals.sample_rate_hz != kSampleRateHz || vocals.channels.size() != 1) {
    return Status::InvalidInput("the aligner needs mono 16 kHz vocals, got " +
                                std::to_string(vocals.channels.size()) + " channel(s) at " +
                                std::to_string(vocals.sample_rate_hz) +
                                " Hz; resample before aligning");
  }
  auto words = PrepareWords(model_, pronouncer_, sheet);
  if (!words.ok()) return words.status();
  const double duration_s = vocals.duration_s();
  std::vector<WordPlacement> placements(words->size());
  const WindowSpan whole{0, words->size(), 0.0, duration_s};
  const std::vector<TimeStretch> stretches =
      VoicedStretches(activity, duration_s, config_.window_min_gap_s);
  std::optional<std::vector<WordWindow>> band =
      WindowsFromHints(sheet, duration_s, config_.hint_band);
  if (!band && duration_s > config_.long_song_s) {
    std::vector<int> phones;
    for (const GraphWord& word : *words) phones.push_back(word.pronunciations.front().size());
    band = ProportionalWindows(phones, stretches, duration_s, config_.long_song_slack_s);
  }
  if (band || !config_.windowed || stretches.size() < 2) {
    const double first = config_.refine_band_s > 0 ? 0.8 : 1.0;
    FrameBestScores bests;
    YTL_RETURN_IF_ERROR(AlignWindow(vocals, activity, *words, whole, config_.graph,
                                    band ? &*band : nullptr, BandMiss::kSearchWithout, &bests,
                                    {&ctx, "align", 0, first}, &placements));
    if (config_.refine_band_s > 0) {
      YTL_RETURN_IF_ERROR(
          Refine(vocals, activity, *words, &bests, {&ctx, "align", first, 1}, &placements));
    }
    ctx.Report("align", 1.0);
    return AssembleAlignment(sheet, placements, config_.min_confidence, duration_s);
  }
  // Coarse pass: CI phones over the whole song, only to split the lines.
  GraphOptions coarse_options = config_.graph;
  coarse_options.use_triphones = false;
  YTL_RETURN_IF_ERROR(AlignWindow(vocals, activity, *words, whole, coarse_options, nullptr,
                                  BandMiss::kSearchWithout, nullptr, {&ctx, "align", 0, 0.3},
                                  &placements));
  ctx.Report("align", 0.3);
  const std::vector<WindowSpan> windows = AssignLines(sheet, placements, stretches);
  std::vector<WordPlacement> exact(words->size());
  for (std::size_t w = 0; w < windows.size(); ++w) {
    if (ctx.cancelled()) return Status::Cancelled("alignment cancelled; nothing was saved");
    const double done = 0.3 + 0.7 * static_cast<double>(w) / windows.size();
    YTL_RETURN_IF_ERROR(AlignWindow(vocals, activity, *words, windows[w], config_.graph, nullptr,
                                    BandMiss::kSearchWithout, nullptr,
                                    {&ctx, "align", done, done + 0.7 / windows.size()}, &exact));
    ctx.Report("align", done + 0.7 / windows.size());
  }
  return AssembleAlignment(sheet, exact, config_.min_confidence, duration_s);
}

std::string HmmAligner::Fingerprint() const {
  const HmmAlignerConfig& c = config_;
  const GraphOptions& g = c.graph;
  return ytl::Fingerprint("hmm")
      .Add("model", c.model_dir)
      .Add("lowerf", c.features.lower_filter_hz)
      .Add("upperf", c.features.upper_filter_hz)
      .Add("nfilt", c.features.filter_count)
      .Add("lifter", c.features.lifter)
      .Add("denoise", c.features.remove_noise)
      .Add("tri", g.use_triphones)
      .Add("vmin", g.vowel_min_frames)
      .Add("vocmin", g.vocable_vowel_min_frames)
      .Add("tweight", g.transition_weight)
      .Add("sil", g.silence_logp)
      .Add("noise", g.noise_logp)
      .Add("noisegap", g.noise_between_words)
      .Add("holdentry", g.hold_entry_logp)
      .Add("holdframe", g.hold_frame_logp)
      .Add("refine", c.refine_band_s)
      .Add("garbage", g.garbage_logp)
      .Add("gphone", g.garbage_phone_logp)
      .Add("gframe", g.speech_garbage_frame_logp)
      .Add("gspeech", g.garbage_speech_phones)
      .Add("skip", g.skip_logp)
      .Add("alt", g.alternative_logp)
      .Add("long", c.long_song_s)
      .Add("long_slack", c.long_song_slack_s)
      .Add("beam", c.viterbi.beam_nats)
      .Add("active", c.viterbi.max_active_states)
      .Add("topn", c.top_n)
      .Add("hint_before", c.hint_band.before_s)
      .Add("hint_after", c.hint_band.after_s)
      .Add("hint_first", c.hint_band.first_phone_s)
      .Add("vadw", c.vad_weight)
      .Add("vadf", c.vad_floor)
      .Add("onsetw", c.onset_weight)
      .Add("onsetlead", c.onset_lead_frames)
      .Add("cdelay", c.consonant_onset_delay_s)
      .Add("minconf", c.min_confidence)
      .Add("confscale", c.confidence_scale_nats)
      .Add("wgap", c.window_min_gap_s)
      .Add("wmargin", c.window_margin_s)
      .Add("windowed", c.windowed)
      .Add("pron", pronouncer_.Fingerprint())
      .str();
}

}  // namespace ytl
