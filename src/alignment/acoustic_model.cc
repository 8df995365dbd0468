#include "alignment/acoustic_model.h"

#include <cmath>
#include <numeric>

#include "alignment/model_files.h"

namespace ytl {
namespace {

constexpr float kVarianceFloor = 1e-4f;
constexpr float kImpossibleLogp = -1e30f;
// sendump bytes are -log base 1.0001 of the weight, shifted right by 10 bits.
const double kSendumpUnitNats = 1024.0 * std::log(1.0001);
constexpr int kWordPositions = 4;

Status Mismatch(const std::string& dir, const std::string& what) {
  return Status::InvalidInput("acoustic model in " + dir + " is inconsistent: " + what +
                              "; point the model dir at a complete PTM model (en-us)");
}

std::vector<float> NormalisedLogTransitions(const TransitionFile& t) {
  std::vector<float> out(t.values.size(), kImpossibleLogp);
  for (int m = 0; m < t.n_tmat; ++m) {
    for (int from = 0; from < t.n_from; ++from) {
      const float* row = &t.values[(static_cast<std::size_t>(m) * t.n_from + from) * t.n_to];
      const double sum = std::accumulate(row, row + t.n_to, 0.0);
      for (int to = 0; to < t.n_to; ++to) {
        if (row[to] > 0 && sum > 0) {
          out[(static_cast<std::size_t>(m) * t.n_from + from) * t.n_to + to] =
              static_cast<float>(std::log(row[to] / sum));
        }
      }
    }
  }
  return out;
}

}  // namespace

Result<AcousticModel> AcousticModel::Load(const std::string& dir) {
  AcousticModel model;
  YTL_RETURN_IF_ERROR(model.BuildFromFiles(dir));
  return model;
}

Status AcousticModel::BuildFromFiles(const std::string& dir) {
  auto mdef = ReadBinaryMdef(dir + "/mdef");
  if (!mdef.ok()) return mdef.status();
  auto means = ReadGaussianFile(dir + "/means");
  if (!means.ok()) return means.status();
  auto vars = ReadGaussianFile(dir + "/variances");
  if (!vars.ok()) return vars.status();
  auto tmat = ReadTransitionFile(dir + "/transition_matrices");
  if (!tmat.ok()) return tmat.status();
  auto sendump = ReadSendumpFile(dir + "/sendump");
  if (!sendump.ok()) return sendump.status();

  if (means->values.size() != vars->values.size()) return Mismatch(dir, "means vs variances");
  if (means->n_codebooks != mdef->n_ci_phones && means->n_codebooks != 1) {
    return Mismatch(dir, "codebook count is neither 1 nor the CI phone count");
  }
  if (sendump->n_senones != mdef->n_senones || sendump->n_densities != means->n_densities ||
      sendump->n_streams != means->n_streams) {
    return Mismatch(dir, "sendump dimensions vs mdef/means");
  }
  if (tmat->n_tmat < mdef->n_tmat || tmat->n_from != mdef->n_emit_states) {
    return Mismatch(dir, "transition matrices vs mdef");
  }

  ci_names_ = mdef->ci_names;
  n_senones_ = mdef->n_senones;
  n_ci_senones_ = mdef->n_ci_senones;
  n_emit_ = mdef->n_emit_states;
  for (int ci = 0; ci < mdef->n_ci_phones; ++ci) filler_.push_back(mdef->phones[ci].attr[0] != 0);
  silence_ = CiPhoneId("SIL");
  for (const auto& p : mdef->phones) phones_.push_back({p.ssid, p.tmat});
  senone_sequences_.assign(mdef->senone_sequences.begin(), mdef->senone_sequences.end());
  for (const auto& n : mdef->tree) tree_.push_back({n.ctx, n.n_down, n.down});
  tmat_logp_ = NormalisedLogTransitions(*tmat);

  senone_codebook_.assign(n_senones_, 0);
  if (means->n_codebooks > 1) {
    for (int p = 0; p < mdef->n_phones; ++p) {
      const int base = p < mdef->n_ci_phones ? p : mdef->phones[p].attr[1];
      for (int j = 0; j < n_emit_; ++j) {
        const int s = senone_sequences_[phones_[p].ssid * n_emit_ + j];
        if (s < 0 || s >= n_senones_) return Mismatch(dir, "senone id out of range in mdef");
        senone_codebook_[s] = base;
      }
    }
  }

  stream_dims_ = means->stream_dims;
  stream_offsets_.assign(stream_dims_.size(), 0);
  for (std::size_t s = 1; s < stream_dims_.size(); ++s) {
    stream_offsets_[s] = stream_offsets_[s - 1] + stream_dims_[s - 1];
  }
  n_densities_ = means->n_densities;
  // Each (codebook, stream) block is stored dimension-major ([d][k]) so that
  // DensityLogLikelihoods runs over contiguous densities (vectorizable).
  means_.resize(means->values.size());
  half_inv_vars_.resize(vars->values.size());
  log_norms_.clear();
  std::size_t i = 0;
  for (int c = 0; c < means->n_codebooks; ++c) {
    for (int s = 0; s < stream_count(); ++s) {
      const std::size_t block = i;
      const int dim = stream_dims_[s];
      for (int k = 0; k < n_densities_; ++k) {
        double log_norm = 0;
        for (int d = 0; d < dim; ++d, ++i) {
          const float var = std::max(vars->values[i], kVarianceFloor);
          const std::size_t to = block + static_cast<std::size_t>(d) * n_densities_ + k;
          means_[to] = means->values[i];
          half_inv_vars_[to] = 0.5f / var;
          log_norm -= 0.5 * std::log(2 * M_PI * var);
        }
        log_norms_.push_back(static_cast<float>(log_norm));
      }
    }
  }

  log_weights_.resize(sendump->weights.size());
  for (int s = 0; s < stream_count(); ++s) {
    for (int k = 0; k < n_densities_; ++k) {
      for (int sen = 0; sen < n_senones_; ++sen) {
        const std::uint8_t q =
            sendump->weights[(static_cast<std::size_t>(s) * n_densities_ + k) * n_senones_ + sen];
        log_weights_[(static_cast<std::size_t>(sen) * stream_count() + s) * n_densities_ + k] =
            static_cast<float>(-q * kSendumpUnitNats);
      }
    }
  }
  return Status::Ok();
}

int AcousticModel::feature_dim() const {
  return std::accumulate(stream_dims_.begin(), stream_dims_.end(), 0);
}

int AcousticModel::CiPhoneId(std::string_view name) const {
  for (std::size_t i = 0; i < ci_names_.size(); ++i) {
    if (ci_names_[i] == name) return static_cast<int>(i);
  }
  return -1;
}

bool AcousticModel::IsFiller(int ci) const {
  return ci >= 0 && ci < ci_phone_count() && filler_[ci];
}

int AcousticModel::WalkTree(int wpos, int base, int left, int right) const {
  const int ctx[4] = {wpos, base, left, right};
  int first = 0;
  int count = kWordPositions;
  for (int level = 0; level < 4; ++level) {
    int found = -1;
    for (int i = first; i < first + count && i < static_cast<int>(tree_.size()); ++i) {
      if (tree_[i].ctx == ctx[level]) {
        found = i;
        break;
      }
    }
    if (found < 0) return -1;
    if (tree_[found].n_down == 0) return level == 3 ? tree_[found].down : -1;
    first = tree_[found].down;
    count = tree_[found].n_down;
  }
  return -1;
}

int AcousticModel::FindTriphone(int base, int left, int right, WordPosition wpos) const {
  if (IsFiller(left)) left = silence_;
  if (IsFiller(right)) right = silence_;
  return WalkTree(static_cast<int>(wpos), base, left, right);
}

int AcousticModel::PhoneId(int base, int left, int right, WordPosition wpos) const {
  if (IsFiller(base)) return base;
  int id = FindTriphone(base, left, right, wpos);
  if (id >= 0) return id;
  static constexpr WordPosition kFallbacks[] = {WordPosition::kInternal, WordPosition::kBegin,
                                                WordPosition::kEnd, WordPosition::kSingle};
  for (WordPosition other : kFallbacks) {
    id = FindTriphone(base, left, right, other);
    if (id >= 0) return id;
  }
  return base;
}

PhoneHmm AcousticModel::Hmm(int phone_id) const {
  PhoneHmm hmm;
  const Phone& p = phones_[phone_id];
  const std::size_t n_to = n_emit_ + 1;
  for (int j = 0; j < n_emit_; ++j) {
    hmm.senones.push_back(senone_sequences_[p.ssid * n_emit_ + j]);
    const float* row = &tmat_logp_[(static_cast<std::size_t>(p.tmat) * n_emit_ + j) * n_to];
    hmm.self_logp.push_back(row[j]);
    hmm.next_logp.push_back(row[j + 1]);
  }
  return hmm;
}

void AcousticModel::DensityLogLikelihoods(int codebook, int stream, const float* feature,
                                          float* out) const {
  const int dim = stream_dims_[stream];
  const float* x = feature + stream_offsets_[stream];
  std::size_t block = 0;  // values before (codebook, stream)
  for (int s = 0; s < stream_count(); ++s) {
    block += static_cast<std::size_t>(stream_dims_[s]) * n_densities_;
  }
  std::size_t base = codebook * block;
  for (int s = 0; s < stream; ++s) base += static_cast<std::size_t>(stream_dims_[s]) * n_densities_;
  const float* mean = means_.data() + base;
  const float* hiv = half_inv_vars_.data() + base;
  const float* norm = log_norms_.data() +
                      (static_cast<std::size_t>(codebook) * stream_count() + stream) * n_densities_;
  std::copy(norm, norm + n_densities_, out);
  for (int d = 0; d < dim; ++d) {
    const float xd = x[d];
    const float* m = mean + static_cast<std::size_t>(d) * n_densities_;
    const float* h = hiv + static_cast<std::size_t>(d) * n_densities_;
    int k = 0;
    for (; k + 8 <= n_densities_; k += 8) {  // fixed-width blocks: vectorized at -O2
      for (int j = 0; j < 8; ++j) {
        const float diff = xd - m[k + j];
        out[k + j] -= diff * diff * h[k + j];
      }
    }
    for (; k < n_densities_; ++k) {
      const float diff = xd - m[k];
      out[k] -= diff * diff * h[k];
    }
  }
}

}  // namespace ytl
