#!/usr/bin/env bash
# Runs every test, as CI does (.ci/run), in three passes:
#  1. build/: the whole ctest suite. Tests that need ../shared/data skip when absent; those
#     labelled `postgres` use a scratch server (scripts/postgres-test-server.sh).
#  2. build-asan/: the unit and e2e suites again under AddressSanitizer + UndefinedBehaviorSanitizer
#     (-DYT_LYRICS_SANITIZE=address,undefined; LeakSanitizer on). Every report, in a test or in a
#     process it starts (yt-lyrics serve, sync), halts that process and lands in
#     build-asan/sanitizer-reports/; any report fails the run. Speed and resident-memory checks
#     skip there (core/sanitized_build.h). Left out: the browser test (chromium driving the web
#     page; the server code under it is what the serve e2e tests already run under ASan).
#  3. build-fuzz/: every libFuzzer target for YTL_FUZZ_SECONDS seconds (default 30) with its seed
#     corpus (scripts/fuzz.sh; clang).
#  4. build-tsan/, only with YTL_TEST_TSAN=1 (its build adds about half an hour here): the job
#     queue's test programs (worker pool, stores, multi-node, serve) under ThreadSanitizer
#     (-DYT_LYRICS_SANITIZE=thread); any report, in a test or a server it starts, fails the run.
# Passes 1-3 run by default; YTL_TEST_SANITIZERS=0 or YTL_FUZZ_SECONDS=0 skips one (for a quick
# local run). ccache, when installed, keeps compiled objects between runs and between clones
# (CCACHE_BASEDIR makes its keys relative to the checkout).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
jobs=$(nproc)
launcher=()
if command -v ccache >/dev/null; then
  export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
  launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" >/dev/null
cmake --build build -j"$jobs"
# The tests labelled `postgres` run against a scratch PostgreSQL on loopback (stopped on exit).
eval "$(./scripts/postgres-test-server.sh start)"
export YTL_TEST_POSTGRES_URL
trap './scripts/postgres-test-server.sh stop' EXIT
ctest --test-dir build --output-on-failure -j"$jobs" --timeout 900

if [ "${YTL_TEST_SANITIZERS:-1}" != 0 ]; then
  echo "== the unit and e2e tests under AddressSanitizer + UndefinedBehaviorSanitizer (build-asan/)"
  cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" \
    -DYT_LYRICS_SANITIZE=address,undefined >/dev/null
  cmake --build build-asan -j"$jobs"
  reports="$PWD/build-asan/sanitizer-reports"
  rm -rf "$reports" && mkdir -p "$reports"
  export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:check_initialization_order=1:log_path=$reports/asan"
  export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:log_path=$reports/ubsan"
  export LSAN_OPTIONS="suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0"
  status=0
  ctest --test-dir build-asan --output-on-failure -j"$jobs" --timeout 1800 -L 'unit|e2e' \
    || status=$?
  if compgen -G "$reports/*" >/dev/null; then
    echo "sanitizer reports (build-asan/sanitizer-reports/):" >&2
    for report in "$reports"/*; do echo "--- $report" >&2; cat "$report" >&2; done
    status=1
  fi
  unset ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS
  [ "$status" = 0 ] || { echo "the sanitized test pass failed" >&2; exit "$status"; }
fi

if [ "${YTL_TEST_TSAN:-0}" = 1 ]; then
  echo "== the job queue's tests under ThreadSanitizer (build-tsan/)"
  cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" \
    -DYT_LYRICS_SANITIZE=thread >/dev/null
  programs=(tests/ytl_worker_pool_test src/store/ytl_store_test
            src/store/sqlite/ytl_store_sqlite_test src/store/postgres/ytl_store_postgres_test
            tests/postgres/ytl_multi_node_postgres_test tests/ytl_serve_api_e2e_test
            tests/ytl_serve_durability_e2e_test)
  cmake --build build-tsan -j"$jobs" --target yt-lyrics "${programs[@]##*/}"
  reports="$PWD/build-tsan/sanitizer-reports"
  rm -rf "$reports" && mkdir -p "$reports"
  status=0
  for program in "${programs[@]}"; do
    (cd "build-tsan/$(dirname "$program")" &&
       TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:log_path=$reports/tsan" \
       "./$(basename "$program")" --gtest_brief=1) || status=$?
  done
  if compgen -G "$reports/*" >/dev/null; then
    for report in "$reports"/*; do echo "--- $report" >&2; cat "$report" >&2; done
    status=1
  fi
  [ "$status" = 0 ] || { echo "the ThreadSanitizer pass failed" >&2; exit "$status"; }
fi

if [ "${YTL_FUZZ_SECONDS:-30}" != 0 ]; then
  ./scripts/fuzz.sh --seconds "${YTL_FUZZ_SECONDS:-30}" --build
fi
