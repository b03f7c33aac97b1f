#!/usr/bin/env bash
# CTest fixture `postgres`: a throw-away PostgreSQL server on a free loopback port.
#   pg_fixture.sh start DIR   initdb + start (idempotent), DSN written to DIR/dsn
#   pg_fixture.sh stop DIR    stop the server and remove DIR
# FLEETDECK_PG_PORT=N makes `start` use that port (tests that start the server after a client
# has been pointed at it); otherwise a free one is chosen.
# Runs as root (initdb refuses root: the server runs as the `postgres` user) or as a normal user.
set -euo pipefail

cmd=${1:-}
dir=${2:-}
if [[ -z "$cmd" || -z "$dir" ]]; then
  echo "usage: $0 start|stop DIR" >&2
  exit 2
fi

BIN=${FLEETDECK_PG_BIN:-/usr/lib/postgresql/15/bin}
if [[ ! -x "$BIN/pg_ctl" ]]; then
  for cand in /usr/lib/postgresql/*/bin; do
    [[ -x "$cand/pg_ctl" ]] && BIN=$cand
  done
fi
if [[ ! -x "$BIN/pg_ctl" ]]; then
  echo "pg_fixture: PostgreSQL server binaries not found (install the postgresql package)" >&2
  exit 1
fi

AS=()
if [[ $(id -u) == 0 ]]; then
  AS=(runuser -u postgres --)
fi

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

server_answers() {
  [[ -f "$dir/dsn" && -f "$dir/port" ]] || return 1
  "$BIN/pg_isready" -q -h 127.0.0.1 -p "$(cat "$dir/port")" -t 2
}

stop_server() {
  if [[ -f "$dir/data/postmaster.pid" ]]; then
    "${AS[@]}" "$BIN/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1 || true
  fi
}

start() {
  if server_answers; then
    echo "pg_fixture: already running: $(cat "$dir/dsn")"
    return 0
  fi
  stop_server
  rm -rf "$dir"
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  if [[ ${#AS[@]} -gt 0 ]]; then
    chown postgres: "$dir"
  fi
  # The Unix socket path is limited to 107 bytes: fall back to a short directory for long paths.
  local sockdir=$dir
  if (( ${#dir} > 80 )); then
    sockdir=$(mktemp -d /tmp/fdpg.XXXXXX)
    [[ ${#AS[@]} -gt 0 ]] && chown postgres: "$sockdir"
    echo "$sockdir" >"$dir/sockdir"
  fi
  "${AS[@]}" "$BIN/initdb" -D "$dir/data" -U app --auth=trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2
    exit 1
  }
  local port attempt
  for attempt in 1 2 3 4 5; do
    port=${FLEETDECK_PG_PORT:-$(free_port)}
    if "${AS[@]}" "$BIN/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 \
         -o "-p $port -k $sockdir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
         start >/dev/null; then
      echo "$port" >"$dir/port"
      echo "postgresql://app@127.0.0.1:$port/postgres" >"$dir/dsn.tmp"
      mv "$dir/dsn.tmp" "$dir/dsn"
      echo "pg_fixture: started $(cat "$dir/dsn")"
      return 0
    fi
    echo "pg_fixture: start on port $port failed (attempt $attempt)" >&2
    tail -n 5 "$dir/log" >&2 || true
  done
  exit 1
}

stop() {
  if [[ -d "$dir" ]]; then
    stop_server
    if [[ -f "$dir/sockdir" ]]; then
      rm -rf "$(cat "$dir/sockdir")"
    fi
    rm -rf "$dir"
  fi
  echo "pg_fixture: stopped"
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  *)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
