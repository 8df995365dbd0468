#include "alignment/feature_extractor.h"

#include <sphinxbase/cmd_ln.h>
#include <sphinxbase/fe.h>
#include <sphinxbase/feat.h>

#include <algorithm>
#include <cstdint>
#include <memory>

namespace ytl {
namespace {

constexpr int kSampleRateHz = 16000;
constexpr int kCepstra = 13;

struct CmdLnDeleter {
  void operator()(cmd_ln_t* c) const { cmd_ln_free_r(c); }
};
struct FeDeleter {
  void operator()(fe_t* f) const { fe_free(f); }
};
struct FeatDeleter {
  void operator()(feat_t* f) const { feat_free(f); }
};
struct FeatArrayDeleter {
  void operator()(mfcc_t*** a) const { feat_array_free(a); }
};
using CmdLnPtr = std::unique_ptr<cmd_ln_t, CmdLnDeleter>;
using FePtr = std::unique_ptr<fe_t, FeDeleter>;
using FeatPtr = std::unique_ptr<feat_t, FeatDeleter>;

std::vector<std::int16_t> ToPcm16(const std::vector<float>& samples, std::size_t begin,
                                  std::size_t end) {
  std::vector<std::int16_t> pcm(end - begin);
  for (std::size_t i = begin; i < end; ++i) {
    const float v = std::clamp(samples[i], -1.0f, 1.0f);
    pcm[i - begin] = static_cast<std::int16_t>(v * 32767.0f);
  }
  return pcm;
}

CmdLnPtr MakeFrontEndConfig(const FeatureConfig& c) {
  const std::string lowerf = std::to_string(c.lower_filter_hz);
  const std::string upperf = std::to_string(c.upper_filter_hz);
  const std::string nfilt = std::to_string(c.filter_count);
  const std::string lifter = std::to_string(c.lifter);
  return CmdLnPtr(cmd_ln_init(nullptr, fe_get_args(), TRUE, "-samprate", "16000", "-lowerf",
                              lowerf.c_str(), "-upperf", upperf.c_str(), "-nfilt", nfilt.c_str(),
                              "-lifter", lifter.c_str(), "-transform", "dct", "-remove_silence",
                              "no", "-remove_noise", c.remove_noise ? "yes" : "no", "-dither", "no",
                              nullptr));
}

}  // namespace

Status FeatureConfig::Validate() const {
  if (lower_filter_hz < 0 || upper_filter_hz <= lower_filter_hz || upper_filter_hz > 8000) {
    return Status::InvalidInput(
        "FeatureConfig lower_filter_hz/upper_filter_hz must satisfy 0 <= lower < upper <= 8000");
  }
  if (filter_count < kCepstra || filter_count > 80) {
    return Status::InvalidInput("FeatureConfig filter_count must be in [13, 80]");
  }
  if (lifter < 0) return Status::InvalidInput("FeatureConfig lifter must be >= 0");
  return Status::Ok();
}

Result<FeatureMatrix> FeatureExtractor::Extract(const AudioBuffer& audio, std::size_t begin,
                                                std::size_t end) const {
  YTL_RETURN_IF_ERROR(config_.Validate());
  if (audio.sample_rate_hz != kSampleRateHz || audio.channels.empty()) {
    return Status::InvalidInput("feature extraction needs mono 16 kHz audio, got " +
                                std::to_string(audio.channels.size()) + " channel(s) at " +
                                std::to_string(audio.sample_rate_hz) + " Hz; resample first");
  }
  end = std::min(end, audio.frames());
  if (begin >= end) return FeatureMatrix{39, 0, {}};

  CmdLnPtr config = MakeFrontEndConfig(config_);
  if (!config) return Status::Internal("sphinxbase rejected the front-end parameters");
  FePtr fe(fe_init_auto_r(config.get()));
  if (!fe) return Status::Internal("sphinxbase fe_init_auto_r failed");
  FeatPtr feat(feat_init("1s_c_d_dd", CMN_BATCH, FALSE, AGC_NONE, FALSE, kCepstra));
  if (!feat) return Status::Internal("sphinxbase feat_init(1s_c_d_dd) failed");

  const std::vector<std::int16_t> pcm = ToPcm16(audio.channels[0], begin, end);
  const std::size_t max_frames = pcm.size() / (kSampleRateHz / kFrameRateHz) + 2;
  std::vector<mfcc_t> cep_values(max_frames * kCepstra);
  std::vector<mfcc_t*> cep_rows(max_frames);
  for (std::size_t i = 0; i < max_frames; ++i) cep_rows[i] = &cep_values[i * kCepstra];
  fe_start_utt(fe.get());
  const std::int16_t* in = pcm.data();
  std::size_t n_samples = pcm.size();
  int32 n_frames = static_cast<int32>(max_frames);
  if (fe_process_frames(fe.get(), &in, &n_samples, cep_rows.data(), &n_frames, nullptr) < 0) {
    return Status::Internal("sphinxbase fe_process_frames failed");
  }
  int32 tail = 0;
  if (static_cast<std::size_t>(n_frames) < max_frames) {
    fe_end_utt(fe.get(), cep_rows.data()[n_frames], &tail);
  }
  int32 n_cep = n_frames + tail;
  if (n_cep == 0) return FeatureMatrix{39, 0, {}};

  const int dim = feat_dimension(feat.get());
  std::unique_ptr<mfcc_t**, FeatArrayDeleter> out(feat_array_alloc(feat.get(), n_cep));
  int32 consumed = n_cep;
  const int32 produced =
      feat_s2mfc2feat_live(feat.get(), cep_rows.data(), &consumed, TRUE, TRUE, out.get());
  FeatureMatrix m;
  m.dim = dim;
  m.frames = produced;
  m.values.assign(out.get()[0][0], out.get()[0][0] + static_cast<std::size_t>(produced) * dim);
  return m;
}

}  // namespace ytl
