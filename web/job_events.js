// Follows a job's Server-Sent Events until its final state, reconnecting with Last-Event-ID
// when the connection drops.

import {ApiError, TERMINAL_STATES} from './api.js';
import {SseParser} from './sse.js';

const sleep = (ms, signal) => new Promise((resolve, reject) => {
  const timer = setTimeout(resolve, ms);
  signal?.addEventListener('abort', () => {
    clearTimeout(timer);
    reject(signal.reason ?? new DOMException('aborted', 'AbortError'));
  });
});

// Calls onEvent({type, id, data}) for every event ("state" | "stage" | "progress", data parsed
// from JSON) and resolves with the final state's data ({state, error_code, error_message, ...}).
// Rejects with the ApiError of a refused request (4xx), after `maxAttempts` failed connections in
// a row, or when `signal` aborts.
export async function followJobEvents({
  client,
  jobId,
  onEvent,
  signal,
  retryDelay_ms = 1000,
  maxAttempts = 5,
}) {
  const parser = new SseParser();
  let failures = 0;
  for (;;) {
    try {
      const response = await client.openEvents(jobId, parser.lastEventId, signal);
      const final = await readEvents(response, parser, onEvent);
      if (final) return final;
      failures = 0;  // The stream ended early but worked: reconnect and resume.
    } catch (err) {
      if (err?.name === 'AbortError' || signal?.aborted) throw err;
      if (err instanceof ApiError && err.status >= 400 && err.status < 500) throw err;
      if (++failures >= maxAttempts) throw err;
    }
    await sleep(parser.retry_ms ?? retryDelay_ms, signal);
  }
}

// Reads one response body to its end; returns the final state's data when it arrived.
async function readEvents(response, parser, onEvent) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  try {
    for (;;) {
      const {value, done} = await reader.read();
      const text = done ? decoder.decode() : decoder.decode(value, {stream: true});
      const events = parser.push(text);
      if (done) events.push(...parser.end());
      for (const event of events) {
        let data;
        try {
          data = JSON.parse(event.data);
        } catch {
          continue;  // Not ours to understand; the stream goes on.
        }
        onEvent({type: event.event, id: event.id, data});
        if (event.event === 'state' && TERMINAL_STATES.has(data?.state)) return data;
      }
      if (done) return null;
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}
