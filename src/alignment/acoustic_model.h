// AcousticModel: a CMU Sphinx PTM acoustic model (en-us from
// pocketsphinx-en-us) loaded into memory: phone set, triphone -> senone
// lookup, transition matrices, Gaussian codebooks and mixture weights.
//
// Immutable after Load(); safe to share between threads.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace ytl {

// Where a phone sits in its word; selects the triphone variant.
enum class WordPosition { kInternal = 0, kBegin = 1, kEnd = 2, kSingle = 3 };

// The HMM of one (CI or CD) phone: left-to-right, one senone per state.
struct PhoneHmm {
  std::vector<int> senones;      // one per emitting state
  std::vector<float> self_logp;  // log P(stay) per state
  std::vector<float> next_logp;  // log P(advance) per state; the last one is the exit
};

class AcousticModel {
 public:
  // Reads mdef, means, variances, sendump and transition_matrices from
  // `dir` (e.g. /usr/share/pocketsphinx/model/en-us/en-us). Only PTM or
  // semi-continuous models with 8-bit sendump weights are supported.
  static Result<AcousticModel> Load(const std::string& dir);

  int ci_phone_count() const { return static_cast<int>(ci_names_.size()); }
  int phone_count() const { return static_cast<int>(phones_.size()); }
  int senone_count() const { return n_senones_; }
  int ci_senone_count() const { return n_ci_senones_; }
  int stream_count() const { return static_cast<int>(stream_dims_.size()); }
  int feature_dim() const;

  // CI phone id of `name` ("AH", "SIL", "+NSN+"), or -1.
  int CiPhoneId(std::string_view name) const;
  const std::string& CiPhoneName(int ci) const { return ci_names_[ci]; }
  bool IsFiller(int ci) const;
  int silence_phone() const { return silence_; }

  // The triphone `base` with contexts `left`/`right` at `wpos`; falls back to
  // other word positions, then to the CI phone `base`. Fillers as context
  // count as silence. All ids are CI phone ids.
  int PhoneId(int base, int left, int right, WordPosition wpos) const;
  // Exact triphone lookup; -1 when the model has no such triphone.
  int FindTriphone(int base, int left, int right, WordPosition wpos) const;
  PhoneHmm Hmm(int phone_id) const;

  // Log-density (natural log) of each of the `densities()` Gaussians of
  // `codebook`, stream `stream`, for the stream's slice of `feature`.
  void DensityLogLikelihoods(int codebook, int stream, const float* feature, float* out) const;
  int densities() const { return n_densities_; }
  // The codebook (= CI phone for PTM) that `senone` mixes.
  int SenoneCodebook(int senone) const { return senone_codebook_[senone]; }
  // log mixture weight of density `k` of `stream` in `senone`.
  float LogMixtureWeight(int senone, int stream, int k) const {
    return log_weights_[(static_cast<std::size_t>(senone) * stream_count() + stream) *
                            n_densities_ +
                        k];
  }
  int stream_offset(int stream) const { return stream_offsets_[stream]; }
  int stream_dim(int stream) const { return stream_dims_[stream]; }

 private:
  Status BuildFromFiles(const std::string& dir);
  int WalkTree(int wpos, int base, int left, int right) const;

  std::vector<std::string> ci_names_;
  std::vector<bool> filler_;
  int silence_ = -1;
  int n_senones_ = 0;
  int n_ci_senones_ = 0;
  int n_emit_ = 0;
  struct Phone {
    int ssid;
    int tmat;
  };
  std::vector<Phone> phones_;
  std::vector<int> senone_sequences_;
  struct TreeNode {
    int ctx;
    int n_down;
    int down;
  };
  std::vector<TreeNode> tree_;
  std::vector<float> tmat_logp_;  // [tmat][from][to]
  std::vector<int> senone_codebook_;
  std::vector<int> stream_dims_;
  std::vector<int> stream_offsets_;
  int n_densities_ = 0;
  // Per codebook/stream/density: means, 1/(2 var), and the log normaliser.
  std::vector<float> means_;
  std::vector<float> half_inv_vars_;
  std::vector<float> log_norms_;
  std::vector<float> log_weights_;  // [senone][stream][density]
};

}  // namespace ytl
