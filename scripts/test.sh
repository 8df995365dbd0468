#!/usr/bin/env bash
# Runs every test: builds (after scripts/setup.sh installed the packages) and
# runs the whole ctest suite. Tests that need ../shared/data skip when absent.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)"
ctest --test-dir build --output-on-failure -j"$(nproc)" --timeout 900
