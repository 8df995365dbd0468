// Race history: one record per backend per race, kept in localStorage, and the statistics the
// page shows and smart routing uses (success rate, median and p90 total time) per audio-duration
// bucket. Pure apart from load/save, which take an injectable Storage.

const KEY = 'yt-lyrics.race.history';
// Records kept per browser; older ones are dropped first.
export const MAX_RECORDS = 500;

// Audio-duration buckets, shortest first: a song falls in the first whose upper bound exceeds it.
export const DURATION_BUCKETS = [
  {name: 'under 1 min', below_s: 60},
  {name: '1-4 min', below_s: 240},
  {name: '4-8 min', below_s: 480},
  {name: '8 min and over', below_s: Infinity},
];
export const UNKNOWN_BUCKET = 'unknown length';

// The bucket name of a song lasting `duration_s` (UNKNOWN_BUCKET when it is not a number).
export function durationBucket(duration_s) {
  if (!Number.isFinite(duration_s) || duration_s < 0) return UNKNOWN_BUCKET;
  return DURATION_BUCKETS.find((b) => duration_s < b.below_s).name;
}

// The p-th percentile (0-100) of `values` by linear interpolation between closest ranks; NaN
// for an empty list.
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (Math.min(100, Math.max(0, p)) / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

// A record of one backend's part in one race.
// outcome: "succeeded" | "failed" | "unreachable" | "stalled" | "cancelled".
export function makeRecord({backend, outcome, total_s, firstProgress_s, duration_s, at_ms}) {
  return {
    backend,
    outcome,
    total_s: Number.isFinite(total_s) ? total_s : null,
    firstProgress_s: Number.isFinite(firstProgress_s) ? firstProgress_s : null,
    bucket: durationBucket(duration_s),
    at_ms,
  };
}

// Appends `records` to `history`, keeping the newest MAX_RECORDS. Returns a new array.
export function appendRecords(history, records) {
  return [...history, ...records].slice(-MAX_RECORDS);
}

// Statistics of the records of one backend (optionally one bucket). A cancelled run says nothing
// about the backend's health and is left out of the success rate; only successes give times.
// {runs, successes, successRate (NaN without runs), median_s, p90_s (NaN without successes)}
export function summarize(history, backend, bucket = null) {
  const mine = history.filter(
      (r) => r.backend === backend && r.outcome !== 'cancelled' && (!bucket || r.bucket === bucket));
  const times = mine.filter((r) => r.outcome === 'succeeded' && r.total_s !== null)
                    .map((r) => r.total_s);
  const successes = mine.filter((r) => r.outcome === 'succeeded').length;
  return {
    runs: mine.length,
    successes,
    successRate: mine.length ? successes / mine.length : NaN,
    median_s: percentile(times, 50),
    p90_s: percentile(times, 90),
  };
}

// One row per backend and bucket that has records, in backend order then bucket order:
// [{backend, bucket, ...summarize()}]. Backends with no records are left out.
export function historyTable(history, backends) {
  const bucketNames = [...DURATION_BUCKETS.map((b) => b.name), UNKNOWN_BUCKET];
  const rows = [];
  for (const backend of backends) {
    for (const bucket of bucketNames) {
      const stats = summarize(history, backend, bucket);
      if (stats.runs > 0) rows.push({backend, bucket, ...stats});
    }
  }
  return rows;
}

export function loadHistory(storage) {
  try {
    const saved = JSON.parse(storage?.getItem(KEY) ?? '[]');
    return Array.isArray(saved) ? saved.filter((r) => r && typeof r.backend === 'string') : [];
  } catch {
    return [];
  }
}

export function saveHistory(storage, history) {
  try {
    storage?.setItem(KEY, JSON.stringify(history.slice(-MAX_RECORDS)));
  } catch {
    // Private mode or storage full: history lasts for this visit only.
  }
}

export function clearHistory(storage) {
  try {
    storage?.removeItem(KEY);
  } catch {
    // Nothing to clear.
  }
}
