// Runs one race over the network: performs the actions of the race state machine
// (race_state.js) with one ApiClient per backend, and feeds back what the backends answer.
// No DOM; `onChange(race)` is called after every change.

import {ApiClient, ApiError, TERMINAL_STATES} from './api.js';
import {followJobEvents} from './job_events.js';
import {applyRaceEvent, createRace, takeActions} from './race_state.js';

// How often stalls and hedge times are checked.
const TICK_MS = 250;

// The final state event carries the failure's reason (error_message); should it be
// missing, the job itself has it.
async function withError(client, jobId, final) {
  if (final.state !== 'failed' || final.error_message) return final;
  try {
    return {...final, error_message: (await client.getJob(jobId)).error?.message ?? ''};
  } catch {
    return final;
  }
}

export class RaceRunner {
  // plan: from planRace(). job: {url, file, lyrics, language}. apiKey: sent to every backend.
  // clientFor(backend): injectable for tests (default: an ApiClient). now(): the clock in ms.
  constructor({plan, job, apiKey = '', stall_s, cancelLosers, onChange = () => {},
               clientFor = (baseUrl) => new ApiClient({baseUrl, apiKey}), now = () => Date.now(),
               tick_ms = TICK_MS}) {
    this.job = job;
    this.onChange = onChange;
    this.clientFor = clientFor;
    this.now = now;
    this.tick_ms = tick_ms;
    this.clients = new Map();
    this.follows = new Map();  // backend -> AbortController of its event stream
    this.race = createRace({plan, stall_s, cancelLosers, now_ms: now()});
    this.done = new Promise((resolve) => {
      this.resolveDone = resolve;
    });
  }

  client(backend) {
    if (!this.clients.has(backend)) this.clients.set(backend, this.clientFor(backend));
    return this.clients.get(backend);
  }

  // Starts the race; `done` resolves with the race when every backend has an outcome.
  start() {
    this.timer = setInterval(() => this.dispatch({type: 'tick'}), this.tick_ms);
    this.act();
    return this.done;
  }

  // Stops following every backend (their jobs keep running on the servers).
  abort() {
    clearInterval(this.timer);
    for (const follow of this.follows.values()) follow.abort();
    this.resolveDone(this.race);
  }

  dispatch(event) {
    applyRaceEvent(this.race, event, this.now());
    this.act();
  }

  act() {
    for (const action of takeActions(this.race, this.now())) {
      if (action.type === 'start') this.run(action.backend);
      if (action.type === 'cancel') this.cancel(action.backend, action.jobId);
    }
    this.onChange(this.race);
    if (this.race.finished) this.abort();
  }

  cancel(backend, jobId) {
    this.follows.get(backend)?.abort();
    this.client(backend).cancelJob(jobId).catch(() => {});  // best effort: it may be done already
  }

  async run(backend) {
    const follow = new AbortController();
    this.follows.set(backend, follow);
    const client = this.client(backend);
    try {
      const job = await client.submitJob(this.job);
      this.dispatch({type: 'submitted', backend, jobId: job.id});
      const final = await followJobEvents({
        client,
        jobId: job.id,
        signal: follow.signal,
        // The final state is dispatched below, once its reason is known.
        onEvent: (event) => {
          if (event.type !== 'state' || !TERMINAL_STATES.has(event.data?.state)) {
            this.dispatch({type: 'job', backend, event});
          }
        },
      });
      const data = await withError(client, job.id, final);
      this.dispatch({type: 'job', backend, event: {type: 'state', data}});
    } catch (err) {
      if (follow.signal.aborted) return;
      const unreachable = !(err instanceof ApiError) || err.status === 0;
      this.dispatch({type: 'error', backend, unreachable, message: err.message});
    }
  }
}
