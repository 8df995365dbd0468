// Wires the page: the submission form, the live progress of a job, and the karaoke view.
// The job being shown lives in the URL (#job=ID) so a reload or a shared link comes back to it.

import {ApiClient, LYRICS_FORMATS, TERMINAL_STATES} from './api.js';
import {followJobEvents} from './job_events.js';
import {KaraokeView} from './karaoke.js';
import {applyEvent, createProgress} from './progress_model.js';
import {renderProgress} from './progress_view.js';
import {loadSettings, saveSettings} from './settings.js';

const $ = (id) => document.getElementById(id);
const views = ['submit-view', 'progress-view', 'karaoke-view'];

const page = {
  settings: loadSettings(globalThis.localStorage),
  file: null,
  jobId: '',
  follow: null,  // AbortController of the event stream being followed
  mediaUrl: '',  // blob: URL of fetched audio, revoked on leave
  karaoke: new KaraokeView($('lyrics-view'), $('player')),
};

const client = () => new ApiClient(page.settings);

// Shows one view; `focus` moves keyboard and screen-reader focus to its heading.
function showView(id, {focus = true} = {}) {
  const changed = $(id).hidden;
  for (const view of views) $(view).hidden = view !== id;
  if (focus && changed) $(id).querySelector('h2').focus();
}

function showError(message) {
  $('error').textContent = message;
  $('error').hidden = !message;
}

function setFile(file) {
  page.file = file ?? null;
  $('file-name').textContent = page.file ? page.file.name : '';
  $('clear-file').hidden = !page.file;
  if (!page.file) $('audio').value = '';
}

async function onSubmit(event) {
  event.preventDefault();
  showError('');
  const url = $('url').value.trim();
  if (!url && !page.file) return showError('Enter a song URL or choose an audio file.');
  if (url && page.file) return showError('Enter a URL or choose a file, not both.');
  $('submit').disabled = true;
  try {
    const job = await client().submitJob({
      url,
      file: page.file,
      lyrics: $('lyrics').value,
      language: $('language').value.trim(),
    });
    const hash = `#job=${encodeURIComponent(job.id)}`;
    page.jobId = '';  // An existing job ("existing": true) may be the one on screen: reopen it.
    if (location.hash === hash) {
      route();
    } else {
      location.hash = hash;  // hashchange opens the job
    }
  } catch (err) {
    showError(err.message);
  } finally {
    $('submit').disabled = false;
  }
}

function leaveJob() {
  page.follow?.abort();
  page.follow = null;
  page.jobId = '';
  $('player').pause();
  $('player').removeAttribute('src');
  $('player').load();  // drops the old song's buffered media
  if (page.mediaUrl) URL.revokeObjectURL(page.mediaUrl);
  page.mediaUrl = '';
}

async function openJob(id) {
  leaveJob();
  page.jobId = id;
  showError('');
  const model = createProgress();
  const render = () => renderProgress(model, {list: $('stages'), status: $('progress-state')});
  render();
  $('cancel').hidden = false;
  $('cancel').disabled = false;
  $('progress-back').hidden = true;
  showView('progress-view');
  const follow = new AbortController();
  page.follow = follow;
  try {
    const job = await client().getJob(id);
    let final = {state: job.state, error_message: job.error?.message ?? ''};
    if (!TERMINAL_STATES.has(job.state)) {
      applyEvent(model, {type: 'state', data: {state: job.state}});
      if (job.stage) applyEvent(model, {type: 'stage', data: {stage: job.stage}});
      render();
      final = await followJobEvents({
        client: client(),
        jobId: id,
        signal: follow.signal,
        onEvent: (e) => render(applyEvent(model, e)),
      });
    }
    if (page.jobId === id) await finishJob(id, model, final, render);
  } catch (err) {
    if (follow.signal.aborted) return;
    showError(err.message);
    $('cancel').hidden = true;
    $('progress-back').hidden = false;
  }
}

async function finishJob(id, model, final, render) {
  applyEvent(model, {type: 'state', data: final});
  render();
  $('cancel').hidden = true;
  $('progress-back').hidden = false;
  if (final.state === 'succeeded') return openKaraoke(id);
  if (final.state === 'failed') {
    showError(final.error_message || 'The job failed; try another file or URL.');
  }
}

async function openKaraoke(id) {
  const api = client();
  const lyrics = await api.getLyrics(id);
  const audio = $('player');
  if (api.needsFetchedMedia()) {
    page.mediaUrl = URL.createObjectURL(await api.fetchBlob(api.audioPath(id)));
    audio.src = page.mediaUrl;
  } else {
    audio.src = api.url(api.audioPath(id));
  }
  page.karaoke.load(lyrics);
  renderDownloads(id);
  showView('karaoke-view');
}

function renderDownloads(id) {
  const api = client();
  const items = LYRICS_FORMATS.map((format) => {
    const a = document.createElement('a');
    a.href = api.url(api.lyricsPath(id, format));
    a.download = `lyrics-${id}.${format}`;
    a.textContent = format.toUpperCase();
    a.setAttribute('aria-label', `Download lyrics as ${format.toUpperCase()}`);
    a.addEventListener('click', (e) => downloadWithFetch(e, api, id, format));
    const li = document.createElement('li');
    li.append(a);
    return li;
  });
  $('download-list').replaceChildren(...items);
}

// Links cannot send the API key, and browsers ignore `download` across origins: fetch the
// file instead and save it from a blob.
async function downloadWithFetch(event, api, id, format) {
  const crossOrigin = new URL(event.currentTarget.href).origin !== location.origin;
  if (!api.needsFetchedMedia() && !crossOrigin) return;
  event.preventDefault();
  try {
    const blobUrl = URL.createObjectURL(await api.fetchBlob(api.lyricsPath(id, format)));
    const a = Object.assign(document.createElement('a'), {
      href: blobUrl,
      download: `lyrics-${id}.${format}`,
    });
    a.click();
    setTimeout(() => URL.revokeObjectURL(blobUrl), 10_000);
  } catch (err) {
    showError(err.message);
  }
}

async function onCancel() {
  $('cancel').disabled = true;
  try {
    await client().cancelJob(page.jobId);
  } catch (err) {
    showError(err.message);
    $('cancel').disabled = false;
  }
}

function route() {
  const id = new URLSearchParams(location.hash.slice(1)).get('job');
  if (id) {
    if (id !== page.jobId) openJob(id);
  } else {
    leaveJob();
    showView('submit-view', {focus: false});
  }
}

function bindDropZone() {
  const zone = $('drop-zone');
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('dragging');
    if (e.dataTransfer?.files?.length) setFile(e.dataTransfer.files[0]);
  });
  $('audio').addEventListener('change', () => setFile($('audio').files[0]));
  $('clear-file').addEventListener('click', () => setFile(null));
}

function bindSettings() {
  $('base-url').value = page.settings.baseUrl;
  $('api-key').value = page.settings.apiKey;
  if (page.settings.baseUrl || page.settings.apiKey) $('settings').open = true;
  const save = () => {
    page.settings = {baseUrl: $('base-url').value, apiKey: $('api-key').value};
    saveSettings(globalThis.localStorage, page.settings);
  };
  $('settings-form').addEventListener('submit', (e) => {
    e.preventDefault();
    save();
  });
  $('base-url').addEventListener('change', save);
  $('api-key').addEventListener('change', save);
}

const goHome = () => {
  location.hash = '';
};

$('submit-form').addEventListener('submit', onSubmit);
$('cancel').addEventListener('click', onCancel);
$('progress-back').addEventListener('click', goHome);
$('karaoke-back').addEventListener('click', goHome);
window.addEventListener('hashchange', route);
bindDropZone();
bindSettings();
route();
