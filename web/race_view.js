// Renders the racing page's tables: the live race (one row per backend) and the history.
// DOM only; the figures come from race_state.js and race_history.js.

import {stageLabel} from './progress_model.js';

const STATUS_LABELS = {
  waiting: 'waiting',
  submitting: 'submitting…',
  running: 'running',
  succeeded: 'finished',
  failed: 'dropped out',
  unreachable: 'dropped out',
  stalled: 'dropped out',
  cancelled: 'cancelled',
  skipped: 'not started',
};

const seconds = (s) => (Number.isFinite(s) && s !== null ? `${s.toFixed(1)} s` : '–');

function cell(text, className = '') {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

// Redraws the race table's body from `race`; the winner's row is marked.
export function renderRaceTable(tbody, race) {
  const rows = race.entries.map((e) => {
    const tr = document.createElement('tr');
    tr.dataset.backend = e.backend;
    tr.dataset.state = e.state;
    if (e.backend === race.winner) tr.className = 'winner';
    if (['failed', 'unreachable', 'stalled'].includes(e.state)) tr.className = 'dropped';
    const name = cell(e.backend);
    if (e.backend === race.winner) {
      const badge = document.createElement('span');
      badge.className = 'badge';
      badge.textContent = 'winner';
      name.append(badge);
    }
    const showStage = e.stage && (e.state === 'running' || e.state === 'failed');
    const stage = cell(showStage ? `${stageLabel(e.stage)} ` : '');
    if (e.state === 'running' && e.stage) {
      const bar = document.createElement('progress');
      bar.max = 1;
      bar.value = e.progress;
      stage.append(bar);
    }
    const note = e.reason || e.startedBecause ||
        (e.state === 'waiting' && race.mode === 'smart' ? e.why : '');
    tr.append(name, cell(STATUS_LABELS[e.state] ?? e.state, 'status'), stage,
              cell(seconds(e.firstProgress_s)), cell(e.state === 'succeeded' ? seconds(e.total_s) : '–'),
              cell(note, 'note'));
    return tr;
  });
  tbody.replaceChildren(...rows);
}

// Redraws the history table's body from historyTable() rows.
export function renderHistoryTable(tbody, rows) {
  if (rows.length === 0) {
    const td = cell('No races yet.');
    td.colSpan = 6;
    const tr = document.createElement('tr');
    tr.append(td);
    tbody.replaceChildren(tr);
    return;
  }
  tbody.replaceChildren(...rows.map((r) => {
    const tr = document.createElement('tr');
    tr.dataset.backend = r.backend;
    tr.append(cell(r.backend), cell(r.bucket), cell(String(r.runs)),
              cell(`${Math.round(r.successRate * 100)}%`), cell(seconds(r.median_s)),
              cell(seconds(r.p90_s)));
    return tr;
  }));
}
