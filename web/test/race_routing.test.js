import assert from 'node:assert/strict';
import {test} from 'node:test';

import {makeRecord} from '../race_history.js';
import {DEFAULT_HEDGE_S, planRace, rankBackends} from '../race_routing.js';

const rec = (backend, outcome, total_s) =>
    makeRecord({backend, outcome, total_s, duration_s: 30, at_ms: 0});

test('race mode starts every backend at once', () => {
  const plan = planRace({mode: 'race', backends: ['a', 'b', 'c']});
  assert.equal(plan.startAtOnce, 3);
  assert.deepEqual(plan.order.map((o) => o.backend), ['a', 'b', 'c']);
});

test('single mode uses the first backend only', () => {
  const plan = planRace({mode: 'single', backends: ['a', 'b']});
  assert.deepEqual(plan.order.map((o) => o.backend), ['a']);
  assert.equal(plan.startAtOnce, 1);
});

test('smart mode puts the historically fastest healthy backend first, hedging at its p90', () => {
  const history = [rec('slow', 'succeeded', 30), rec('slow', 'succeeded', 40),
                   rec('fast', 'succeeded', 10), rec('fast', 'succeeded', 12)];
  const plan = planRace({mode: 'smart', backends: ['slow', 'fast', 'new'], history,
                         bucket: 'under 1 min'});
  assert.deepEqual(plan.order.map((o) => o.backend), ['fast', 'slow', 'new']);
  assert.equal(plan.startAtOnce, 1);
  assert.ok(Math.abs(plan.order[0].hedge_s - 11.8) < 1e-9);
  assert.equal(plan.order[2].hedge_s, DEFAULT_HEDGE_S);
  assert.match(plan.order[0].why, /median 11\.0 s/);
});

test('smart mode tries an unhealthy backend last even when it is fast', () => {
  const history = [rec('flaky', 'succeeded', 1), rec('flaky', 'failed', 1),
                   rec('flaky', 'unreachable', null), rec('ok', 'succeeded', 50)];
  const ranked = rankBackends(history, ['flaky', 'ok'], 'under 1 min');
  assert.deepEqual(ranked.map((r) => r.backend), ['ok', 'flaky']);
  assert.equal(ranked[1].healthy, false);
});

test('smart mode falls back to all buckets when the song bucket has no times', () => {
  const history = [rec('a', 'succeeded', 20), rec('b', 'succeeded', 10)];
  const plan = planRace({mode: 'smart', backends: ['a', 'b'], history, bucket: '4-8 min'});
  assert.deepEqual(plan.order.map((o) => o.backend), ['b', 'a']);
});

test('an unknown mode or an empty list is refused with the fix', () => {
  assert.throws(() => planRace({mode: 'fastest', backends: ['a']}), /use race, smart or single/);
  assert.throws(() => planRace({mode: 'race', backends: []}), /at least one backend/);
});
