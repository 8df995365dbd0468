import assert from 'node:assert/strict';
import {test} from 'node:test';

import {planRace} from '../race_routing.js';
import {applyRaceEvent, createRace, raceSummary, takeActions} from '../race_state.js';

const starts = (actions) => actions.filter((a) => a.type === 'start').map((a) => a.backend);
const cancels = (actions) => actions.filter((a) => a.type === 'cancel').map((a) => a.backend);
const job = (backend, type, data) => ({type: 'job', backend, event: {type, data}});

function newRace(mode, backends, options = {}) {
  const plan = options.plan ?? planRace({mode, backends});
  return createRace({plan, now_ms: 0, ...options});
}

test('race: all start, the first success wins, the others run on', () => {
  const race = newRace('race', ['a', 'b']);
  assert.deepEqual(starts(takeActions(race, 0)), ['a', 'b']);
  applyRaceEvent(race, {type: 'submitted', backend: 'a', jobId: 'ja'}, 100);
  applyRaceEvent(race, {type: 'submitted', backend: 'b', jobId: 'jb'}, 100);
  applyRaceEvent(race, job('a', 'stage', {stage: 'decode'}), 400);
  applyRaceEvent(race, job('b', 'progress', {stage: 'align', progress: 0.5}), 500);
  applyRaceEvent(race, job('b', 'state', {state: 'succeeded'}), 2000);
  assert.deepEqual(takeActions(race, 2000), []);
  assert.equal(race.winner, 'b');
  const [a, b] = race.entries;
  assert.equal(a.firstProgress_s, 0.4);
  assert.equal(b.firstProgress_s, 0.5);
  assert.equal(b.total_s, 2);
  assert.equal(b.progress, 0.5);
  assert.equal(a.state, 'running');
  assert.equal(race.finished, false);
  applyRaceEvent(race, job('a', 'state', {state: 'succeeded'}), 3000);
  takeActions(race, 3000);
  assert.equal(race.winner, 'b');
  assert.equal(race.finished, true);
  assert.match(raceSummary(race), /^b won in 2\.0 s\./);
});

test('race with cancelLosers: losers are cancelled once one wins', () => {
  const race = newRace('race', ['a', 'b', 'c'], {cancelLosers: true});
  takeActions(race, 0);
  applyRaceEvent(race, {type: 'submitted', backend: 'a', jobId: 'ja'}, 10);
  applyRaceEvent(race, {type: 'submitted', backend: 'b', jobId: 'jb'}, 10);
  applyRaceEvent(race, job('a', 'state', {state: 'succeeded'}), 50);
  const actions = takeActions(race, 50);
  assert.deepEqual(actions, [{type: 'cancel', backend: 'b', jobId: 'jb'}]);
  assert.equal(race.entries[1].state, 'cancelled');
  assert.equal(race.entries[2].state, 'cancelled');  // c was still submitting
  assert.equal(race.finished, true);
});

test('failover: an unreachable, a failed and a stalled backend drop out with their reason', () => {
  const race = newRace('race', ['down', 'broken', 'stuck', 'ok'], {stall_s: 5});
  takeActions(race, 0);
  applyRaceEvent(race, {type: 'error', backend: 'down', unreachable: true,
                        message: 'Could not reach the server'}, 20);
  for (const b of ['broken', 'stuck', 'ok']) {
    applyRaceEvent(race, {type: 'submitted', backend: b, jobId: `j-${b}`}, 30);
  }
  applyRaceEvent(race, job('broken', 'stage', {stage: 'align'}), 1000);
  applyRaceEvent(race, job('broken', 'state', {state: 'failed', error_message: 'fault injected'}), 1100);
  applyRaceEvent(race, job('ok', 'progress', {stage: 'separate', progress: 0.2}), 4000);
  applyRaceEvent(race, {type: 'tick'}, 5500);
  const actions = takeActions(race, 5500);
  const [down, broken, stuck, ok] = race.entries;
  assert.equal(down.state, 'unreachable');
  assert.match(down.reason, /^unreachable: Could not reach/);
  assert.equal(broken.state, 'failed');
  assert.equal(broken.reason, 'failed at align: fault injected');
  assert.equal(stuck.state, 'stalled');
  assert.equal(stuck.reason, 'stalled: no progress for 5 s');
  assert.deepEqual(cancels(actions), ['stuck']);  // a stalled job is cancelled to free its worker
  assert.equal(ok.state, 'running');
  assert.equal(race.winner, null);
  applyRaceEvent(race, job('ok', 'state', {state: 'succeeded'}), 7000);
  takeActions(race, 7000);
  assert.equal(race.winner, 'ok');
  assert.equal(race.finished, true);
  const summary = raceSummary(race);
  assert.match(summary, /ok won in 7\.0 s\./);
  assert.match(summary, /down dropped out \(unreachable/);
  assert.match(summary, /stuck dropped out \(stalled/);
});

test('a refused submission counts as failed, not unreachable', () => {
  const race = newRace('race', ['a']);
  takeActions(race, 0);
  applyRaceEvent(race, {type: 'error', backend: 'a', unreachable: false, message: 'API key needed'}, 5);
  takeActions(race, 5);
  assert.equal(race.entries[0].state, 'failed');
  assert.equal(race.entries[0].reason, 'refused: API key needed');
  assert.equal(race.finished, true);
  assert.equal(raceSummary(race).startsWith('No backend succeeded.'), true);
});

function smartRace() {
  const plan = {mode: 'smart', startAtOnce: 1, order: [
    {backend: 'fast', hedge_s: 10, why: ''}, {backend: 'slow', hedge_s: 30, why: ''},
    {backend: 'spare', hedge_s: 60, why: ''}]};
  return newRace('smart', [], {plan, stall_s: 1000});
}

test('smart: starts the first only, hedges to the next after its p90', () => {
  const race = smartRace();
  assert.deepEqual(starts(takeActions(race, 0)), ['fast']);
  applyRaceEvent(race, {type: 'submitted', backend: 'fast', jobId: 'jf'}, 10);
  assert.deepEqual(takeActions(race, 9999), []);
  assert.deepEqual(starts(takeActions(race, 10_000)), ['slow']);
  assert.equal(race.entries[0].hedged, true);
  assert.equal(race.entries[1].startedBecause, 'hedge: fast not done within its p90 of 10.0 s');
  assert.equal(race.entries[0].startedBecause, '');
  assert.deepEqual(takeActions(race, 20_000), []);  // slow's own hedge time has not come
  applyRaceEvent(race, job('fast', 'state', {state: 'succeeded'}), 21_000);
  takeActions(race, 21_000);
  assert.equal(race.winner, 'fast');
  assert.equal(race.entries[2].state, 'skipped');
  assert.equal(race.entries[1].state, 'submitting');  // keeps running: cancelLosers is off
});

test('smart: fails over to the next at once when the first drops out', () => {
  const race = smartRace();
  takeActions(race, 0);
  applyRaceEvent(race, {type: 'error', backend: 'fast', unreachable: true, message: 'down'}, 50);
  assert.deepEqual(starts(takeActions(race, 50)), ['slow']);
  assert.equal(race.entries[1].startedBecause, 'failover: no backend left running');
});

test('single: never starts another backend', () => {
  const plan = planRace({mode: 'single', backends: ['a', 'b']});
  const race = createRace({plan, now_ms: 0});
  takeActions(race, 0);
  applyRaceEvent(race, {type: 'error', backend: 'a', unreachable: true, message: 'down'}, 1);
  assert.deepEqual(takeActions(race, 1), []);
  assert.equal(race.finished, true);
  assert.equal(race.entries.length, 1);
});
