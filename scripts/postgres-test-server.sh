#!/usr/bin/env bash
# A scratch PostgreSQL server for the tests labelled `postgres`: its data
# folder under $YTL_PG_DIR (default /tmp/ytl-postgres), listening on
# 127.0.0.1 on a free port, superuser `ytl`, no password (trust on loopback
# only), fsync off. Run as root it runs the server as the `postgres` user.
#
#   eval "$(scripts/postgres-test-server.sh start)"   # idempotent; exports YTL_TEST_POSTGRES_URL
#   scripts/postgres-test-server.sh url|status|restart|stop
set -euo pipefail

dir=${YTL_PG_DIR:-/tmp/ytl-postgres}
data="$dir/data"
bin=${YTL_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
if [ -z "$bin" ] || [ ! -x "$bin/pg_ctl" ]; then
  echo "no PostgreSQL server binaries under /usr/lib/postgresql/*/bin; install the Debian" \
       "package postgresql (scripts/install-deps.sh) or set YTL_PG_BIN" >&2
  exit 5
fi

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

url() { echo "postgres://ytl@127.0.0.1:$(cat "$dir/port")/postgres"; }

running() { [ -f "$dir/port" ] && as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; }

start() {
  if running; then echo "export YTL_TEST_POSTGRES_URL=$(url)"; return; fi
  mkdir -p "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
  if [ ! -f "$data/PG_VERSION" ]; then
    as_owner "$bin/initdb" -D "$data" -U ytl -A trust --no-sync >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
  fi
  [ -f "$dir/port" ] || free_port >"$dir/port"
  local port
  port=$(cat "$dir/port")
  if ! as_owner "$bin/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 30 start \
      -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir \
          -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
          -c max_connections=300" >/dev/null; then
    echo "PostgreSQL did not start; its log:" >&2
    tail -20 "$dir/server.log" >&2
    exit 1
  fi
  echo "export YTL_TEST_POSTGRES_URL=$(url)"
}

stop() {
  if running; then as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null; fi
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  restart) stop; start ;;
  url) url ;;
  status) if running; then echo "running: $(url)"; else echo "stopped"; exit 3; fi ;;
  *) echo "usage: $0 start|stop|restart|url|status" >&2; exit 2 ;;
esac
