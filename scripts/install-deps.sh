#!/usr/bin/env bash
# Installs the Debian 12 packages yt-lyrics builds and tests with (a no-op
# when they are all there).
set -euo pipefail

packages=(
  build-essential cmake pkg-config clang-format ccache
  clang libclang-rt-14-dev  # libFuzzer and the sanitizers' runtimes (scripts/fuzz.sh)
  libavformat-dev libavcodec-dev libswresample-dev libavutil-dev ffmpeg lame
  libpocketsphinx-dev libsphinxbase-dev pocketsphinx-en-us
  espeak-ng libespeak-ng-dev sox libsox-fmt-mp3
  libssl-dev nlohmann-json3-dev libcli11-dev libspdlog-dev libfmt-dev libsqlite3-dev libboost-dev
  libcurl4-openssl-dev
  libpqxx-dev postgresql
  libgtest-dev libgmock-dev libbenchmark-dev
  yt-dlp
  chromium
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=$([ "$(id -u)" -eq 0 ] && echo "" || echo sudo)
  echo "installing Debian packages: ${missing[*]}"
  log=$(mktemp)
  if ! { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
         $SUDO apt-get install -y -qq "${missing[@]}"; } >"$log" 2>&1; then
    cat "$log"; rm -f "$log"
    echo "apt-get failed; see above" >&2
    exit 1
  fi
  rm -f "$log"
fi

# The web page's tests: node's test runner and playwright-core (package-lock.json), which drives
# Debian's chromium (playwright's own browser download is not used).
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if ! command -v npm >/dev/null; then
  echo "npm not found: install Node.js 20 (Debian: nodejs npm) for the web page's tests" >&2
elif [ ! -d "$repo_root/node_modules/playwright-core" ]; then
  echo "installing node packages (npm ci) in $repo_root"
  (cd "$repo_root" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
fi
