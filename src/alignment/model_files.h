// Readers for the binary files of a CMU Sphinx semi-continuous / PTM acoustic
// model directory (mdef, means, variances, transition_matrices, sendump).
//
// These are plain data holders; AcousticModel interprets them. Every reader
// returns a Status that names the file and what was malformed.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"

namespace ytl {

// Gaussian codebooks (the "means" or "variances" file): values laid out as
// [codebook][stream][density][dim].
struct GaussianFile {
  int n_codebooks = 0;
  int n_streams = 0;
  int n_densities = 0;
  std::vector<int> stream_dims;  // one entry per stream
  std::vector<float> values;
};

// Transition counts or probabilities: [tmat][from][to], from in [0, n_emit),
// to in [0, n_emit] (the last column is the exit).
struct TransitionFile {
  int n_tmat = 0;
  int n_from = 0;
  int n_to = 0;
  std::vector<float> values;
};

// Quantised mixture weights: [stream][density][senone], each byte is
// -log(w) in units of 1024 * ln(1.0001) nats.
struct SendumpFile {
  int n_streams = 0;
  int n_densities = 0;
  int n_senones = 0;
  std::vector<std::uint8_t> weights;
};

// One entry of the binary model definition's phone table.
struct MdefPhone {
  int ssid = 0;            // senone sequence id
  int tmat = 0;            // transition matrix id
  std::uint8_t attr[4]{};  // CI: attr[0] = filler flag; CD: wpos, base, left, right
};

// One node of the binary mdef's context tree (wpos -> base -> left -> right).
struct MdefTreeNode {
  std::int16_t ctx = 0;     // word position, or CI phone id at deeper levels
  std::int16_t n_down = 0;  // children count; 0 for a leaf
  std::int32_t down = 0;    // first child index, or the phone id of a leaf
};

struct MdefFile {
  int n_ci_phones = 0;
  int n_phones = 0;
  int n_emit_states = 0;
  int n_ci_senones = 0;
  int n_senones = 0;
  int n_tmat = 0;
  std::vector<std::string> ci_names;
  std::vector<MdefTreeNode> tree;
  std::vector<MdefPhone> phones;
  std::vector<std::int16_t> senone_sequences;  // n_sseq * n_emit_states
};

Result<GaussianFile> ReadGaussianFile(const std::string& path);
Result<TransitionFile> ReadTransitionFile(const std::string& path);
Result<SendumpFile> ReadSendumpFile(const std::string& path);
Result<MdefFile> ReadBinaryMdef(const std::string& path);

}  // namespace ytl
