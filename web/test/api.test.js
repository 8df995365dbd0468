import assert from 'node:assert/strict';
import {test} from 'node:test';

import {ApiClient, ApiError, errorFromResponse} from '../api.js';
import {loadSettings, saveSettings} from '../settings.js';

function recordingFetch(response) {
  const calls = [];
  const fetchImpl = async (url, init) => {
    calls.push({url, ...init});
    return typeof response === 'function' ? response() : response.clone();
  };
  return {calls, fetchImpl};
}

const json = (status, body) =>
    new Response(JSON.stringify(body), {status, headers: {'Content-Type': 'application/json'}});

test('submits a URL as JSON with the API key and base URL', async () => {
  const {calls, fetchImpl} = recordingFetch(json(202, {id: 'j1'}));
  const client = new ApiClient({baseUrl: 'https://api.example/', apiKey: ' k1 ', fetchImpl});
  const job = await client.submitJob({url: 'https://v/x', lyrics: 'la la', language: 'fr'});
  assert.equal(job.id, 'j1');
  assert.equal(calls[0].url, 'https://api.example/v1/jobs');
  assert.equal(calls[0].method, 'POST');
  assert.equal(calls[0].headers.Authorization, 'Bearer k1');
  assert.deepEqual(
      JSON.parse(calls[0].body), {url: 'https://v/x', lyrics: 'la la', language: 'fr'});
});

test('submits a file as multipart with fields audio, lyrics and language', async () => {
  const {calls, fetchImpl} = recordingFetch(json(200, {id: 'j2', existing: true}));
  const client = new ApiClient({fetchImpl});
  const file = new File(['RIFF'], 'song.wav', {type: 'audio/wav'});
  await client.submitJob({file, lyrics: 'words', language: 'en'});
  const form = calls[0].body;
  assert.ok(form instanceof FormData);
  assert.equal(form.get('audio').name, 'song.wav');
  assert.equal(form.get('lyrics'), 'words');
  assert.equal(form.get('language'), 'en');
  assert.equal(calls[0].headers.Authorization, undefined);
  assert.equal(calls[0].headers['Content-Type'], undefined);  // fetch sets the boundary
});

test('shows the API error message, or the status when the body is not JSON', async () => {
  const withBody = await errorFromResponse(
      json(413, {error: {code: 'too_large', message: 'upload over 50 MB'}}));
  assert.deepEqual(
      [withBody.message, withBody.status, withBody.code], ['upload over 50 MB', 413, 'too_large']);
  const bare =
      await errorFromResponse(new Response('<html>', {status: 502, statusText: 'Bad Gateway'}));
  assert.equal(bare.message, 'The server answered 502 Bad Gateway.');
});

test('a refused request rejects with ApiError; an unreachable server says where', async () => {
  const {fetchImpl} = recordingFetch(json(404, {error: {code: 'not_found', message: 'no job j9'}}));
  await assert.rejects(
      new ApiClient({fetchImpl}).getJob('j9'), (e) => e instanceof ApiError && e.status === 404);
  const down = new ApiClient({
    baseUrl: 'http://h:1',
    fetchImpl: async () => {
      throw new TypeError('failed');
    }
  });
  await assert.rejects(
      down.cancelJob('a/b'), /Could not reach the server at http:\/\/h:1\/v1\/jobs\/a%2Fb/);
});

test('settings round-trip through storage and survive garbage', () => {
  const map = new Map();
  const storage = {getItem: (k) => map.get(k) ?? null, setItem: (k, v) => map.set(k, v)};
  assert.deepEqual(loadSettings(storage), {baseUrl: '', apiKey: ''});
  saveSettings(storage, {baseUrl: ' http://b ', apiKey: 'k'});
  assert.deepEqual(loadSettings(storage), {baseUrl: 'http://b', apiKey: 'k'});
  map.set('yt-lyrics.settings', '{not json');
  assert.deepEqual(loadSettings(storage), {baseUrl: '', apiKey: ''});
});
