import assert from 'node:assert/strict';
import fs from 'node:fs';
import {test} from 'node:test';

const read = (name) => fs.readFileSync(new URL(`../${name}`, import.meta.url), 'utf8');
const html = read('race.html');
const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);

test('race.html ids are unique', () => {
  assert.equal(new Set(ids).size, ids.length, `duplicate ids in race.html: ${ids}`);
});

test('every element race.js looks up by id exists in race.html', () => {
  const wanted = new Set();
  for (const m of read('race.js').matchAll(/\$\('([^']+)'\)/g)) wanted.add(m[1]);
  assert.ok(wanted.size > 15, `found only ${wanted.size} lookups; did the pattern change?`);
  for (const id of wanted) assert.ok(ids.includes(id), `#${id} is used by race.js but missing`);
});

test('labels and aria references point at elements, and local assets exist', () => {
  for (const m of html.matchAll(/\s(?:for|aria-labelledby|aria-describedby)="([^"]+)"/g)) {
    for (const id of m[1].split(' ')) assert.ok(ids.includes(id), `reference to missing #${id}`);
  }
  for (const m of html.matchAll(/\s(?:src|href)="([^":#]+)"/g)) {
    if (m[1] === './') continue;
    assert.ok(fs.existsSync(new URL(`../${m[1]}`, import.meta.url)), `missing asset ${m[1]}`);
  }
});

test('the race page offers the three routing modes', () => {
  const modes = [...html.matchAll(/<option value="([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(modes, ['race', 'smart', 'single']);
});
