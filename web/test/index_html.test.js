import assert from 'node:assert/strict';
import fs from 'node:fs';
import {test} from 'node:test';

const read = (name) => fs.readFileSync(new URL(`../${name}`, import.meta.url), 'utf8');
const html = read('index.html');
const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);

test('index.html ids are unique', () => {
  const seen = new Set();
  for (const id of ids) {
    assert.ok(!seen.has(id), `id "${id}" appears twice in index.html`);
    seen.add(id);
  }
});

test('every element the scripts look up by id exists in index.html', () => {
  const wanted = new Set();
  for (const name of ['app.js', 'karaoke.js', 'progress_view.js']) {
    for (const m of read(name).matchAll(/\$\('([^']+)'\)|getElementById\('([^']+)'\)/g)) {
      wanted.add(m[1] ?? m[2]);
    }
  }
  assert.ok(wanted.size > 10, `found only ${wanted.size} lookups; did the pattern change?`);
  for (const id of wanted) assert.ok(ids.includes(id), `#${id} is used by the scripts but missing`);
});

test('every label, aria reference and local asset points at something that exists', () => {
  for (const m of html.matchAll(/\s(?:for|aria-labelledby|aria-describedby)="([^"]+)"/g)) {
    for (const id of m[1].split(' ')) assert.ok(ids.includes(id), `reference to missing #${id}`);
  }
  for (const m of html.matchAll(/\s(?:src|href)="([a-z_]+\.(?:js|css))"/g)) {
    assert.ok(fs.existsSync(new URL(`../${m[1]}`, import.meta.url)), `${m[1]} is missing`);
  }
});
