import assert from 'node:assert/strict';
import {test} from 'node:test';

import {initialBackends, loadBackends, normalizeBackend, parseBackendList, saveBackends}
    from '../race_backends.js';

test('backend URLs are normalised to origin and path without a trailing slash', () => {
  assert.equal(normalizeBackend(' https://a.example.com/ '), 'https://a.example.com');
  assert.equal(normalizeBackend('http://127.0.0.1:8080/lyrics//'), 'http://127.0.0.1:8080/lyrics');
  assert.throws(() => normalizeBackend('ftp://x'), /not an http\(s\) URL/);
  assert.throws(() => normalizeBackend('lyrics.example.com'), /not a URL; write it like/);
});

test('the list drops blank lines and duplicates and reports bad lines', () => {
  const {backends, errors} =
      parseBackendList('https://a.fly.dev\n\nhttps://a.fly.dev/\nnope\nhttps://b.up.railway.app');
  assert.deepEqual(backends, ['https://a.fly.dev', 'https://b.up.railway.app']);
  assert.equal(errors.length, 1);
  assert.match(errors[0], /"nope" is not a URL/);
});

test('a saved list wins over the server preset, which wins over this origin', () => {
  const pageOrigin = 'http://localhost:8080';
  assert.deepEqual(initialBackends({saved: ['https://x'], preset: ['https://y'], pageOrigin}),
                   ['https://x']);
  assert.deepEqual(initialBackends({saved: null, preset: ['https://y/'], pageOrigin}), ['https://y']);
  assert.deepEqual(initialBackends({saved: [], preset: [], pageOrigin}), [pageOrigin]);
  assert.deepEqual(initialBackends({saved: null, preset: null, pageOrigin: 'null'}), []);
});

test('the list survives a save and load', () => {
  const store = new Map();
  const storage = {getItem: (k) => store.get(k) ?? null, setItem: (k, v) => store.set(k, v)};
  assert.equal(loadBackends(storage), null);
  saveBackends(storage, ['https://a', 'https://b']);
  assert.deepEqual(loadBackends(storage), ['https://a', 'https://b']);
});
