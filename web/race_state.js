// The state of one race, as a pure state machine: events from the backends go in
// (applyRaceEvent), and the actions to take come out (takeActions): start a backend, cancel a
// loser. Times are passed in (`now_ms`), so tests drive the clock.
//
// A backend moves waiting -> submitting -> running -> succeeded, or drops out as failed (the job
// or the submission failed), unreachable (no answer), stalled (no event for `stall_s`), cancelled
// (lost with cancelLosers on) or skipped (never started: the race was decided without it).

const TERMINAL = new Set(['succeeded', 'failed', 'unreachable', 'stalled', 'cancelled', 'skipped']);
const ACTIVE = new Set(['submitting', 'running']);

export const isTerminal = (entry) => TERMINAL.has(entry.state);
export const isActive = (entry) => ACTIVE.has(entry.state);

// plan: from planRace(). stall_s: seconds without any event before a backend drops out.
// cancelLosers: cancel the others once one wins (else they run on, to collect timings).
export function createRace({plan, stall_s = 120, cancelLosers = false, now_ms}) {
  return {
    mode: plan.mode,
    startAtOnce: plan.startAtOnce,
    stall_s,
    cancelLosers,
    startedAt_ms: now_ms,
    winner: null,
    finished: false,
    entries: plan.order.map(({backend, hedge_s, why}) => ({
      backend,
      why,
      hedge_s,
      state: 'waiting',
      jobId: '',
      stage: '',
      progress: 0,
      startedAt_ms: null,
      lastEventAt_ms: null,
      firstProgress_s: null,
      total_s: null,
      reason: '',
      // Why it was started later than the others (smart: "hedge: ..." or "failover: ...").
      startedBecause: '',
    })),
  };
}

const entryOf = (race, backend) => race.entries.find((e) => e.backend === backend);

function finish(race, entry, state, reason, now_ms) {
  if (isTerminal(entry)) return;
  entry.state = state;
  entry.reason = reason;
  if (entry.startedAt_ms !== null) entry.total_s = (now_ms - entry.startedAt_ms) / 1000;
  if (state === 'succeeded' && race.winner === null) race.winner = entry.backend;
}

// Folds one event into the race and returns it. Events:
//   {type: 'submitted', backend, jobId}
//   {type: 'job', backend, event: {type, data}}        a job event ("state" | "stage" | "progress")
//   {type: 'error', backend, unreachable, message}      submission or event stream failed
//   {type: 'tick'}                                      time passes: stalls are detected
export function applyRaceEvent(race, event, now_ms) {
  const entry = event.backend ? entryOf(race, event.backend) : null;
  if (event.type === 'submitted' && entry && !isTerminal(entry)) {
    entry.jobId = event.jobId;
    entry.state = 'running';
    entry.lastEventAt_ms = now_ms;
  } else if (event.type === 'job' && entry && !isTerminal(entry)) {
    applyJobEvent(race, entry, event.event, now_ms);
  } else if (event.type === 'error' && entry && !isTerminal(entry)) {
    if (event.unreachable) {
      finish(race, entry, 'unreachable', `unreachable: ${event.message}`, now_ms);
    } else {
      finish(race, entry, 'failed', `refused: ${event.message}`, now_ms);
    }
  } else if (event.type === 'tick') {
    for (const e of race.entries) {
      if (isActive(e) && now_ms - e.lastEventAt_ms > race.stall_s * 1000) {
        finish(race, e, 'stalled', `stalled: no progress for ${race.stall_s} s`, now_ms);
      }
    }
  }
  return race;
}

function applyJobEvent(race, entry, {type, data}, now_ms) {
  if (!data || typeof data !== 'object') return;
  entry.lastEventAt_ms = now_ms;
  if ((type === 'stage' || type === 'progress') && typeof data.stage === 'string') {
    if (entry.firstProgress_s === null) entry.firstProgress_s = (now_ms - entry.startedAt_ms) / 1000;
    entry.stage = data.stage;
    if (type === 'stage') entry.progress = 0;
    if (typeof data.progress === 'number') entry.progress = Math.min(1, Math.max(0, data.progress));
  } else if (type === 'state') {
    if (data.state === 'succeeded') {
      finish(race, entry, 'succeeded', '', now_ms);
    } else if (data.state === 'failed') {
      const at = entry.stage ? ` at ${entry.stage}` : '';
      finish(race, entry, 'failed', `failed${at}: ${data.error_message || 'no reason given'}`,
             now_ms);
    } else if (data.state === 'cancelled') {
      finish(race, entry, 'cancelled', 'cancelled on the backend', now_ms);
    }
  }
}

// Decides what to do now and records it in the race: backends to start and losers to cancel.
// Returns [{type: 'start', backend}] and [{type: 'cancel', backend, jobId}] actions; the caller
// performs them and feeds back what happens (submitted / error / job events).
export function takeActions(race, now_ms) {
  const actions = [];
  if (race.winner !== null) {
    for (const e of race.entries) {
      if (e.state === 'waiting') finish(race, e, 'skipped', `not started: ${race.winner} won`, now_ms);
      if (race.cancelLosers && isActive(e)) {
        if (e.jobId) actions.push({type: 'cancel', backend: e.backend, jobId: e.jobId});
        finish(race, e, 'cancelled', `cancelled: ${race.winner} won`, now_ms);
      }
    }
  } else {
    for (const e of backendsToStart(race, now_ms)) {
      e.state = 'submitting';
      e.startedAt_ms = now_ms;
      e.lastEventAt_ms = now_ms;
      actions.push({type: 'start', backend: e.backend});
    }
  }
  // A backend that stalled may still be working: cancel its job so it frees the worker.
  for (const e of race.entries) {
    if (e.state === 'stalled' && e.jobId && !e.cancelSent) {
      e.cancelSent = true;
      actions.push({type: 'cancel', backend: e.backend, jobId: e.jobId});
    }
  }
  race.finished = race.entries.every(isTerminal);
  return actions;
}

// Waiting backends due to start: the first `startAtOnce` at the beginning; then (smart) the
// next one when nothing is active any more (failover), or when the latest started one has
// passed its hedge time without winning.
function backendsToStart(race, now_ms) {
  const waiting = race.entries.filter((e) => e.state === 'waiting');
  if (waiting.length === 0) return [];
  const started = race.entries.filter((e) => e.startedAt_ms !== null);
  if (started.length === 0) return waiting.slice(0, race.startAtOnce);
  if (race.mode === 'single') return [];
  const active = race.entries.filter(isActive);
  if (active.length === 0) {
    waiting[0].startedBecause = 'failover: no backend left running';
    return [waiting[0]];
  }
  const latest = started.reduce((a, b) => (b.startedAt_ms >= a.startedAt_ms ? b : a));
  const hedgeAt_ms = latest.startedAt_ms + latest.hedge_s * 1000;
  if (isActive(latest) && now_ms >= hedgeAt_ms) {
    latest.hedged = true;
    waiting[0].startedBecause =
        `hedge: ${latest.backend} not done within its p90 of ${latest.hedge_s.toFixed(1)} s`;
    return [waiting[0]];
  }
  return [];
}

// A one-line account of the race for people: who won, who dropped out and why.
export function raceSummary(race) {
  const dropped = race.entries.filter((e) => ['failed', 'unreachable', 'stalled'].includes(e.state));
  const parts = [];
  if (race.winner !== null) {
    const w = entryOf(race, race.winner);
    parts.push(`${race.winner} won in ${w.total_s.toFixed(1)} s.`);
  } else if (race.finished) {
    parts.push('No backend succeeded.');
  }
  for (const e of dropped) parts.push(`${e.backend} dropped out (${e.reason}).`);
  return parts.join(' ');
}
