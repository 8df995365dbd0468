// Agreement between two backends' results for the same song: how far apart their word onsets
// are, overall and per line. Pure.

import {flattenLyrics} from './timing.js';

// Lines whose words differ by more than this many seconds are flagged.
export const DISAGREE_S = 0.3;

const normalize = (text) => String(text ?? '').toLowerCase().replace(/[^\p{L}\p{N}']/gu, '');

// Pairs the words of `a` and `b` (arrays of {text}) that are the same word in reading order:
// the longest common subsequence of their normalised texts, so a word one backend dropped does
// not shift every later pair. Returns [[indexInA, indexInB], ...]. O(len(a) * len(b)).
export function pairWords(a, b) {
  const ta = a.map((w) => normalize(w.text));
  const tb = b.map((w) => normalize(w.text));
  const n = ta.length;
  const m = tb.length;
  const lcs = Array.from({length: n + 1}, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = ta[i] === tb[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const pairs = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (ta[i] === tb[j]) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
      i++;
    } else {
      j++;
    }
  }
  return pairs;
}

// Compares two lyrics.json documents. Lines are those of `a`.
// {pairedWords, unpairedWords, mean_s, max_s (NaN when nothing paired),
//  lines: [{index, text, max_s (NaN: no paired word), disagrees}], disagreeingLines}
export function compareOnsets(a, b, threshold_s = DISAGREE_S) {
  const fa = flattenLyrics(a);
  const fb = flattenLyrics(b);
  const pairs = pairWords(fa.words, fb.words);
  const lineMax = new Array(fa.lines.length).fill(NaN);
  let sum = 0;
  let max = NaN;
  for (const [i, j] of pairs) {
    const diff = Math.abs(fa.words[i].start_s - fb.words[j].start_s);
    sum += diff;
    max = Number.isNaN(max) ? diff : Math.max(max, diff);
    const line = fa.words[i].line;
    lineMax[line] = Number.isNaN(lineMax[line]) ? diff : Math.max(lineMax[line], diff);
  }
  const lines = fa.lines.map((line, index) => ({
    index,
    text: line.text,
    max_s: lineMax[index],
    disagrees: lineMax[index] > threshold_s,
  }));
  return {
    pairedWords: pairs.length,
    unpairedWords: fa.words.length + fb.words.length - 2 * pairs.length,
    mean_s: pairs.length ? sum / pairs.length : NaN,
    max_s: max,
    lines,
    disagreeingLines: lines.filter((l) => l.disagrees).length,
  };
}
