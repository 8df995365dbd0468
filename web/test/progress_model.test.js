import assert from 'node:assert/strict';
import {test} from 'node:test';

import {applyEvent, createProgress, stageLabel} from '../progress_model.js';

test('stages appear in order and the previous one is done when the next starts', () => {
  const model = createProgress();
  applyEvent(model, {type: 'state', data: {state: 'running'}});
  applyEvent(model, {type: 'stage', data: {stage: 'decode'}});
  applyEvent(model, {type: 'progress', data: {stage: 'decode', progress: 0.5}});
  applyEvent(model, {type: 'stage', data: {stage: 'align'}});
  applyEvent(model, {type: 'progress', data: {stage: 'align', progress: 1.7}});
  assert.equal(model.current, 'align');
  assert.deepEqual(model.stages, [
    {name: 'decode', progress: 1, done: true},
    {name: 'align', progress: 1, done: false},
  ]);
});

test('a progress event for a new stage starts it; queued turns running', () => {
  const model = createProgress('queued');
  applyEvent(model, {type: 'progress', data: {stage: 'vad', progress: 0.25}});
  assert.equal(model.state, 'running');
  assert.deepEqual(model.stages, [{name: 'vad', progress: 0.25, done: false}]);
});

test('final states: success completes every stage, failure keeps the error', () => {
  const ok = createProgress('running');
  applyEvent(ok, {type: 'stage', data: {stage: 'align'}});
  applyEvent(ok, {type: 'state', data: {state: 'succeeded'}});
  assert.deepEqual([ok.state, ok.current, ok.stages[0].done], ['succeeded', '', true]);

  const bad = createProgress('running');
  applyEvent(bad,
             {type: 'state', data: {state: 'failed', error_code: 'x', error_message: 'bad audio'}});
  assert.deepEqual([bad.state, bad.error], ['failed', 'bad audio']);
});

test('ignores malformed events', () => {
  const model = createProgress();
  applyEvent(model, {type: 'stage', data: null});
  applyEvent(model, {type: 'stage', data: {progress: 1}});
  assert.deepEqual(model, createProgress());
});

test('stage labels read as words, unknown stages by name', () => {
  assert.equal(stageLabel('align'), 'Aligning the words');
  assert.equal(stageLabel('mystery'), 'Mystery');
});
