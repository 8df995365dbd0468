import assert from 'node:assert/strict';
import {test} from 'node:test';

import {compareOnsets, pairWords} from '../race_agreement.js';

const lyrics = (lines) => ({
  lines: lines.map((words) => ({
    text: words.map(([t]) => t).join(' '),
    words: words.map(([text, start_s]) => ({text, start_s, end_s: start_s + 0.2})),
  })),
});

test('identical results agree exactly', () => {
  const a = lyrics([[['Hello', 1], ['world', 1.5]], [['again', 3]]]);
  const r = compareOnsets(a, structuredClone(a));
  assert.equal(r.pairedWords, 3);
  assert.equal(r.mean_s, 0);
  assert.equal(r.max_s, 0);
  assert.equal(r.disagreeingLines, 0);
});

test('mean and max onset differences, and lines over 0.3 s flagged', () => {
  const a = lyrics([[['one', 1], ['two', 2]], [['three', 3], ['four', 4]]]);
  const b = lyrics([[['one', 1.1], ['two', 2.1]], [['three', 3.5], ['four', 4]]]);
  const r = compareOnsets(a, b);
  assert.ok(Math.abs(r.mean_s - 0.175) < 1e-9);
  assert.ok(Math.abs(r.max_s - 0.5) < 1e-9);
  assert.deepEqual(r.lines.map((l) => l.disagrees), [false, true]);
  assert.equal(r.disagreeingLines, 1);
  assert.equal(r.lines[1].text, 'three four');
});

test('a word only one side has does not shift the pairs after it', () => {
  const a = [{text: 'la'}, {text: 'Hello,'}, {text: 'world'}];
  const b = [{text: 'hello'}, {text: 'World!'}];
  assert.deepEqual(pairWords(a, b), [[1, 0], [2, 1]]);
  const r = compareOnsets(lyrics([[['la', 0], ['Hello,', 1], ['world', 2]]]),
                          lyrics([[['hello', 1], ['World!', 2.2]]]));
  assert.equal(r.unpairedWords, 1);
  assert.ok(Math.abs(r.max_s - 0.2) < 1e-9);
});

test('nothing to compare gives NaN, not zero', () => {
  const r = compareOnsets({lines: []}, {lines: []});
  assert.equal(r.pairedWords, 0);
  assert.ok(Number.isNaN(r.mean_s));
  assert.ok(Number.isNaN(r.max_s));
});
