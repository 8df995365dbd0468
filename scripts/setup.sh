#!/usr/bin/env bash
# Installs everything yt-lyrics needs on Debian 12, builds it, and syncs the
# bundled example song (generated here: espeak-ng singing over a music bed).
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j"$(nproc)"

example=build/example
./build/tests/support/ytl-make-song "$example"
./build/yt-lyrics sync "$example/song.wav" --lyrics "$example/song.txt" --output "$example/out"
echo
echo "The example, synced ($example/out/ holds every format):"
head -n 5 "$example/out/song.enhanced.lrc"
