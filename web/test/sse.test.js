import assert from 'node:assert/strict';
import {test} from 'node:test';

import {SseParser} from '../sse.js';

test('parses events with id, type and data', () => {
  const parser = new SseParser();
  const events = parser.push(
      'id: 1\nevent: state\ndata: {"state":"running"}\n\n' +
      'id: 2\nevent: stage\ndata: {"stage":"align"}\n\n');
  assert.deepEqual(events, [
    {id: '1', event: 'state', data: '{"state":"running"}'},
    {id: '2', event: 'stage', data: '{"stage":"align"}'},
  ]);
  assert.equal(parser.lastEventId, '2');
});

test('joins events split across chunks anywhere, including inside CRLF', () => {
  const text =
      'id: 7\r\nevent: progress\r\ndata: {"stage":"align",\r\ndata: "progress":0.5}\r\n\r\n';
  for (let cut = 0; cut <= text.length; cut++) {
    const parser = new SseParser();
    const events = [...parser.push(text.slice(0, cut)), ...parser.push(text.slice(cut))];
    assert.deepEqual(
        events, [{id: '7', event: 'progress', data: '{"stage":"align",\n"progress":0.5}'}],
        `cut at ${cut}`);
  }
});

test('ignores comments and unknown fields; dispatches only blocks with a data line', () => {
  const parser = new SseParser();
  const events = parser.push(': keep-alive\n\nfoo: bar\nid: 3\n\ndata\n\n');
  assert.deepEqual(events, [{id: '3', event: 'message', data: ''}]);  // only "data" dispatches
  assert.equal(parser.lastEventId, '3');
});

test('handles bare CR line ends, a BOM, field without space and retry', () => {
  const parser = new SseParser();
  const events = parser.push('\uFEFFretry: 2500\revent:state\rdata:{"state":"succeeded"}\r\r');
  assert.deepEqual(events, [], 'the last "\\r" may be half of a CRLF');
  assert.deepEqual(parser.end(), [{id: '', event: 'state', data: '{"state":"succeeded"}'}]);
  assert.equal(parser.retry_ms, 2500);
});

test('an unfinished event is not dispatched', () => {
  const parser = new SseParser();
  assert.deepEqual(parser.push('event: state\ndata: {}\n'), []);
});
