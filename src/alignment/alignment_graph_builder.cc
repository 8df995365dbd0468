#include "alignment/alignment_graph_builder.h"

#include <algorithm>
#include <string>

namespace ytl {

bool IsVowelPhone(std::string_view phone) {
  static const char* const kVowels[] = {"AA", "AE", "AH", "AO", "AW", "AY", "EH", "ER",
                                        "EY", "IH", "IY", "OW", "OY", "UH", "UW"};
  for (const char* v : kVowels) {
    if (phone == v) return true;
  }
  return false;
}

namespace {

// `weight` scales the model's log transition probabilities (0: every
// duration costs the same).
std::vector<GraphState> StatesOf(const AcousticModel& model, int phone_id, float weight) {
  const PhoneHmm hmm = model.Hmm(phone_id);
  std::vector<GraphState> states;
  for (std::size_t j = 0; j < hmm.senones.size(); ++j) {
    states.push_back({hmm.senones[j], weight * hmm.self_logp[j], weight * hmm.next_logp[j]});
  }
  return states;
}

// Chains copies without a self-loop in front of the states, one frame each,
// until the HMM cannot be left in fewer than `min_frames` frames.
std::vector<GraphState> WithMinFrames(const std::vector<GraphState>& states, int min_frames) {
  const int extra = min_frames - static_cast<int>(states.size());
  if (extra <= 0 || states.empty()) return states;
  std::vector<GraphState> out;
  const int per_state = (extra + static_cast<int>(states.size()) - 1) / states.size();
  int left = extra;
  for (const GraphState& s : states) {
    for (int i = 0; i < per_state && left > 0; ++i, --left) {
      out.push_back({s.senone, -1e30f, 0.0f});
    }
    out.push_back(s);
  }
  return out;
}

class GraphBuilder {
 public:
  GraphBuilder(const AcousticModel& model, const std::vector<GraphWord>& words,
               const GraphOptions& options)
      : model_(model), words_(words), options_(options), noise_phone_(model.CiPhoneId("+NSN+")) {}

  AlignmentGraph Build() {
    g_.start = g_.AddNull();
    int prev = g_.start;
    for (std::size_t k = 0; k < words_.size(); ++k) {
      g_.current_word = static_cast<int>(k);
      const int before = g_.AddNull();
      g_.Connect(prev, before, 0.0f);
      if (k == 0 || words_[k].line_start) AddGarbage(prev, before);
      if (k > 0) AddSilence(prev, before, words_[k].line_start);
      prev = AddWord(static_cast<int>(k), before);
    }
    g_.current_word = static_cast<int>(words_.size());
    const int tail = g_.AddNull();
    g_.Connect(prev, tail, 0.0f);
    AddGarbage(prev, tail);
    g_.final = g_.AddNull();
    g_.Connect(tail, g_.final, 0.0f);
    g_.current_word = -1;
    return std::move(g_);
  }

 private:
  // from -> [SIL | noise] -> to; noise only between lines or with noise_between_words.
  void AddSilence(int from, int to, bool line_break) {
    const int in = g_.AddNull(g_.AddSegment(SegmentKind::kSilence, -1));
    g_.Connect(from, in, options_.silence_logp);
    const int out = g_.AddNull();
    const bool noise = line_break || options_.noise_between_words;
    for (int ci = 0; ci < model_.ci_phone_count(); ++ci) {
      if (!model_.IsFiller(ci) || (!noise && ci != model_.silence_phone())) continue;
      const int node =
          g_.AddHmm(StatesOf(model_, ci, options_.transition_weight), SegmentKind::kSilence);
      g_.Connect(in, node, ci == model_.silence_phone() ? 0.0f : options_.noise_logp);
      g_.Connect(node, out, 0.0f);
    }
    g_.Connect(out, to, 0.0f);
  }

  // from -> (filler or phone)+ -> to
  void AddGarbage(int from, int to) {
    const int in = g_.AddNull(g_.AddSegment(SegmentKind::kGarbage, -1));
    g_.Connect(from, in, options_.garbage_logp);
    const int hub = g_.AddNull();
    g_.Connect(in, hub, 0.0f);
    std::vector<int> loop;
    for (int ci = 0; ci < model_.ci_phone_count(); ++ci) {
      if (!model_.IsFiller(ci) && !options_.garbage_speech_phones) continue;
      std::vector<GraphState> states = StatesOf(model_, ci, options_.transition_weight);
      if (ci != model_.silence_phone() && ci != noise_phone_) {
        // Speech-like garbage pays per frame, so that it cannot swallow words.
        for (GraphState& s : states) {
          s.self_logp += options_.speech_garbage_frame_logp;
          s.next_logp += options_.speech_garbage_frame_logp;
        }
      }
      const int node = g_.AddHmm(states, SegmentKind::kGarbage);
      g_.Connect(hub, node, model_.IsFiller(ci) ? 0.0f : options_.garbage_phone_logp);
      loop.push_back(node);
    }
    const int out = g_.AddNull();
    for (int node : loop) {
      g_.Connect(node, hub, options_.garbage_phone_logp);
      g_.Connect(node, out, 0.0f);
    }
    g_.Connect(out, to, 0.0f);
  }

  int LeftContext(int k) const {
    if (k == 0 || words_[k].line_start) return model_.silence_phone();
    return words_[k - 1].pronunciations.front().back();
  }
  int RightContext(int k) const {
    const std::size_t next = static_cast<std::size_t>(k) + 1;
    if (next >= words_.size() || words_[next].line_start) return model_.silence_phone();
    return words_[next].pronunciations.front().front();
  }

  int PhoneIdAt(const std::vector<int>& pron, std::size_t i, int left, int right) const {
    if (!options_.use_triphones) return pron[i];
    WordPosition pos = WordPosition::kInternal;
    if (pron.size() == 1) {
      pos = WordPosition::kSingle;
    } else if (i == 0) {
      pos = WordPosition::kBegin;
    } else if (i + 1 == pron.size()) {
      pos = WordPosition::kEnd;
    }
    const int lc = i == 0 ? left : pron[i - 1];
    const int rc = i + 1 == pron.size() ? right : pron[i + 1];
    return model_.PhoneId(pron[i], lc, rc, pos);
  }

  std::size_t LastVowel(const std::vector<int>& pron) const {
    std::size_t last = pron.size();
    for (std::size_t i = 0; i < pron.size(); ++i) {
      if (IsVowelPhone(model_.CiPhoneName(pron[i]))) last = i;
    }
    return last;
  }

  // vowel -> [hold] -> returned null node
  int AddHold(int vowel) {
    const int hold = g_.AddHmm({GraphState{kBestVowelSenone, options_.hold_frame_logp, 0.0f}},
                               SegmentKind::kWord);
    const int join = g_.AddNull();
    g_.Connect(vowel, join, 0.0f);
    g_.Connect(vowel, hold, options_.hold_entry_logp);
    g_.Connect(hold, join, 0.0f);
    return join;
  }

  // before -> (pronunciation | ...) -> returned null node
  int AddWord(int k, int before) {
    const GraphWord& word = words_[k];
    const int in = g_.AddNull(g_.AddSegment(SegmentKind::kWord, k));
    g_.Connect(before, in, 0.0f);
    std::vector<int> ends;
    for (std::size_t p = 0; p < word.pronunciations.size(); ++p) {
      const std::vector<int>& pron = word.pronunciations[p];
      int prev = in;
      float logp = p == 0 ? 0.0f : options_.alternative_logp;
      for (std::size_t i = 0; i < pron.size(); ++i) {
        const int phone = PhoneIdAt(pron, i, LeftContext(k), RightContext(k));
        std::vector<GraphState> states = StatesOf(model_, phone, options_.transition_weight);
        const int min_frames =
            word.vocable ? std::max(options_.vowel_min_frames, options_.vocable_vowel_min_frames)
                         : options_.vowel_min_frames;
        if (min_frames > 0 && IsVowelPhone(model_.CiPhoneName(pron[i]))) {
          states = WithMinFrames(states, min_frames);
        }
        const int node = g_.AddHmm(states, SegmentKind::kWord);
        g_.Connect(prev, node, logp);
        logp = 0.0f;
        prev = node;
        if (options_.hold_notes && i == LastVowel(pron)) prev = AddHold(node);
      }
      ends.push_back(prev);
    }
    const int out = g_.AddNull();
    for (int end : ends) g_.Connect(end, out, 0.0f);
    if (word.optional) g_.Connect(before, out, options_.skip_logp);
    return out;
  }

  const AcousticModel& model_;
  const std::vector<GraphWord>& words_;
  const GraphOptions& options_;
  const int noise_phone_;
  AlignmentGraph g_;
};

}  // namespace

AlignmentGraph BuildAlignmentGraph(const AcousticModel& model, const std::vector<GraphWord>& words,
                                   const GraphOptions& options) {
  return GraphBuilder(model, words, options).Build();
}

}  // namespace ytl
