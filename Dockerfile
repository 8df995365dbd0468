# yt-lyrics job server image: `yt-lyrics serve` on Debian 12, for Railway, Fly.io or any
# container platform. See docs/deploy.md. Build: docker build -t yt-lyrics .

# ---- build stage: compilers and -dev packages (the list in scripts/install-deps.sh, without
# the test-only and browser packages) ------------------------------------------------------------
FROM debian:bookworm-slim AS build
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      build-essential cmake pkg-config \
      libavformat-dev libavcodec-dev libswresample-dev libavutil-dev \
      libpocketsphinx-dev libsphinxbase-dev \
      libespeak-ng-dev libssl-dev libsqlite3-dev \
      nlohmann-json3-dev libcli11-dev libspdlog-dev libfmt-dev libboost-dev \
      libcurl4-openssl-dev libpqxx-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN cmake -S . -B /build -DCMAKE_BUILD_TYPE=Release -DYT_LYRICS_BUILD_TESTS=OFF \
 && cmake --build /build --target yt-lyrics -j"$(nproc)" \
 && strip /build/yt-lyrics

# ---- runtime stage: only the shared libraries, models and tools the server uses ----------------
# (tests/deploy checks that every library the binary links comes from a package listed here)
FROM debian:bookworm-slim AS runtime
# yt-dlp from Debian 12's backports: bookworm's own release lags behind the sites it downloads
# from, the backport follows Debian testing.
RUN echo "deb http://deb.debian.org/debian bookworm-backports main" \
      > /etc/apt/sources.list.d/bookworm-backports.list \
 && apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      libavformat59 libavcodec59 libswresample4 libavutil57 \
      libpocketsphinx3 libsphinxbase3 pocketsphinx-en-us \
      libespeak-ng1 espeak-ng-data \
      libsqlite3-0 libssl3 libspdlog1.10 libfmt9 libcurl4 libpqxx-6.4 libpq5 \
      ca-certificates curl ffmpeg \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      -t bookworm-backports yt-dlp \
 && yt-dlp --version \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /build/yt-lyrics /usr/local/bin/yt-lyrics
RUN useradd --system --uid 10001 --create-home --home-dir /home/ytl ytl \
 && mkdir -p /data && chown ytl:ytl /data
USER ytl
WORKDIR /home/ytl
VOLUME ["/data"]

# Configuration: every `yt-lyrics serve` flag also reads YT_LYRICS_*; PORT (set by the platform)
# makes the server listen on 0.0.0.0:$PORT. Secrets (YT_LYRICS_API_KEYS) come from the platform.
ENV PORT=8080 \
    YT_LYRICS_DATA_DIR=/data \
    YT_LYRICS_GRACE_PERIOD=25 \
    YT_LYRICS_MODEL_DIR=/usr/share/pocketsphinx/model/en-us \
    YT_LYRICS_YT_DLP=/usr/bin/yt-dlp
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${PORT}/health" || exit 1
# Exec form: the server is PID 1 and gets SIGTERM itself, drains, and exits 0.
CMD ["yt-lyrics", "serve"]
