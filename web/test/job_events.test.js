import assert from 'node:assert/strict';
import {test} from 'node:test';

import {ApiError} from '../api.js';
import {followJobEvents} from '../job_events.js';

// A Response whose body streams `chunks` one by one.
function streamResponse(chunks) {
  const encoder = new TextEncoder();
  const body = new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
  return new Response(body, {headers: {'Content-Type': 'text/event-stream'}});
}

// A client whose successive openEvents() calls answer from `script` (a Response or an Error).
function fakeClient(script) {
  const calls = [];
  return {
    calls,
    openEvents(id, lastEventId) {
      calls.push({id, lastEventId});
      const next = script.shift();
      return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
    },
  };
}

const ev = (id, type, data) => `id: ${id}\nevent: ${type}\ndata: ${JSON.stringify(data)}\n\n`;

test('delivers every event in order and resolves with the final state', async () => {
  const client = fakeClient([
    streamResponse([
      ev(1, 'state', {state: 'running'}),
      ev(2, 'stage', {stage: 'align'}).slice(0, 10),
      ev(2, 'stage', {stage: 'align'}).slice(10),
      ev(3, 'progress', {stage: 'align', progress: 0.42}),
      ev(4, 'state', {state: 'succeeded'}),
    ]),
  ]);
  const seen = [];
  const final = await followJobEvents({client, jobId: 'j1', onEvent: (e) => seen.push(e)});
  assert.deepEqual(final, {state: 'succeeded'});
  assert.deepEqual(
      seen.map((e) => [e.id, e.type]),
      [['1', 'state'], ['2', 'stage'], ['3', 'progress'], ['4', 'state']]);
  assert.equal(seen[2].data.progress, 0.42);
});

test('reconnects with Last-Event-ID after a dropped stream or a network error', async () => {
  const client = fakeClient([
    streamResponse([ev(1, 'state', {state: 'running'}), ev(2, 'stage', {stage: 'vad'})]),
    new ApiError('Could not reach the server'),
    streamResponse([ev(3, 'state', {state: 'failed', error_message: 'no voice found'})]),
  ]);
  const final = await followJobEvents({client, jobId: 'j2', onEvent: () => {}, retryDelay_ms: 1});
  assert.deepEqual(final, {state: 'failed', error_message: 'no voice found'});
  assert.deepEqual(client.calls.map((c) => c.lastEventId), ['', '2', '2']);
});

test('gives up at once on a client error such as an unknown job', async () => {
  const client = fakeClient([new ApiError('no job abc', {status: 404, code: 'not_found'})]);
  await assert.rejects(followJobEvents({client, jobId: 'abc', onEvent: () => {}}), /no job abc/);
  assert.equal(client.calls.length, 1);
});

test('gives up after maxAttempts failures in a row', async () => {
  const client = fakeClient([new ApiError('down'), new ApiError('down'), new ApiError('down')]);
  await assert.rejects(
      followJobEvents({client, jobId: 'x', onEvent: () => {}, retryDelay_ms: 1, maxAttempts: 3}),
      /down/,
  );
  assert.equal(client.calls.length, 3);
});

test('skips events whose data is not JSON', async () => {
  const client =
      fakeClient([streamResponse(['data: hello\n\n', ev(9, 'state', {state: 'cancelled'})])]);
  const seen = [];
  await followJobEvents({client, jobId: 'x', onEvent: (e) => seen.push(e)});
  assert.deepEqual(seen.map((e) => e.data.state), ['cancelled']);
});
