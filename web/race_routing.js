// Routing modes of the racing page and the order in which backends are tried. Pure.
//   race:   every backend at once; the first success wins.
//   smart:  the historically fastest healthy backend first; the next one joins ("hedge") when
//           the first has not finished within its p90 time, or at once when it drops out.
//   single: the first backend of the list only.

import {summarize} from './race_history.js';

export const MODES = ['race', 'smart', 'single'];
// A backend whose success rate is below this (over at least MIN_RUNS_FOR_HEALTH runs) is
// tried after every healthy one.
export const HEALTHY_SUCCESS_RATE = 0.5;
export const MIN_RUNS_FOR_HEALTH = 2;
// Hedge delay for a backend without timing history.
export const DEFAULT_HEDGE_S = 60;

// What history says about `backend` for a song of `bucket`: the bucket's figures when it has
// successes, else the figures over every bucket. {healthy, median_s, p90_s, runs, successRate}
export function backendStanding(history, backend, bucket) {
  const inBucket = summarize(history, backend, bucket);
  const overall = summarize(history, backend);
  const timed = inBucket.successes > 0 ? inBucket : overall;
  const healthy = !(overall.runs >= MIN_RUNS_FOR_HEALTH && overall.successRate < HEALTHY_SUCCESS_RATE);
  return {
    healthy,
    median_s: timed.median_s,
    p90_s: timed.p90_s,
    runs: overall.runs,
    successRate: overall.successRate,
  };
}

// Backends in the order smart routing tries them: healthy before unhealthy, then known median
// time (fastest first) before unknown, then the list's own order.
export function rankBackends(history, backends, bucket) {
  return backends
      .map((backend, position) => ({backend, position, ...backendStanding(history, backend, bucket)}))
      .sort((x, y) => {
        if (x.healthy !== y.healthy) return x.healthy ? -1 : 1;
        const xs = Number.isFinite(x.median_s);
        const ys = Number.isFinite(y.median_s);
        if (xs !== ys) return xs ? -1 : 1;
        if (xs && x.median_s !== y.median_s) return x.median_s - y.median_s;
        return x.position - y.position;
      });
}

// The plan of one race: {mode, order: [{backend, hedge_s, why}], startAtOnce: number of
// backends started at the beginning}. Backends beyond `order` are not used.
export function planRace({mode, backends, history = [], bucket = null,
                          defaultHedge_s = DEFAULT_HEDGE_S}) {
  if (!MODES.includes(mode)) throw new Error(`unknown routing mode "${mode}"; use race, smart or single`);
  if (backends.length === 0) throw new Error('add at least one backend URL to race');
  if (mode === 'single') {
    return {mode, order: [{backend: backends[0], hedge_s: Infinity, why: 'single: first in the list'}],
            startAtOnce: 1};
  }
  if (mode === 'race') {
    return {mode, order: backends.map((backend) => ({backend, hedge_s: Infinity, why: 'race: all at once'})),
            startAtOnce: backends.length};
  }
  const order = rankBackends(history, backends, bucket).map((s) => {
    const hedge_s = Number.isFinite(s.p90_s) ? s.p90_s : defaultHedge_s;
    const why = !s.healthy ? `unhealthy: ${Math.round(s.successRate * 100)}% success` :
        Number.isFinite(s.median_s) ? `median ${s.median_s.toFixed(1)} s, p90 ${s.p90_s.toFixed(1)} s` :
                                      'no history yet';
    return {backend: s.backend, hedge_s, why};
  });
  return {mode, order, startAtOnce: 1};
}
