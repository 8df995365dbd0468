// Word timing: which word is sung at a given time, and how times read on screen.
// Pure functions (no DOM), shared by the karaoke view and the unit tests.

// Below this confidence a word is shown as uncertain. The aligner's confidences run low (a clean
// synthetic song has a median near 0.25), so only the weakest words are flagged.
export const LOW_CONFIDENCE = 0.1;

// Index of the word being sung at `time_s`: the last word whose start_s <= time_s, or -1 before
// the first word. `words` must be sorted by start_s (lyrics.json is). O(log n).
export function findWordIndex(words, time_s) {
  if (!Number.isFinite(time_s)) return -1;
  let lo = 0;
  let hi = words.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid].start_s <= time_s) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

// "m:ss" (or "h:mm:ss" from one hour on); invalid or negative input reads "0:00".
export function formatTime(seconds) {
  const total = Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds) : 0;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

// Flattens lyrics.json into lines that know their words and one sorted list of words that know
// their line: {lines: [{text, start_s, end_s, words: [word]}], words: [word]}, where each word
// gets `index` (in `words`) and `line` (index in `lines`). A document with words but no lines
// becomes one line.
export function flattenLyrics(lyrics) {
  const sourceLines = Array.isArray(lyrics?.lines) && lyrics.lines.length > 0 ?
      lyrics.lines :
      [{text: '', words: Array.isArray(lyrics?.words) ? lyrics.words : []}];
  const lines = [];
  const words = [];
  sourceLines.forEach((sourceLine, lineIndex) => {
    const lineWords = (sourceLine.words ?? []).map((w) => {
      const word = {...w, index: words.length, line: lineIndex};
      words.push(word);
      return word;
    });
    lines.push({
      text: sourceLine.text || lineWords.map((w) => w.text).join(' '),
      start_s: sourceLine.start_s ?? lineWords[0]?.start_s ?? 0,
      end_s: sourceLine.end_s ?? lineWords.at(-1)?.end_s ?? 0,
      words: lineWords,
    });
  });
  return {lines, words};
}

// How sure the timing of `word` is: "estimated" (interpolated between aligned neighbours),
// "uncertain" (aligned with low confidence) or "" (aligned).
export function wordCertainty(word) {
  if (word.interpolated) return 'estimated';
  if (typeof word.confidence === 'number' && word.confidence < LOW_CONFIDENCE) return 'uncertain';
  return '';
}
