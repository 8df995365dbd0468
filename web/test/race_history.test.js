import assert from 'node:assert/strict';
import {test} from 'node:test';

import {
  appendRecords, durationBucket, historyTable, loadHistory, makeRecord, MAX_RECORDS, percentile,
  saveHistory, summarize, UNKNOWN_BUCKET,
} from '../race_history.js';

const record = (backend, outcome, total_s, duration_s = 30) =>
    makeRecord({backend, outcome, total_s, duration_s, at_ms: 0});

test('percentile interpolates between closest ranks', () => {
  assert.equal(percentile([5, 1, 3], 50), 3);
  assert.equal(percentile([1, 2, 3, 4], 50), 2.5);
  assert.ok(Math.abs(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90) - 9.1) < 1e-9);
  assert.equal(percentile([7], 90), 7);
  assert.ok(Number.isNaN(percentile([], 50)));
});

test('songs fall into duration buckets by length', () => {
  assert.equal(durationBucket(12), 'under 1 min');
  assert.equal(durationBucket(60), '1-4 min');
  assert.equal(durationBucket(239.9), '1-4 min');
  assert.equal(durationBucket(300), '4-8 min');
  assert.equal(durationBucket(3600), '8 min and over');
  assert.equal(durationBucket(undefined), UNKNOWN_BUCKET);
  assert.equal(durationBucket(NaN), UNKNOWN_BUCKET);
});

test('summary counts successes, leaves cancelled runs out, and times successes only', () => {
  const history = [
    record('a', 'succeeded', 10), record('a', 'succeeded', 20), record('a', 'failed', 1),
    record('a', 'cancelled', 2), record('a', 'succeeded', 30), record('b', 'succeeded', 99),
  ];
  const a = summarize(history, 'a');
  assert.equal(a.runs, 4);
  assert.equal(a.successes, 3);
  assert.equal(a.successRate, 0.75);
  assert.equal(a.median_s, 20);
  assert.equal(a.p90_s, 28);
  const none = summarize(history, 'c');
  assert.equal(none.runs, 0);
  assert.ok(Number.isNaN(none.successRate));
  assert.ok(Number.isNaN(none.median_s));
});

test('summary by bucket keeps only that bucket', () => {
  const history = [record('a', 'succeeded', 10, 30), record('a', 'succeeded', 50, 200)];
  assert.equal(summarize(history, 'a', 'under 1 min').median_s, 10);
  assert.equal(summarize(history, 'a', '1-4 min').median_s, 50);
});

test('history table has one row per backend and bucket with runs, in list order', () => {
  const history = [record('b', 'succeeded', 5, 30), record('a', 'failed', 1, 200),
                   record('a', 'succeeded', 8, 30)];
  const rows = historyTable(history, ['a', 'b', 'c']);
  assert.deepEqual(rows.map((r) => `${r.backend}/${r.bucket}/${r.runs}`),
                   ['a/under 1 min/1', 'a/1-4 min/1', 'b/under 1 min/1']);
});

test('history survives a save and load and keeps the newest records', () => {
  const store = new Map();
  const storage = {getItem: (k) => store.get(k) ?? null, setItem: (k, v) => store.set(k, v)};
  let history = [];
  for (let i = 0; i < MAX_RECORDS + 5; i++) {
    history = appendRecords(history, [record('a', 'succeeded', i)]);
  }
  assert.equal(history.length, MAX_RECORDS);
  assert.equal(history[0].total_s, 5);
  saveHistory(storage, history);
  assert.deepEqual(loadHistory(storage), history);
  store.set('yt-lyrics.race.history', 'not json');
  assert.deepEqual(loadHistory(storage), []);
});
