// AlignmentGraph: the decoding graph of one utterance, a mostly
// left-to-right network of phone HMMs joined by null (non-emitting) nodes.
//
// Invariant the decoder relies on: an arc leaving a null node goes to a node
// with a larger index (arcs leaving emitting nodes may go back, for loops).
#pragma once

#include <cassert>
#include <cstdint>
#include <vector>

namespace ytl {

// What a stretch of the path stands for.
enum class SegmentKind : std::uint8_t { kWord, kSilence, kGarbage };

// A state scored by EmissionScorer::BestVowelScore: whichever vowel fits the
// frame best (a held note whose vowel drifted from the word's own).
constexpr int kBestVowelSenone = -1;

struct GraphState {
  int senone = 0;       // or kBestVowelSenone
  float self_logp = 0;  // log P(stay in this state)
  float next_logp = 0;  // log P(advance); from the last state this leaves the node
};

struct GraphArc {
  int to = 0;
  float logp = 0;
};

struct GraphNode {
  int first_state = 0;  // into AlignmentGraph::states
  int n_states = 0;     // 0 for a null node
  SegmentKind kind = SegmentKind::kWord;
  int segment = -1;  // null nodes only: passing through starts this segment
  // The word this node belongs to, or for silence and garbage the word that
  // follows it (words.size() after the last word); -1 when unknown. Lets a
  // search confine each node to its word's time window.
  int word = -1;
  std::vector<GraphArc> next;
};

// A word, silence or garbage stretch that the decoder reports times for.
struct GraphSegment {
  SegmentKind kind = SegmentKind::kWord;
  int word = -1;  // caller's word index for kWord
};

struct AlignmentGraph {
  std::vector<GraphState> states;
  std::vector<GraphNode> nodes;
  std::vector<GraphSegment> segments;
  int start = -1;  // null node holding the initial token
  int final = -1;  // null node the path must reach after the last frame

  int current_word = -1;  // stamped on every node added, see GraphNode::word

  int AddNull(int segment = -1) {
    GraphNode n;
    n.segment = segment;
    n.word = current_word;
    nodes.push_back(n);
    return static_cast<int>(nodes.size()) - 1;
  }
  int AddSegment(SegmentKind kind, int word) {
    segments.push_back({kind, word});
    return static_cast<int>(segments.size()) - 1;
  }
  // Appends an emitting node with the given states.
  int AddHmm(const std::vector<GraphState>& hmm, SegmentKind kind) {
    GraphNode n;
    n.first_state = static_cast<int>(states.size());
    n.n_states = static_cast<int>(hmm.size());
    n.kind = kind;
    n.word = current_word;
    states.insert(states.end(), hmm.begin(), hmm.end());
    nodes.push_back(n);
    return static_cast<int>(nodes.size()) - 1;
  }
  void Connect(int from, int to, float logp) {
    assert(nodes[from].n_states > 0 || to > from);
    nodes[from].next.push_back({to, logp});
  }
};

}  // namespace ytl
