import assert from 'node:assert/strict';
import {test} from 'node:test';

import {findWordIndex, flattenLyrics, formatTime, wordCertainty} from '../timing.js';

const words = [0.5, 1.0, 1.0, 2.25, 4.0].map((start_s) => ({start_s, end_s: start_s + 0.4}));

test('findWordIndex is -1 before the first word and for no words', () => {
  assert.equal(findWordIndex(words, 0), -1);
  assert.equal(findWordIndex(words, 0.49), -1);
  assert.equal(findWordIndex([], 3), -1);
  assert.equal(findWordIndex(words, NaN), -1);
});

test('findWordIndex picks the last word that has started', () => {
  assert.equal(findWordIndex(words, 0.5), 0);
  assert.equal(findWordIndex(words, 0.99), 0);
  assert.equal(findWordIndex(words, 1.0), 2);  // ties: the later word
  assert.equal(findWordIndex(words, 3.9), 3);
  assert.equal(findWordIndex(words, 4.0), 4);
  assert.equal(findWordIndex(words, 1e9), 4);
});

test('findWordIndex agrees with a linear scan on many times', () => {
  const many = Array.from({length: 257}, (_, i) => ({start_s: i * 0.37 + (i % 3) * 0.01}));
  for (let t = -1; t < 100; t += 0.113) {
    let expected = -1;
    many.forEach((w, i) => {
      if (w.start_s <= t) expected = i;
    });
    assert.equal(findWordIndex(many, t), expected, `at ${t}`);
  }
});

test('formatTime reads minutes and seconds, and hours from an hour on', () => {
  assert.equal(formatTime(0), '0:00');
  assert.equal(formatTime(9.99), '0:09');
  assert.equal(formatTime(75), '1:15');
  assert.equal(formatTime(3600 + 62), '1:01:02');
  assert.equal(formatTime(-3), '0:00');
  assert.equal(formatTime(NaN), '0:00');
});

test('flattenLyrics numbers words across lines and keeps their line', () => {
  const {lines, words: flat} = flattenLyrics({
    lines: [
      {
        text: 'a b',
        start_s: 1,
        end_s: 2,
        words: [{text: 'a', start_s: 1}, {text: 'b', start_s: 1.5}]
      },
      {text: 'c', start_s: 3, end_s: 4, words: [{text: 'c', start_s: 3}]},
    ],
  });
  assert.equal(lines.length, 2);
  assert.deepEqual(
      flat.map((w) => [w.text, w.index, w.line]), [['a', 0, 0], ['b', 1, 0], ['c', 2, 1]]);
  assert.equal(lines[1].words[0], flat[2]);
});

test('flattenLyrics makes one line from bare words and survives empty input', () => {
  const {lines, words: flat} = flattenLyrics({words: [{text: 'x', start_s: 2, end_s: 3}]});
  assert.equal(lines.length, 1);
  assert.equal(lines[0].text, 'x');
  assert.equal(lines[0].start_s, 2);
  assert.equal(flat[0].line, 0);
  assert.deepEqual(flattenLyrics(null).words, []);
});

test('wordCertainty flags interpolated and low-confidence words', () => {
  assert.equal(wordCertainty({interpolated: true, confidence: 0.9}), 'estimated');
  assert.equal(wordCertainty({interpolated: false, confidence: 0.05}), 'uncertain');
  assert.equal(wordCertainty({interpolated: false, confidence: 0.25}), '');
  assert.equal(wordCertainty({interpolated: false, confidence: 0.9}), '');
  assert.equal(wordCertainty({}), '');
});
