import assert from 'node:assert/strict';
import {test} from 'node:test';

import {ApiError} from '../api.js';
import {RaceRunner} from '../race_runner.js';
import {planRace} from '../race_routing.js';

const sse = (events) => {
  const text = events.map(([id, type, data]) =>
      `id: ${id}\nevent: ${type}\ndata: ${JSON.stringify(data)}\n\n`).join('');
  return new Response(text, {headers: {'Content-Type': 'text/event-stream'}});
};

// A backend that accepts the job and streams `events` after `delay_ms`, or fails to submit.
function fakeBackend({delay_ms = 0, events = [], submitError = null}) {
  const calls = [];
  return {
    calls,
    async submitJob(job) {
      calls.push(['submit', job.url]);
      if (submitError) throw submitError;
      return {id: 'job1', state: 'queued'};
    },
    async openEvents(id) {
      calls.push(['events', id]);
      await new Promise((r) => setTimeout(r, delay_ms));
      return sse(events);
    },
    async getJob(id) {
      calls.push(['get', id]);
      return {id, state: 'failed', error: {code: 'internal', message: 'from the job'}};
    },
    async cancelJob(id) {
      calls.push(['cancel', id]);
    },
  };
}

const succeeded = [[1, 'stage', {stage: 'decode'}], [2, 'state', {state: 'succeeded'}]];

test('the runner drives a race over the clients to its winner and drop-outs', async () => {
  const backends = {
    fast: fakeBackend({delay_ms: 10, events: succeeded}),
    slow: fakeBackend({delay_ms: 150, events: succeeded}),
    down: fakeBackend({submitError: new ApiError('Could not reach the server at down')}),
    broken: fakeBackend({events: [[1, 'stage', {stage: 'vad'}],
                                  [2, 'state', {state: 'failed', error_message: 'boom'}]]}),
  };
  const changes = [];
  const runner = new RaceRunner({
    plan: planRace({mode: 'race', backends: Object.keys(backends)}),
    job: {url: 'https://song'},
    stall_s: 60,
    cancelLosers: true,
    clientFor: (b) => backends[b],
    onChange: (race) => changes.push(race.winner),
    tick_ms: 5,
  });
  const race = await runner.start();
  assert.equal(race.winner, 'fast');
  assert.ok(changes.includes('fast'));
  const byName = Object.fromEntries(race.entries.map((e) => [e.backend, e]));
  assert.equal(byName.down.state, 'unreachable');
  assert.equal(byName.broken.state, 'failed');
  assert.equal(byName.broken.reason, 'failed at vad: boom');
  assert.equal(byName.slow.state, 'cancelled');
  assert.deepEqual(backends.slow.calls.at(-1), ['cancel', 'job1']);
  assert.equal(race.finished, true);
});

test('a failure without a reason in the event stream takes it from the job', async () => {
  const backends = {a: fakeBackend({events: [[1, 'stage', {stage: 'vad'}],
                                             [2, 'state', {state: 'failed'}]]})};
  const runner = new RaceRunner({plan: planRace({mode: 'race', backends: ['a']}), job: {url: 'u'},
                                 stall_s: 60, clientFor: (x) => backends[x], tick_ms: 5});
  const race = await runner.start();
  assert.equal(race.entries[0].reason, 'failed at vad: from the job');
});

test('the runner fails over in smart mode when the first backend is refused', async () => {
  const backends = {
    a: fakeBackend({submitError: new ApiError('Too many jobs', {status: 429})}),
    b: fakeBackend({events: succeeded}),
  };
  const plan = {mode: 'smart', startAtOnce: 1,
                order: [{backend: 'a', hedge_s: 100, why: ''}, {backend: 'b', hedge_s: 100, why: ''}]};
  const runner = new RaceRunner({plan, job: {url: 'u'}, stall_s: 60, clientFor: (x) => backends[x],
                                 tick_ms: 5});
  const race = await runner.start();
  assert.equal(race.winner, 'b');
  assert.equal(race.entries[0].state, 'failed');
  assert.equal(race.entries[0].reason, 'refused: Too many jobs');
});
