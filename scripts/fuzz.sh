#!/usr/bin/env bash
# Runs the libFuzzer targets of fuzz/ for a bounded time each and prints their final stats.
#   scripts/fuzz.sh [--seconds N] [--build] [--dir BUILD_DIR] [TARGET...]
# --seconds N  time per target (default 30); --build configures and builds BUILD_DIR (default
# build-fuzz) with clang first; TARGETs default to every *_fuzzer in BUILD_DIR/fuzz.
# Each target starts from its committed seeds (fuzz/corpus/NAME and the inputs of crashes it
# found and that were fixed, fuzz/regressions/NAME; both read-only; the audio decoder's seeds
# are generated into BUILD_DIR/fuzz-seeds by fuzz/make_audio_seeds.sh) plus a working
# corpus kept in BUILD_DIR/fuzz-corpus/NAME, uses fuzz/dict/NAME.dict when present, and saves
# crashing inputs as BUILD_DIR/fuzz-artifacts/NAME-crash-*. Exits 1 when any target crashed,
# leaked, timed out on an input or ran out of memory.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=30
build=0
dir=build-fuzz
targets=()
while (($#)); do
  case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --build) build=1; shift ;;
    --dir) dir=$2; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    -*) echo "fuzz.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done

if ((build)); then
  if ! command -v clang++ >/dev/null; then
    echo "fuzz.sh: clang++ not found; install clang (scripts/install-deps.sh)" >&2
    exit 1
  fi
  launcher=()
  if command -v ccache >/dev/null; then
    export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
    launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  fi
  CC=clang CXX=clang++ cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" \
    -DYT_LYRICS_FUZZ=ON -DYT_LYRICS_BUILD_TESTS=OFF >/dev/null
  cmake --build "$dir" --target ytl_fuzzers -j"$(nproc)"
fi
if ((${#targets[@]} == 0)); then
  for binary in "$dir"/fuzz/*_fuzzer; do [ -x "$binary" ] && targets+=("$(basename "$binary")"); done
fi
if ((${#targets[@]} == 0)); then
  echo "fuzz.sh: no fuzz targets in $dir/fuzz; run with --build (or build target ytl_fuzzers)" >&2
  exit 1
fi

export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
failed=()
printf '%-26s %8s %12s %8s %8s  %s\n' target seconds executions cov ft result
for name in "${targets[@]}"; do
  binary="$dir/fuzz/$name"
  work="$dir/fuzz-corpus/$name"
  artifacts="$dir/fuzz-artifacts"
  mkdir -p "$work" "$artifacts"
  args=(-max_total_time="$seconds" -timeout=25 -rss_limit_mb=2560 -print_final_stats=1
        -artifact_prefix="$artifacts/$name-")
  [ -f "fuzz/dict/$name.dict" ] && args+=(-dict="fuzz/dict/$name.dict")
  seeds=()
  [ -d "fuzz/corpus/$name" ] && seeds+=("fuzz/corpus/$name")
  [ -d "fuzz/regressions/$name" ] && seeds+=("fuzz/regressions/$name")
  if [ "$name" = audio_decoder_fuzzer ]; then
    # Audio seeds are generated, never committed.
    [ -f "$dir/fuzz-seeds/$name/tone.opus" ] || fuzz/make_audio_seeds.sh "$dir/fuzz-seeds/$name"
    seeds+=("$dir/fuzz-seeds/$name")
  fi
  log="$dir/fuzz-artifacts/$name.log"
  result=ok
  "$binary" "${args[@]}" "$work" "${seeds[@]}" >"$log" 2>&1 || result=FAILED
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  last=$(grep -E '^#[0-9]+' "$log" | tail -n 1 || true)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
  printf '%-26s %8s %12s %8s %8s  %s\n' "$name" "$seconds" "${runs:-?}" "${cov:-?}" "${ft:-?}" \
    "$result"
  if [ "$result" != ok ]; then
    failed+=("$name")
    tail -n 60 "$log" >&2
  fi
done
if ((${#failed[@]})); then
  echo "fuzz.sh: ${failed[*]} failed; crashing inputs are in $dir/fuzz-artifacts/" >&2
  exit 1
fi
