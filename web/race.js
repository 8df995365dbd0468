// Wires the racing page: the backend list and settings, the race itself (race_runner.js), the
// winner's lyrics in the karaoke view, the agreement between finishers, and the history.

import {ApiClient} from './api.js';
import {KaraokeView} from './karaoke.js';
import {compareOnsets, DISAGREE_S} from './race_agreement.js';
import {initialBackends, loadBackends, parseBackendList, saveBackends} from './race_backends.js';
import {historyChartSvg} from './race_chart.js';
import {appendRecords, clearHistory, durationBucket, historyTable, loadHistory, makeRecord,
        saveHistory} from './race_history.js';
import {planRace} from './race_routing.js';
import {RaceRunner} from './race_runner.js';
import {raceSummary} from './race_state.js';
import {renderHistoryTable, renderRaceTable} from './race_view.js';
import {loadSettings, saveSettings} from './settings.js';

const $ = (id) => document.getElementById(id);
const storage = globalThis.localStorage;
const OPTIONS_KEY = 'yt-lyrics.race.options';

const page = {
  backends: [],
  history: loadHistory(storage),
  runner: null,
  results: new Map(),  // backend -> lyrics.json of a finished job
  mediaUrl: '',
  karaoke: new KaraokeView($('lyrics-view'), $('player')),
};

const client = (backend) => new ApiClient({baseUrl: backend, apiKey: $('api-key').value});

function showError(message) {
  $('error').textContent = message;
  $('error').hidden = !message;
}

// The server's preset list (GET /v1/config), when the page comes from a yt-lyrics server.
async function fetchPreset() {
  try {
    const response = await fetch('v1/config', {headers: {Accept: 'application/json'}});
    return response.ok ? (await response.json()).race_backends ?? [] : [];
  } catch {
    return [];  // Opened from elsewhere (a file, another host): no preset.
  }
}

async function loadBackendList() {
  page.backends = initialBackends(
      {saved: loadBackends(storage), preset: await fetchPreset(), pageOrigin: location.origin});
  $('backends').value = page.backends.join('\n');
}

function onBackendsChange() {
  const {backends, errors} = parseBackendList($('backends').value);
  $('backends-errors').textContent = errors.join(' ');
  page.backends = backends;
  saveBackends(storage, backends);
  renderHistory();
}

function loadOptions() {
  let saved = {};
  try {
    saved = JSON.parse(storage?.getItem(OPTIONS_KEY) ?? '{}') ?? {};
  } catch {
    // Unreadable: the defaults.
  }
  if (['race', 'smart', 'single'].includes(saved.mode)) $('mode').value = saved.mode;
  if (Number(saved.stall_s) > 0) $('stall-s').value = String(saved.stall_s);
  $('cancel-losers').checked = Boolean(saved.cancelLosers);
  $('api-key').value = loadSettings(storage).apiKey;
}

function saveOptions() {
  try {
    storage?.setItem(OPTIONS_KEY, JSON.stringify({
      mode: $('mode').value,
      stall_s: Number($('stall-s').value),
      cancelLosers: $('cancel-losers').checked,
    }));
  } catch {
    // Storage unavailable: options last for this visit.
  }
  saveSettings(storage, {...loadSettings(storage), apiKey: $('api-key').value});
}

// The length of a chosen file in seconds (NaN when the browser cannot tell quickly).
function fileDuration_s(file) {
  if (!file) return Promise.resolve(NaN);
  return new Promise((resolve) => {
    const audio = new Audio();
    const url = URL.createObjectURL(file);
    const done = (value) => {
      URL.revokeObjectURL(url);
      resolve(value);
    };
    audio.addEventListener('loadedmetadata', () => done(audio.duration), {once: true});
    audio.addEventListener('error', () => done(NaN), {once: true});
    setTimeout(() => done(NaN), 3000);
    audio.preload = 'metadata';
    audio.src = url;
  });
}

async function onRace(event) {
  event.preventDefault();
  showError('');
  onBackendsChange();
  const url = $('url').value.trim();
  const file = $('audio').files[0] ?? null;
  if (!url && !file) return showError('Enter a song URL or choose an audio file.');
  if (url && file) return showError('Enter a URL or choose a file, not both.');
  if (page.backends.length === 0) return showError('Add at least one backend URL above.');
  const stall_s = Number($('stall-s').value);
  if (!(stall_s > 0)) return showError('The stall timeout must be a number of seconds above 0.');
  saveOptions();
  page.runner?.abort();
  resetResult();
  const duration_s = await fileDuration_s(file);
  let plan;
  try {
    plan = planRace({mode: $('mode').value, backends: page.backends, history: page.history,
                     bucket: Number.isFinite(duration_s) ? durationBucket(duration_s) : null});
  } catch (err) {
    return showError(err.message);
  }
  $('race').disabled = true;
  $('race-view').hidden = false;
  const runner = new RaceRunner({
    plan,
    job: {url, file, lyrics: $('lyrics').value, language: $('language').value.trim()},
    apiKey: $('api-key').value,
    stall_s,
    cancelLosers: $('cancel-losers').checked,
    onChange: (race) => onRaceChange(runner, race),
  });
  page.runner = runner;
  const race = await runner.start();
  $('race').disabled = false;
  if (page.runner === runner) recordHistory(race, duration_s);
}

function resetResult() {
  page.results.clear();
  $('result-view').hidden = true;
  $('agreement').textContent = '';
  $('player').pause();
  $('player').removeAttribute('src');
  if (page.mediaUrl) URL.revokeObjectURL(page.mediaUrl);
  page.mediaUrl = '';
}

function onRaceChange(runner, race) {
  if (page.runner !== runner) return;
  renderRaceTable($('race-table').tBodies[0], race);
  $('race-summary').textContent = raceSummary(race) || 'Racing…';
  for (const entry of race.entries) {
    if (entry.state === 'succeeded' && !page.results.has(entry.backend)) {
      page.results.set(entry.backend, null);  // fetching
      fetchResult(runner, race, entry);
    }
  }
}

async function fetchResult(runner, race, entry) {
  try {
    const lyrics = await client(entry.backend).getLyrics(entry.jobId);
    if (page.runner !== runner) return;
    page.results.set(entry.backend, lyrics);
    if (entry.backend === race.winner) await showWinner(entry, lyrics);
    showAgreement(race);
  } catch (err) {
    showError(`The result of ${entry.backend} could not be fetched: ${err.message}`);
  }
}

async function showWinner(entry, lyrics) {
  const api = client(entry.backend);
  $('winner').textContent = entry.backend;
  page.karaoke.load(lyrics);
  $('result-view').hidden = false;
  if (api.needsFetchedMedia()) {
    page.mediaUrl = URL.createObjectURL(await api.fetchBlob(api.audioPath(entry.jobId)));
    $('player').src = page.mediaUrl;
  } else {
    $('player').src = api.url(api.audioPath(entry.jobId));
  }
}

// Compares every other finisher with the winner and marks the lines where they disagree.
function showAgreement(race) {
  const winner = page.results.get(race.winner);
  if (!winner) return;
  const texts = [];
  const flagged = new Set();
  for (const [backend, lyrics] of page.results) {
    if (backend === race.winner || !lyrics) continue;
    const r = compareOnsets(winner, lyrics);
    if (r.pairedWords === 0) {
      texts.push(`${backend}: no words in common with the winner.`);
      continue;
    }
    r.lines.filter((l) => l.disagrees).forEach((l) => flagged.add(l.index));
    texts.push(`Agreement with ${backend}: mean onset difference ${r.mean_s.toFixed(3)} s, ` +
               `max ${r.max_s.toFixed(3)} s over ${r.pairedWords} words; ${r.disagreeingLines} ` +
               `line${r.disagreeingLines === 1 ? '' : 's'} differ by more than ${DISAGREE_S} s.`);
  }
  $('agreement').textContent = texts.join(' ');
  $('lyrics-view').querySelectorAll('.line').forEach((line) => {
    line.classList.toggle('disagree', flagged.has(Number(line.dataset.line)));
  });
}

function recordHistory(race, fileDuration) {
  const winnerLyrics = page.results.get(race.winner);
  const duration_s = winnerLyrics?.duration_s ?? fileDuration;
  const records = race.entries.filter((e) => e.startedAt_ms !== null).map((e) => makeRecord({
    backend: e.backend,
    outcome: e.state,
    total_s: e.total_s,
    firstProgress_s: e.firstProgress_s,
    duration_s,
    at_ms: race.startedAt_ms,
  }));
  page.history = appendRecords(page.history, records);
  saveHistory(storage, page.history);
  renderHistory();
}

function renderHistory() {
  const known = [...new Set([...page.backends, ...page.history.map((r) => r.backend)])];
  const rows = historyTable(page.history, known);
  renderHistoryTable($('history-table').tBodies[0], rows);
  $('history-chart').innerHTML = historyChartSvg(rows);
}

$('backends').addEventListener('change', onBackendsChange);
for (const id of ['mode', 'stall-s', 'cancel-losers', 'api-key']) {
  $(id).addEventListener('change', saveOptions);
}
$('race-form').addEventListener('submit', onRace);
$('clear-history').addEventListener('click', () => {
  page.history = [];
  clearHistory(storage);
  renderHistory();
});
loadOptions();
renderHistory();
await loadBackendList();
renderHistory();
