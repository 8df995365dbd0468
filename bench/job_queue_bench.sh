#!/usr/bin/env bash
# The job queue on PostgreSQL, end to end (bench/README.md, "Job queue on PostgreSQL"):
# one API-only node and WORKERS worker processes (one job thread each) sync JOBS copies of the
# bundled synthetic song (lyrics differing only in trailing blank lines, so none is a dedup hit
# and every job runs the whole pipeline, its stage outputs cached by content after the first);
# then ytl-job-queue-bench reports jobs/hour and the submission-to-start delay.
#
#   bench/job_queue_bench.sh BUILD_DIR WORKERS JOBS [SPACING_S]
#
# SPACING_S > 0 submits one job every SPACING_S seconds (an idle queue: the delay is the
# claim path alone); 0 (default) submits them all at once (a full queue: throughput).
set -euo pipefail
build=${1:?build dir}; workers=${2:?worker processes}; jobs=${3:?jobs}; spacing=${4:-0}
cd "$(dirname "$0")/.."
eval "$(scripts/postgres-test-server.sh start)"
db=bench_queue_$$
psql -q "$YTL_TEST_POSTGRES_URL" -c "CREATE DATABASE $db"
url=${YTL_TEST_POSTGRES_URL%/postgres}/$db
work=$(mktemp -d /tmp/ytl-queue-bench.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  psql -q "$YTL_TEST_POSTGRES_URL" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" || true
  rm -rf "$work"
}
trap cleanup EXIT

"$build/tests/support/ytl-make-song" "$work/song" >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$build/yt-lyrics" serve --listen "127.0.0.1:$port" --data-dir "$work/api" --store "$url" \
  --workers 0 --max-jobs-per-client 100000 >"$work/api.log" 2>&1 &
pids+=($!)
for i in $(seq 1 "$workers"); do
  "$build/yt-lyrics" worker --store "$url" --worker-id "bench$i" --scratch-dir "$work/s$i" \
    >"$work/worker$i.log" 2>&1 &
  pids+=($!)
done
until curl -sf "http://127.0.0.1:$port/ready" >/dev/null; do sleep 0.2; done
until [ "$(cat "$work"/worker*.log | grep -c worker_started)" = "$workers" ]; do
  sleep 0.2
done
for i in $(seq 1 "$jobs"); do
  printf '%s' "$(cat "$work/song/song.txt")" >"$work/lyrics.txt"
  for _ in $(seq 1 "$i"); do echo >>"$work/lyrics.txt"; done
  curl -sf -o /dev/null -F "audio=@$work/song/song.wav" -F "lyrics=<$work/lyrics.txt" \
    "http://127.0.0.1:$port/v1/jobs"
  [ "$spacing" = 0 ] || sleep "$spacing"
done
until [ "$(psql -tA "$url" -c "SELECT COUNT(*) FROM jobs WHERE state IN ('succeeded','failed')")" = "$jobs" ]; do
  sleep 0.5
done
echo "failed: $(psql -tA "$url" -c "SELECT COUNT(*) FROM jobs WHERE state = 'failed'")"
"$build/bench/ytl-job-queue-bench" report --store "$url"
